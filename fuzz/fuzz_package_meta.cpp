// A field package's own settings (`package.*` in its safemap_meta table: id, format, source
// project, start of the route…), which come back from the field on a USB stick and may have
// been opened in QGIS. The input is lines "key<TAB>value" written into a real package made
// from a small project. Opening it for a merge and planning the merge must refuse with a
// readable message or succeed; they never write, so the project stays as it was.

#include <filesystem>
#include <fstream>

#include "core/model/site.h"
#include "core/project/field_package.h"
#include "core/project/imports.h"
#include "core/project/merge.h"
#include "core/project/project.h"
#include "fuzz_meta_file.h"

using namespace safemap;

namespace {

struct Setup {
    Project master;
    std::string packageBytes;
};

Setup& setup() {
    static Setup* s = [] {
        const std::string masterPath = fuzz::scratchFile("package-master.gpkg");
        const std::string packagePath = fuzz::scratchFile("package-template.gpkg");
        std::filesystem::remove(masterPath);
        std::filesystem::remove(packagePath);
        auto master = Project::create(masterPath);
        if (!master)
            fuzz::fail("cannot create the master", master.error().describe());
        SiteBatch batch;
        PackageRequest request;
        for (int i = 0; i < 3; ++i) {
            Factory f;
            f.taxCode = std::to_string(9700000001LL + i);
            f.id = factoryIdFor(f.taxCode, "", "", "");
            f.name = "Cơ sở thử " + std::to_string(i);
            f.location = {105.90 + i * 0.01, 20.60};
            batch.factories.push_back(f);
            request.siteIds.push_back(f.id);
        }
        if (auto r = importSites(*master, batch, "fuzz.csv"); !r)
            fuzz::fail("cannot import", r.error().describe());
        request.start = GeoPoint{105.91, 20.54};
        if (auto r = createFieldPackage(*master, request, packagePath); !r)
            fuzz::fail("cannot make the package", r.error().describe());
        std::ifstream in(packagePath, std::ios::binary);
        std::string bytes{std::istreambuf_iterator<char>(in), {}};
        std::filesystem::remove(packagePath);
        return new Setup{std::move(*master), std::move(bytes)};
    }();
    return *s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 4096)
        return 0;
    Setup& s = setup();
    static const std::string path = fuzz::scratchFile("package.gpkg");
    fuzz::writeMetaFile(path, s.packageBytes, fuzz::bytesOf(data, size));
    auto package = openPackageForMerge(path);
    if (!package) {
        fuzz::checkError(package.error());
        return 0;
    }
    auto info = packageInfo(*package);
    if (!info)
        fuzz::checkError(info.error());
    auto plan = planMerge(s.master, *package);
    if (!plan)
        fuzz::checkError(plan.error());
    return 0;
}
