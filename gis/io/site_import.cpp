#include "gis/io/site_import.h"

#include <filesystem>

#include "core/project/imports.h"
#include "core/project/project.h"
#include "gis/io/ogr_source_p.h"

namespace safemap {

Result<ImportSummary> importSitesFile(Project& project, const std::string& path,
                                      const SiteImportOptions& options) {
    auto batch = readSites(path, options);
    if (!batch)
        return batch.error();
    // Last chance to cancel: after this the write is one transaction and cannot be stopped
    // half-way, only rolled back as a whole.
    if (options.cancel && options.cancel->load())
        return Error("cancelled", displayFileName(path));
    return importSites(project, *batch, std::filesystem::path(path).filename().string());
}

}  // namespace safemap
