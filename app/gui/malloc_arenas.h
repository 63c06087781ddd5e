#pragma once

namespace safemap {

/// Caps glibc's malloc at two arenas. By default each thread that allocates gets an arena of
/// its own, up to eight per core, and memory freed there stays in the process: the window's
/// workers (loading, rules, rendering) left about 28 MB more resident on the 100,000-facility
/// project when it was opened (docs/benchmarks.md, E). Two arenas keep the UI thread and one
/// worker from contending. Must run before the first thread starts; does nothing off glibc
/// and in sanitizer builds, whose allocators are their own.
void limitMallocArenas();

}  // namespace safemap
