#pragma once

// Private to gis/io: what the site reader works out about a source before its first row.

#include <array>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/model/site.h"
#include "core/result.h"
#include "gis/io/field_mapping.h"
#include "gis/io/ogr_source_p.h"
#include "gis/io/site_import.h"
#include "gis/io/source_info.h"

namespace safemap {

/// \brief The facts about a layer or table that planning needs.
struct PlanInput {
    std::string file;      ///< for messages
    SourceLayerInfo info;  ///< fields in source order; geometry family already resolved
    const OGRSpatialReference* layerSrs = nullptr;  ///< null: the source declares none
    std::string geometryColumn = "geometry";
    bool shapefile = false;  ///< a missing CRS means a missing .prj
    /// Columns that are never imported and not worth a note (STT, KML's own fields, WKT).
    std::set<std::string> quietColumns;
};

/// \brief The per-layer facts the row loop needs, worked out once before it.
struct ReadPlan {
    std::string file;
    FieldMapping mapping;                               ///< column names as the source spells them
    std::array<int, kSiteAttributeCount> fieldIndex{};  ///< -1: not mapped
    bool zones = false;
    bool useGeometry = false;  ///< factories: point geometry rather than lon/lat columns
    bool hasLonLat = false;
    std::string geometryColumn;
    std::unique_ptr<OGRCoordinateTransformation> transform;  ///< null if already WGS 84
    std::set<SiteField> provided;                            ///< see SiteBatch::provided
};

/// Resolves the mapping (given, else guessed), decides zones or factories, the CRS and what
/// the source provides. Whole-file problems are errors without a row; columns that feed
/// nothing are added to `notes`.
Result<ReadPlan> planRead(const PlanInput& input, const SiteImportOptions& options,
                          std::vector<Error>& notes);

/// Folded names of row-number columns ("STT", "TT", "Số thứ tự"): never a note.
bool isRowNumberColumn(const std::string& name);

}  // namespace safemap
