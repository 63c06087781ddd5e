#include "app/cli/shipped_files.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

#include "core/criteria/criteria_io.h"
#include "core/errors/error_catalogue.h"

namespace safemap {

namespace fs = std::filesystem;

std::string executableDirectory() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

std::string findShippedPath(std::string_view relativePath) {
    std::vector<fs::path> roots;
    if (const char* env = std::getenv("SAFEMAP_HOME"); env && *env)
        roots.emplace_back(env);
    const fs::path exeDir = executableDirectory();
    std::error_code ec;
    // build/<preset>/app/safemap and build/<preset>/tests/test_app sit three levels below
    // the source tree. Only a directory that is one counts: for an installed /usr/bin/safemap
    // three levels up is "/", and a stray /data there must not be taken for SafeMap's.
    const fs::path sourceTree = exeDir / ".." / ".." / "..";
    if (!exeDir.empty() && fs::exists(sourceTree / "app/cli/shipped_files.cpp", ec))
        roots.push_back(sourceTree);
    // Installed: <prefix>/bin/safemap finds <prefix>/share/safemap (the package's /usr, or a
    // `cmake --install --prefix` anywhere), <prefix>/libexec/safemap/safemap-full the same
    // folder, then the system's copy.
    if (!exeDir.empty()) {
        roots.push_back(exeDir / ".." / "share" / "safemap");
        roots.push_back(exeDir / ".." / ".." / "share" / "safemap");
    }
    roots.emplace_back("/usr/share/safemap");
    for (const auto& root : roots) {
        const fs::path candidate = root / fs::path(std::string(relativePath));
        if (fs::exists(candidate, ec)) {
            const fs::path canonical = fs::canonical(candidate, ec);
            return ec ? candidate.string() : canonical.string();
        }
    }
    return {};
}

Result<std::shared_ptr<const CriteriaSet>> loadDefaultCriteria() {
    const std::string path = findShippedPath("resources/criteria/crln-1203-v1.json");
    if (path.empty())
        return codedError("app.default_criteria_missing");
    auto set = loadCriteriaSet(path);
    if (!set)
        return set.error();
    return std::shared_ptr<const CriteriaSet>(std::make_shared<CriteriaSet>(std::move(*set)));
}

}  // namespace safemap
