#pragma once

#include <string>

namespace safemap {

/// Asks glibc to back large allocations with transparent huge pages (its
/// glibc.malloc.hugetlb tunable), which it reads only at program start: so the program
/// starts itself again once with the tunable set, before anything else has run. On the
/// million-assessment project of bench/store_bench.py the lists and re-scoring spend a
/// quarter to a third of their time in page faults of fresh memory; with 2 MB pages they
/// take 10-40 % less time (docs/benchmarks.md, E). It is done only when an argument names a
/// file of 64 MB or more (a large project or CSV), and by the command-line front
/// (app/light_main.cpp), which starts again in 0.01 s; the whole program it becomes
/// inherits the tunable, so Qt and GDAL (0.1 s a start) are loaded once. Does nothing where the
/// tunable is set already, where SAFEMAP_HUGE_PAGES=0, off Linux, and in sanitizer builds; if
/// starting again fails, the program simply goes on.
void preferHugePages(char** argv);

/// preferHugePages for a window started without arguments that will open `file`, the
/// project it remembers: a large project reopened this way opens its coloured map in about
/// half the time (docs/benchmarks.md, E, "The window's memory"). It matters only where
/// `safemap-full` is started directly: through the front the tunable is set already.
void preferHugePagesFor(char** argv, const std::string& file);

/// Sets the tunable in this process's environment only, for the program it becomes or
/// starts next: the front does it before it becomes the whole program, which then always
/// runs with huge pages at no extra start. Even a small job of the whole program gains (the
/// sample's map drawn in 0.33 s against 0.38 s, 1.5 MB more), and a window started small
/// may open a large project from its File menu later (coloured in 0.44-0.51 s against
/// 0.66-0.67 s at 100,000 facilities; docs/benchmarks.md, E). Same exceptions as above.
void preferHugePagesForNextProgram();

/// Whether an argument after the program's name names a regular file of 64 MB or more.
bool namesLargeFile(char** argv);

/// Whether `path` is a regular file of 64 MB or more.
bool isLargeFile(const char* path);

}  // namespace safemap
