#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/model/site.h"
#include "core/project/records.h"
#include "core/result.h"
#include "core/text/legacy_encodings.h"
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
    /// Text encoding of a CSV/TSV/TXT file; detected when empty (UTF-8, UTF-16 with a byte
    /// order mark, TCVN3, VNI, VISCII, Windows-1258). Other formats declare their own.
    std::optional<TextEncoding> encoding;
    /// The project's zones: a factory's zone column may give a zone's id or its name as
    /// offices write it ("KCN Đồng Văn II"); factories without coordinates are placed inside
    /// their zone. Values that match no zone are kept as written and reported in a note.
    std::vector<Zone> knownZones;
    /// Called now and then with (rows read, total rows), and once at the end; total may be -1.
    std::function<void(long long done, long long total)> progress;
    /// When it becomes true the read stops with the error "import.cancelled" and nothing is
    /// written.
    const std::atomic<bool>* cancel = nullptr;
};

/// Reads and validates every row of a source file. Returns the sites in EPSG:4326, or every
/// problem (the first as a coded error with file name, row and column, up to 100 more in
/// Error::more); row numbering is described in docs/import.md (spreadsheets: the row number
/// the user sees; other formats: 1-based feature number). The source file is opened
/// read-only. readSiteSource (gis/io/site_reading.h) also returns the reader's notes.
Result<SiteBatch> readSites(const std::string& path, const SiteImportOptions& options = {});

struct SiteReading;

/// \brief What a site import did, with what the reader noticed on the way.
struct SiteFileImport {
    ImportSummary summary;
    std::vector<Error> notes;  ///< see SiteReading::notes
    std::string encoding;      ///< CSV/TSV/TXT: what the text was decoded from
    std::size_t zones = 0;     ///< zones and facilities the file held
    std::size_t factories = 0;
};

/// The site import of the window and the command line: reads `path` (zones named by id or by
/// name matched against the project's zones, facilities without coordinates placed inside
/// their zone) and writes every row in one transaction (importSites), or, on any problem,
/// nothing. The file is read completely before the project is written.
[[nodiscard]] Result<SiteFileImport> importSitesFile(Project& project, const std::string& path,
                                                     SiteImportOptions options = {});

/// The writing half of importSitesFile, for a file read before its project existed (a new
/// project has no zones to match, and is only created once the file is known to be good).
[[nodiscard]] Result<SiteFileImport> importSiteReading(Project& project, SiteReading reading,
                                                       const std::string& path);

}  // namespace safemap
