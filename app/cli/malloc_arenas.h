#pragma once

namespace safemap {

/// Caps glibc's malloc at one arena. By default each thread that allocates gets an arena of
/// its own, up to eight per core, and memory freed there stays in the process: the window's
/// workers (loading, rules, rendering) left 17-28 MiB more resident on the 100,000-facility
/// project when it was opened, and with two arenas the peak still varied by 20 MiB from
/// run to run (docs/benchmarks.md, E). One arena makes that peak the same every time, for
/// about 5 % more time to the first coloured frame, the threads waiting on its lock. The
/// command-line front does the same for `score`, whose second reading thread was slower in
/// an arena of its own (0.89-1.11 s against 0.72-0.93 s at a million assessments). Must
/// run before the first thread starts; does nothing off glibc and in sanitizer builds,
/// whose allocators are their own.
void limitMallocArenas();

}  // namespace safemap
