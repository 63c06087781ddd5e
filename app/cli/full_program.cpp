#include "app/cli/full_program.h"

#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>

#include "app/cli/huge_pages.h"
#include "app/cli/shipped_files.h"

namespace safemap {

int startFullProgram(char** argv) {
    namespace fs = std::filesystem;
    const fs::path dir = executableDirectory();
    std::error_code ec;
    fs::path full = dir / "safemap-full";
    if (!fs::exists(full, ec))
        full = dir / ".." / "libexec" / "safemap" / "safemap-full";
    const std::string path = full.lexically_normal().string();
    preferHugePagesForNextProgram();
    execv(path.c_str(), argv);
    std::fprintf(stderr, "safemap: cannot start %s: %s\n", path.c_str(), std::strerror(errno));
    return 127;
}

}  // namespace safemap
