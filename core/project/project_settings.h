#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/filter/site_filter.h"
#include "core/model/geometry.h"
#include "core/result.h"
#include "core/rules/rule_settings.h"

namespace safemap {

class Project;

/// How zones are coloured from their facilities.
enum class ZoneColouring {
    WorstLevel,   ///< the worst latest level of any facility (grey if none assessed)
    UnsafeShare,  ///< share of assessed facilities that are unsafe, on the four-level area
                  ///< scale of Resolution 128/NQ-CP: 0 % green, ≤10 % yellow, ≤30 % orange,
                  ///< above red
};

/// \brief The symbology choices a user makes for the risk map.
struct MapStyleChoice {
    ZoneColouring zoneColouring = ZoneColouring::WorstLevel;
    bool sizeByWorkforce = false;
    bool zoneLabels = true;
    bool facilityLabels = false;  ///< off by default: hundreds of names hide the map
    friend bool operator==(const MapStyleChoice&, const MapStyleChoice&) = default;
};

/// \brief One map layer's place in the drawing order and whether it is shown.
struct LayerState {
    std::string id;  ///< "basemap", "zones", "factories", …
    bool visible = true;
    friend bool operator==(const LayerState&, const LayerState&) = default;
};

/// \brief How a context layer is drawn: one colour for its lines (and the outline of its
/// areas and points), an optional fill, and an optional field whose values name features.
struct ContextLayerStyle {
    std::string lineColour = "#3c5a99";  ///< "#rrggbb"
    std::string fillColour;              ///< "#rrggbb" or "#rrggbbaa"; empty: no fill
    double lineWidth = 1.2;              ///< px, 0.2–10
    std::string labelField;              ///< a field of the layer; empty: no names
    friend bool operator==(const ContextLayerStyle&, const ContextLayerStyle&) = default;
};

/// \brief A reference layer the user added from any vector file OGR reads (the province's
/// official district boundaries, roads, rivers), drawn with the project's map but never
/// scored or listed. Whether it is shown, and where in the drawing order, is its entry in
/// ViewSettings::layers, like every other layer.
struct ContextLayer {
    std::string id;     ///< "context-1", "context-2", …: stable, unique in the project
    std::string title;  ///< shown in the layer panel and the legend
    /// The file as stored: relative to the project file's folder where the two share one
    /// (see storedContextPath), else absolute. resolveContextPath gives the file to open.
    std::string path;
    std::string layerName;  ///< the layer of a multi-layer file; empty: the first one
    /// What the user gave as the file's coordinate reference system (resolveCrsInput's
    /// forms: "EPSG:9215", "VN2000:Lạng Sơn"), for a file that has none; empty: the file's own.
    std::string sourceCrs;
    ContextLayerStyle style;
    friend bool operator==(const ContextLayer&, const ContextLayer&) = default;
};

/// \brief What the user last looked at.
struct ViewSettings {
    std::optional<BBox> extent;      ///< Web Mercator metres; empty: all sites
    std::vector<LayerState> layers;  ///< bottom to top; layers not listed go on top, shown
    friend bool operator==(const ViewSettings&, const ViewSettings&) = default;
};

/// \brief Everything a project remembers about how it is viewed and judged, typed. The
/// window, `safemap render`, `safemap list` and reports all start from these.
struct ProjectSettings {
    ViewSettings view;
    MapStyleChoice style;
    SiteFilter filter;
    RuleSettings rules;  ///< thresholds; asOf is never saved (the default is the newest data)
    std::vector<ContextLayer> contextLayers;  ///< in the order they were added
    /// Saved values that could not be read (edited by hand in QGIS, or from a newer
    /// SafeMap); each was replaced by its default.
    std::vector<Error> problems;
};

/// Reads the settings. A stored value that cannot be read is reported in `problems`, and
/// the default is used; a failure of the store itself is an Error.
[[nodiscard]] Result<ProjectSettings> loadProjectSettings(const Project& project);

/// Writes every setting in one transaction.
[[nodiscard]] Status saveProjectSettings(Project& project, const ProjectSettings& settings);

/// The path to store for a context layer `file` of the project at `projectPath`: relative to
/// the project's folder when the two paths share a folder below the root ("../roads/ql1.shp"
/// moves with a project copied together with its data), else absolute.
std::string storedContextPath(const std::string& projectPath, const std::string& file);
/// The file a stored context path names: relative paths are taken from the project's folder.
std::string resolveContextPath(const std::string& projectPath, const std::string& stored);
/// The first id "context-N" no layer of `layers` has.
std::string newContextLayerId(const std::vector<ContextLayer>& layers);

/// Replaces the project's context layers in `settings` (saved with saveProjectSettings):
/// layers removed leave the saved layer order; new ones enter it just below the layer
/// `zonesLayerId` (not on top, where layers the order does not name go, over the facilities).
/// Returns whether anything changed.
bool replaceContextLayers(ProjectSettings& settings, std::vector<ContextLayer> layers,
                          const std::string& zonesLayerId);

/// The rule thresholds as `key=value` settings (the names of the CLI options).
std::vector<std::pair<std::string, std::string>> ruleSettingPairs(const RuleSettings& rules);

}  // namespace safemap
