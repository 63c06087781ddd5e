#pragma once

// Private to gis/io: the only header here that includes GDAL's. Public headers in gis/io
// must not include this one.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "gis/gdal_boundary.h"
#include "gis/io/source_info.h"

namespace safemap {

/// How the bytes GDAL hands over must be turned into UTF-8.
enum class TextDecoding { AsIs, Cp1258 };

/// \brief A vector source opened read-only, with whatever it needs to stay readable.
struct OgrSource {
    // Declared first so that they outlive the dataset: the XLSX and ODS drivers read their
    // sheets lazily and consult these options again on first access.
    std::vector<std::unique_ptr<ScopedGdalThreadOption>> threadOptions;
    GDALDatasetUniquePtr dataset;
    std::string path;
    std::string driver;    ///< GDAL short name
    std::string encoding;  ///< as GDAL reported it (shapefiles)
    TextDecoding decoding = TextDecoding::AsIs;

    /// Values and field names as UTF-8 (layer names are file or table names: not recoded).
    std::string text(const char* bytes) const;
    bool isCsv() const { return driver == "CSV"; }
    bool isSpreadsheet() const { return driver == "XLSX" || driver == "ODS"; }
};

/// Opens `path` read-only as vector data with the options each format needs (see
/// docs/import.md): spreadsheets without a header (every row a feature, FID = sheet row).
/// A shapefile missing its .shx or .dbf is refused with a message naming the missing file.
/// Errors name the file.
Result<std::unique_ptr<OgrSource>> openOgrSource(const std::string& path);

/// The layer called `name` (decoded), or the first layer when `name` is empty.
Result<OGRLayer*> findLayer(const OgrSource& source, const std::string& name);

SourceGeometry geometryFamily(OGRwkbGeometryType type);
SourceLayerInfo describeLayer(const OgrSource& source, OGRLayer& layer);

/// The file name shown in error messages: the last path component.
std::string displayFileName(const std::string& path);

/// CSV, TSV, TXT, XLSX, XLSM or ODS by extension (any case): read as a table of text cells
/// (gis/io/site_table_p.h), not through GDAL's feature model.
bool isTabularPath(const std::string& path);
bool isSpreadsheetPath(const std::string& path);
/// True if a .prj (any case) lies beside the shapefile.
bool hasShapefilePrj(const std::string& path);

}  // namespace safemap
