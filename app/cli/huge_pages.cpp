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
// mean hundreds of MB of working memory; below it, starting twice (about 0.15 s: Qt and
// GDAL are loaded again) would cost more than huge pages save.
constexpr long long kLargeFileBytes = 64LL << 20;

}  // namespace

bool namesLargeFile(char** argv) {
#if defined(__linux__)
    for (char** a = argv + 1; a && *a; ++a) {
        struct stat st {};
        if (**a != '-' && stat(*a, &st) == 0 && S_ISREG(st.st_mode) &&
            static_cast<long long>(st.st_size) >= kLargeFileBytes)
            return true;
    }
#else
    (void)argv;
#endif
    return false;
}

void preferHugePages(char** argv) {
#if defined(__linux__) && !defined(SAFEMAP_SANITIZED)
    if (const char* off = std::getenv("SAFEMAP_HUGE_PAGES"); off && std::strcmp(off, "0") == 0)
        return;
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb"))
        return;  // set already: by the user, or by the start before this one
    if (!namesLargeFile(argv))
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
#endif
}

}  // namespace safemap
