#pragma once

#include <QColor>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/project/project_settings.h"
#include "core/result.h"
#include "gis/render/map_settings.h"

namespace safemap {

/// A "#rrggbb" or "#rrggbbaa" colour of the settings as a QColor (invalid if it is neither).
QColor contextColour(const std::string& hex);
/// The settings' form of a colour: "#rrggbb", or "#rrggbbaa" when not opaque.
std::string contextColourText(const QColor& colour);

/// How a context layer of `geometry`'s kind is drawn with `style`: lines in the line colour;
/// areas filled (or not) with the line colour as outline; points as small dots. Names, when
/// the style has a label field, in a darker shade of the line colour.
LayerStyle contextLayerStyle(const ContextLayerStyle& style, const FeatureGeometry& geometry);

/// \brief Reads one context layer's file (resolved against the project's path), reprojects
/// and indexes it; off the UI thread, it may take seconds for a province's roads. The layer
/// is LayerKind::Basemap: drawn and labelled with the map, never identified, never counted in
/// the sites' extent. `notes` receives what the user should know (features skipped).
Result<std::shared_ptr<const LayerData>> loadContextLayerData(
    const std::string& projectPath, const ContextLayer& layer, std::vector<std::string>* notes,
    const std::atomic<bool>* cancel = nullptr);

/// The loaded data of `layer` with its style, ready for MapGeometry::context.
LayerRender styledContextLayer(std::shared_ptr<const LayerData> data, const ContextLayer& layer);

/// \brief Every context layer of a project that could be read, and why the others could not.
struct ContextLayersLoad {
    std::vector<LayerRender> layers;  ///< in the order of the settings, styled
    std::vector<Error> problems;      ///< one per layer left out (a missing file, …)
    std::vector<std::string> notes;   ///< layers drawn with features skipped
};

/// Loads every layer of `layers`; one that fails does not stop the others (a file moved away
/// leaves its layer out with a problem naming the layer and the file).
ContextLayersLoad loadContextLayers(const std::string& projectPath,
                                    const std::vector<ContextLayer>& layers);

}  // namespace safemap
