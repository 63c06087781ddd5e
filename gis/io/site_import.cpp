#include "gis/io/site_import.h"

#include <filesystem>

#include "core/errors/error_catalogue.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "gis/io/ogr_source_p.h"
#include "gis/io/site_reading.h"

namespace safemap {

Result<SiteFileImport> importSitesFile(Project& project, const std::string& path,
                                       SiteImportOptions options) {
    // Factories may name their zone by id or by name; those without coordinates are placed
    // inside it.
    auto zones = project.repository().zones();
    if (!zones)
        return zones.error();
    options.knownZones = std::move(zones).value();
    auto reading = readSiteSource(path, options);
    if (!reading)
        return reading.error();
    // Last chance to cancel: after this the write is one transaction and cannot be stopped
    // half-way, only rolled back as a whole.
    if (options.cancel && options.cancel->load())
        return codedError("import.cancelled", {}, displayFileName(path));
    return importSiteReading(project, std::move(reading).value(), path);
}

Result<SiteFileImport> importSiteReading(Project& project, SiteReading reading,
                                         const std::string& path) {
    SiteFileImport out;
    out.zones = reading.batch.zones.size();
    out.factories = reading.batch.factories.size();
    auto summary =
        importSites(project, reading.batch, std::filesystem::path(path).filename().string());
    if (!summary)
        return summary.error();
    out.summary = *summary;
    out.notes = std::move(reading.notes);
    out.encoding = std::move(reading.encoding);
    return out;
}

}  // namespace safemap
