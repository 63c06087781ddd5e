#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>

#include "core/model/site.h"
#include "core/project/records.h"
#include "core/result.h"
#include "gis/io/field_mapping.h"

namespace safemap {

class Project;

/// What the rows of a source become.
enum class ImportTarget {
    Auto,       ///< polygons → zones; points, or longitude/latitude columns → factories
    Zones,      ///< industrial zones, clusters, economic zones (polygon geometry)
    Factories,  ///< facilities (point geometry, or longitude/latitude columns)
};

/// \brief How to read a source file into sites. The defaults suit most files.
struct SiteImportOptions {
    std::string layer;                    ///< layer or sheet name; empty: the first one
    std::optional<FieldMapping> mapping;  ///< empty: guessFieldMapping() of the layer
    ImportTarget target = ImportTarget::Auto;
    /// Overrides the layer's CRS, or supplies one where the file has none: "EPSG:9215",
    /// "9215", WKT, a PROJ string, "VN2000" (geographic) or "VN2000:<province>" /
    /// "VN2000:<central meridian>" for the local TM-3 zones (see resolveCrsInput).
    /// Longitude/latitude columns without it are taken as WGS 84.
    std::string sourceCrs;
    /// Kind given to zones when the kind column is not mapped.
    ZoneKind defaultZoneKind = ZoneKind::IndustrialZone;
    /// Called now and then with (rows read, total rows), and once at the end; total may be -1.
    std::function<void(long long done, long long total)> progress;
    /// When it becomes true the read stops with Error("cancelled") and nothing is written.
    const std::atomic<bool>* cancel = nullptr;
};

/// Reads and validates every row of a source file. Returns the sites in EPSG:4326, or the
/// first problem as Error(reason, file name, row, column); row numbering is described in
/// docs/import.md (spreadsheets: the row number the user sees, header = 1; other formats:
/// 1-based feature number). The source file is opened read-only.
Result<SiteBatch> readSites(const std::string& path, const SiteImportOptions& options = {});

/// readSites followed by the project's importSites in one transaction: either every row is
/// written (new sites inserted, known ones updated by stable id) or, on any error, nothing
/// is. The file is read before the project is touched.
[[nodiscard]] Result<ImportSummary> importSitesFile(Project& project, const std::string& path,
                                                    const SiteImportOptions& options = {});

}  // namespace safemap
