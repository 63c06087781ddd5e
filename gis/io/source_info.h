#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/text/legacy_encodings.h"

namespace safemap {

/// What kind of values a source column holds, as the format declares it. Spreadsheets are
/// read as text throughout (see docs/import.md), so their columns are all Text.
enum class SourceFieldType { Text, Integer, Real, Date, DateTime, Other };

/// The geometry a layer declares, by family (multi-part types fold into their family).
enum class SourceGeometry { None, Point, Line, Polygon, Mixed };

/// \brief One column of a source layer.
struct SourceField {
    std::string name;  ///< UTF-8, as the source spells it
    SourceFieldType type = SourceFieldType::Text;
    friend bool operator==(const SourceField&, const SourceField&) = default;
};

/// \brief A layer (sheet, table, KML folder) of a source file, for the field-mapping dialog.
struct SourceLayerInfo {
    std::string name;
    std::vector<SourceField> fields;
    long long featureCount = -1;  ///< -1 if the format cannot tell without reading
    SourceGeometry geometry = SourceGeometry::None;
    std::string geometryType;  ///< GDAL's own name for it, e.g. "Multi Polygon", for display
    bool hasCrs = false;
    std::string crsName;  ///< e.g. "VN-2000 / TM-3 107-15"; empty without a CRS
    std::string crsId;    ///< e.g. "EPSG:9215" when the CRS is identified, else empty
};

/// \brief What a source file holds: its format and layers.
struct SourceInfo {
    std::string path;
    std::string format;  ///< GDAL driver short name: "GPKG", "ESRI Shapefile", "CSV", ...
    /// Text encoding: as GDAL reported it (shapefiles), or what a CSV file was decoded from
    /// ("tcvn3", "utf-16le"); empty if unknown.
    std::string encoding;
    std::vector<SourceLayerInfo> layers;
};

/// Opens a file read-only and lists its layers with their fields, feature counts, geometry
/// types and CRS. CSV and spreadsheets are read as the site import reads them: the fields are
/// the header found below any title rows, and a CSV's text is decoded from `encoding` (or
/// the detected one). Fails with a readable Error if the file cannot be read.
Result<SourceInfo> describeSource(const std::string& path,
                                  std::optional<TextEncoding> encoding = std::nullopt);

}  // namespace safemap
