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
    /// Saved values that could not be read (edited by hand in QGIS, or from a newer
    /// SafeMap); each was replaced by its default.
    std::vector<Error> problems;
};

/// Reads the settings. A stored value that cannot be read is reported in `problems`, and
/// the default is used; a failure of the store itself is an Error.
[[nodiscard]] Result<ProjectSettings> loadProjectSettings(const Project& project);

/// Writes every setting in one transaction.
[[nodiscard]] Status saveProjectSettings(Project& project, const ProjectSettings& settings);

/// The rule thresholds as `key=value` settings (the names of the CLI options).
std::vector<std::pair<std::string, std::string>> ruleSettingPairs(const RuleSettings& rules);

}  // namespace safemap
