#include "gis/project/context_layers.h"

#include <charconv>
#include <filesystem>

#include "core/errors/error_catalogue.h"
#include "core/text/quoted.h"
#include "gis/io/context_read.h"

namespace safemap {

namespace {

std::optional<int> hexByte(std::string_view two) {
    int v = 0;
    auto [end, ec] = std::from_chars(two.data(), two.data() + two.size(), v, 16);
    if (ec != std::errc() || end != two.data() + two.size())
        return std::nullopt;
    return v;
}

std::string hex2(int v) {
    static constexpr char kDigits[] = "0123456789abcdef";
    return {kDigits[(v >> 4) & 15], kDigits[v & 15]};
}

}  // namespace

QColor contextColour(const std::string& hex) {
    if ((hex.size() != 7 && hex.size() != 9) || hex[0] != '#')
        return {};
    int rgba[4] = {0, 0, 0, 255};
    for (size_t i = 0; i * 2 + 1 < hex.size(); ++i) {
        auto v = hexByte(std::string_view(hex).substr(1 + 2 * i, 2));
        if (!v)
            return {};
        rgba[i] = *v;
    }
    return QColor(rgba[0], rgba[1], rgba[2], rgba[3]);
}

std::string contextColourText(const QColor& c) {
    std::string s = "#";
    s += hex2(c.red());
    s += hex2(c.green());
    s += hex2(c.blue());
    if (c.alpha() != 255)
        s += hex2(c.alpha());
    return s;
}

LayerStyle contextLayerStyle(const ContextLayerStyle& style, const FeatureGeometry& geometry) {
    LayerStyle s;
    QColor line = contextColour(style.lineColour);
    if (!line.isValid())
        line = contextColour(ContextLayerStyle{}.lineColour);
    QColor fill = contextColour(style.fillColour);
    if (geometry.isPoints) {
        // A dot in the fill colour (or the line colour) with a white rim, like a town.
        s.categories = {{fill.isValid() ? fill : line, Qt::white}};
        s.pointSize = std::max(4.0, 3 * style.lineWidth + 2);
        s.strokeWidth = 1.0;
    } else {
        s.categories = {{fill.isValid() ? fill : QColor(0, 0, 0, 0), line}};
        s.strokeWidth = style.lineWidth;
    }
    s.showLabels = !style.labelField.empty();
    s.labelColor = line.darker(160);
    s.labelColor.setAlpha(255);
    s.labelSize = 10;
    s.labelRoom = geometry.isPoints || geometry.isLines ? 0 : 0.7;
    return s;
}

Result<std::shared_ptr<const LayerData>> loadContextLayerData(const std::string& projectPath,
                                                              const ContextLayer& layer,
                                                              std::vector<std::string>* notes,
                                                              const std::atomic<bool>* cancel) {
    const std::string file = resolveContextPath(projectPath, layer.path);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return codedError("context.file_missing", {quotedForMessage(layer.title)}, file);
    ContextReadOptions options;
    options.layerName = layer.layerName;
    options.sourceCrs = layer.sourceCrs;
    options.labelField = layer.style.labelField;
    options.cancel = cancel;
    auto read = readContextFeatures(file, options);
    if (!read) {
        // The reader's error inside ours, worded in each language from its own entry.
        const Error& inner = read.error();
        Error e = codedError("context.layer_failed",
                             {quotedForMessage(layer.title), errorMessage(inner, Language::English),
                              errorMessage(inner, Language::Vietnamese)},
                             inner.file.empty() ? file : inner.file, inner.row, inner.column);
        e.more = inner.more;
        e.moreOmitted = inner.moreOmitted;
        return e;
    }
    const ContextFeatures& f = *read;
    const GeometryKind kind = f.geometry == SourceGeometry::Point  ? GeometryKind::Points
                              : f.geometry == SourceGeometry::Line ? GeometryKind::Lines
                                                                   : GeometryKind::Polygons;
    LayerBuilder builder(layer.id, layer.title, LayerKind::Basemap, kind);
    // Ids that no site can have, so a selection of sites never highlights a context feature.
    auto idOf = [&](size_t i) {
        std::string id = layer.id;
        id += ':';
        id += std::to_string(i);
        return id;
    };
    const auto label = [&](size_t i) { return i < f.labels.size() ? f.labels[i] : std::string(); };
    for (size_t i = 0; i < f.points.size(); ++i)
        builder.addPoint(idOf(i), f.points[i], 0, std::numeric_limits<float>::quiet_NaN(),
                         label(i));
    for (size_t i = 0; i < f.lines.size(); ++i)
        builder.addLine(idOf(i), f.lines[i], 0, label(i));
    for (size_t i = 0; i < f.areas.size(); ++i)
        builder.addPolygon(idOf(i), f.areas[i], 0, label(i));
    if (notes && (f.skipped > 0 || f.unprojectable > 0)) {
        std::string note = "context layer \"";
        note += layer.title;
        note += "\": ";
        note += std::to_string(f.count());
        note += " features drawn";
        if (f.skipped > 0) {
            note += ", ";
            note += std::to_string(f.skipped);
            note += " left out (no geometry, or not of the layer's main kind)";
        }
        if (f.unprojectable > 0) {
            note += ", ";
            note += std::to_string(f.unprojectable);
            note += " could not be reprojected";
        }
        notes->push_back(std::move(note));
    }
    return builder.finish();
}

LayerRender styledContextLayer(std::shared_ptr<const LayerData> data, const ContextLayer& layer) {
    LayerStyle style = contextLayerStyle(layer.style, *data->geometry);
    return LayerRender{std::move(data), std::move(style), true};
}

ContextLayersLoad loadContextLayers(const std::string& projectPath,
                                    const std::vector<ContextLayer>& layers) {
    ContextLayersLoad out;
    for (const ContextLayer& layer : layers) {
        auto data = loadContextLayerData(projectPath, layer, &out.notes);
        if (!data) {
            out.problems.push_back(data.error());
            continue;
        }
        out.layers.push_back(styledContextLayer(std::move(data).value(), layer));
    }
    return out;
}

}  // namespace safemap
