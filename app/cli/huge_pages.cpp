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

void startAgainWithHugePages(char** argv, bool large) {
#if defined(__linux__) && !defined(SAFEMAP_SANITIZED)
    if (const char* off = std::getenv("SAFEMAP_HUGE_PAGES"); off && std::strcmp(off, "0") == 0)
        return;
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb"))
        return;  // set already: by the user, or by the start before this one
    if (!large)
        return;
    std::string value = "glibc.malloc.hugetlb=1";
    if (tunables && *tunables)
        value = std::string(tunables) + ":" + value;
    if (setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0)
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

}  // namespace safemap
