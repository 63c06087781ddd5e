#include "app/cli/huge_pages.h"

#include <cstdlib>
#include <cstring>
#include <string>

#if defined(__linux__)
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace safemap {

namespace {

// Files this large (a project with hundreds of thousands of assessments, a CSV of them)
// mean hundreds of MB of working memory; below it, starting twice would cost more than huge
// pages save (0.01 s for the front, 0.1 s for the whole program started directly).
constexpr long long kLargeFileBytes = 64LL << 20;

}  // namespace

bool isLargeFile(const char* path) {
#if defined(__linux__)
    struct stat st {};
    return path && *path && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
           static_cast<long long>(st.st_size) >= kLargeFileBytes;
#else
    (void)path;
    return false;
#endif
}

bool namesLargeFile(char** argv) {
    for (char** a = argv + 1; a && *a; ++a)
        if (**a != '-' && isLargeFile(*a))
            return true;
    return false;
}

namespace {

// Sets the tunable for the next program this process starts (glibc reads it only at a
// program's start). False where it is not wanted or was set already.
bool setTunable() {
#if defined(__linux__) && !defined(SAFEMAP_SANITIZED)
    if (const char* off = std::getenv("SAFEMAP_HUGE_PAGES"); off && std::strcmp(off, "0") == 0)
        return false;
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb"))
        return false;  // set already: by the user, or by the start before this one
    std::string value = "glibc.malloc.hugetlb=1";
    if (tunables && *tunables)
        value = std::string(tunables) + ":" + value;
    return setenv("GLIBC_TUNABLES", value.c_str(), 1) == 0;
#else
    return false;
#endif
}

void startAgainWithHugePages(char** argv, bool large) {
#if defined(__linux__) && !defined(SAFEMAP_SANITIZED)
    if (!large || !setTunable())
        return;
    execv("/proc/self/exe", argv);
    // Still here: the start failed; carry on as we are.
#else
    (void)argv;
    (void)large;
#endif
}

}  // namespace

void preferHugePages(char** argv) {
    startAgainWithHugePages(argv, namesLargeFile(argv));
}

void preferHugePagesFor(char** argv, const std::string& file) {
    startAgainWithHugePages(argv, isLargeFile(file.c_str()));
}

void preferHugePagesForNextProgram() {
    setTunable();
}

}  // namespace safemap
