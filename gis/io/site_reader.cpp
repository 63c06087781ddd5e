#include "gis/io/site_import.h"

#include <ogr_spatialref.h>

#include <fstream>
#include <sstream>
#include <unordered_map>

#include "core/text/fold.h"
#include "core/text/utf8.h"
#include "gis/io/crs_input.h"
#include "gis/io/csv_rows_p.h"
#include "gis/io/ogr_source_p.h"
#include "gis/io/site_rows_p.h"

namespace safemap {

namespace {

std::string trimmed(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return std::string(s);
}

std::string readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Index of the layer field a mapping names: exact spelling first, then ignoring case and
// diacritics (for hand-written mapping files).
int findField(const SourceLayerInfo& info, const std::string& column) {
    for (size_t i = 0; i < info.fields.size(); ++i)
        if (info.fields[i].name == column)
            return static_cast<int>(i);
    const std::string folded = foldForSearch(column);
    for (size_t i = 0; i < info.fields.size(); ++i)
        if (foldForSearch(info.fields[i].name) == folded)
            return static_cast<int>(i);
    return -1;
}

// Geometry family of the first feature that has a geometry, for layers that do not declare
// one type (GeoJSON, KML).
SourceGeometry peekGeometryFamily(OGRLayer& layer) {
    SourceGeometry family = SourceGeometry::None;
    layer.ResetReading();
    for (auto& feature : layer) {
        if (const OGRGeometry* g = feature->GetGeometryRef(); g && !g->IsEmpty()) {
            family = geometryFamily(g->getGeometryType());
            break;
        }
    }
    layer.ResetReading();
    return family;
}

void appendPolygon(const OGRPolygon& polygon, MultiPolygon& out) {
    Polygon p;
    for (const OGRLinearRing* ring : polygon) {
        Ring r;
        r.reserve(static_cast<size_t>(ring->getNumPoints()));
        for (const OGRPoint& point : *ring)
            r.push_back({point.getX(), point.getY()});
        if (!r.empty() && !(r.front() == r.back()))
            r.push_back(r.front());
        p.rings.push_back(std::move(r));
    }
    out.push_back(std::move(p));
}

// Polygon or MultiPolygon (curves already linearised) to our model; false for anything else.
bool toMultiPolygon(const OGRGeometry& g, MultiPolygon& out) {
    switch (wkbFlatten(g.getGeometryType())) {
        case wkbPolygon:
            appendPolygon(*g.toPolygon(), out);
            return true;
        case wkbMultiPolygon:
            for (const OGRPolygon* p : *g.toMultiPolygon())
                appendPolygon(*p, out);
            return true;
        default:
            return false;
    }
}

/// \brief The per-layer facts the row loop needs, worked out once before it.
struct ReadPlan {
    std::string file;
    FieldMapping mapping;
    std::array<int, kSiteAttributeCount> fieldIndex{};
    bool zones = false;
    bool useGeometry = false;  ///< factories: point geometry rather than lon/lat columns
    bool hasLonLat = false;
    std::string geometryColumn;
    std::unique_ptr<OGRCoordinateTransformation> transform;  ///< null if already WGS 84
};

Result<OGRSpatialReference> sourceSrs(const SiteImportOptions& options, OGRLayer& layer,
                                      bool fromGeometry, const std::string& file) {
    OGRSpatialReference srs;
    if (!options.sourceCrs.empty()) {
        auto definition = resolveCrsInput(options.sourceCrs);
        if (!definition)
            return Error(definition.error().message, file);
        srs.SetFromUserInput(definition->c_str());
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return srs;
    }
    if (fromGeometry) {
        const OGRSpatialReference* layerSrs = layer.GetSpatialRef();
        if (!layerSrs)
            return Error(
                "the layer has no coordinate reference system (for a shapefile: no .prj file); "
                "give one, e.g. EPSG:9215 or VN2000:<province>",
                file);
        // Keep the driver's axis mapping: it describes how the file stores coordinates.
        return *layerSrs;
    }
    srs.importFromEPSG(4326);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

Result<ReadPlan> planRead(const OgrSource& source, OGRLayer& layer,
                          const SiteImportOptions& options) {
    ReadPlan plan;
    plan.file = displayFileName(source.path);
    const SourceLayerInfo info = describeLayer(source, layer);
    plan.mapping = options.mapping ? *options.mapping : guessFieldMapping(info);
    if (plan.mapping.name.empty())
        return Error("no column is mapped to the site name (name)", plan.file);
    for (SiteAttribute a : allSiteAttributes()) {
        std::string& column = plan.mapping.column(a);
        int& index = plan.fieldIndex[static_cast<int>(a)];
        index = column.empty() ? -1 : findField(info, column);
        if (!column.empty() && index < 0)
            return Error("the file has no column \"" + column + "\" (mapped to " +
                             std::string(siteAttributeKey(a)) + ")",
                         plan.file, -1, column);
        if (index >= 0)
            column = info.fields[static_cast<size_t>(index)].name;
    }
    plan.hasLonLat = !plan.mapping.longitude.empty() && !plan.mapping.latitude.empty();

    SourceGeometry family = info.geometry;
    if (family == SourceGeometry::Mixed)
        family = peekGeometryFamily(layer);
    ImportTarget target = options.target;
    if (target == ImportTarget::Auto) {
        if (family == SourceGeometry::Polygon)
            target = ImportTarget::Zones;
        else if (family == SourceGeometry::Point || plan.hasLonLat)
            target = ImportTarget::Factories;
        else
            return Error("cannot tell whether the rows are zones or factories: the layer has " +
                             (family == SourceGeometry::None ? std::string("no geometry")
                                                             : info.geometryType + " geometry") +
                             " and no longitude/latitude columns",
                         plan.file);
    }
    plan.zones = target == ImportTarget::Zones;
    if (plan.zones && family != SourceGeometry::Polygon)
        return Error("zones need polygon geometry; this layer has " +
                         (family == SourceGeometry::None ? std::string("none") : info.geometryType),
                     plan.file);
    plan.useGeometry = plan.zones || family == SourceGeometry::Point;
    if (!plan.useGeometry && !plan.hasLonLat)
        return Error("factories need point geometry or longitude and latitude columns", plan.file);
    const char* geomName = layer.GetGeometryColumn();
    plan.geometryColumn = geomName && *geomName ? source.text(geomName) : "geometry";

    auto srs = sourceSrs(options, layer, plan.useGeometry, plan.file);
    if (!srs)
        return srs.error();
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!srs->IsSame(&wgs84)) {
        GdalErrorScope errors;
        plan.transform.reset(OGRCreateCoordinateTransformation(&*srs, &wgs84));
        if (!plan.transform)
            return errors.error("cannot transform from " +
                                    std::string(srs->GetName() ? srs->GetName() : "the CRS") +
                                    " to WGS 84",
                                plan.file);
    }
    return plan;
}

/// \brief Reads rows one by one into a batch, stopping at the first problem.
class RowReader {
public:
    RowReader(const OgrSource& source, ReadPlan& plan) : source_(source), plan_(plan) {}

    Status read(OGRLayer& layer, const SiteImportOptions& options, SiteBatch& batch);

private:
    long rowNumber(const OGRFeature& feature, long index) const;
    bool isBlank(const OGRFeature& feature) const;
    Result<SiteRow> cells(const OGRFeature& feature, long row) const;
    Result<GeoPoint> location(const OGRFeature& feature, const SiteRow& row) const;
    Result<MultiPolygon> area(const OGRFeature& feature, const SiteRow& row) const;

    const OgrSource& source_;
    ReadPlan& plan_;
    std::vector<long> csvRows_;
};

long RowReader::rowNumber(const OGRFeature& feature, long index) const {
    if (source_.isCsv())
        return index <= static_cast<long>(csvRows_.size())
                   ? csvRows_[static_cast<size_t>(index - 1)]
                   : index + 1;
    // The XLSX and ODS drivers number features by sheet row (header = 1).
    if (source_.isSpreadsheet() && feature.GetFID() > 0)
        return static_cast<long>(feature.GetFID());
    return index;
}

bool RowReader::isBlank(const OGRFeature& feature) const {
    if (const OGRGeometry* g = feature.GetGeometryRef(); g && !g->IsEmpty())
        return false;
    for (int i = 0; i < feature.GetFieldCount(); ++i)
        if (feature.IsFieldSetAndNotNull(i) && !trimmed(feature.GetFieldAsString(i)).empty())
            return false;
    return true;
}

Result<SiteRow> RowReader::cells(const OGRFeature& feature, long row) const {
    if (source_.isCsv()) {
        // GDAL leaves the fields of a short CSV record unset instead of failing.
        for (int i = 0; i < feature.GetFieldCount(); ++i)
            if (!feature.IsFieldSet(i))
                return Error("the row has fewer values than the header has columns", plan_.file,
                             row, source_.text(feature.GetFieldDefnRef(i)->GetNameRef()));
    }
    SiteRow r;
    r.file = plan_.file;
    r.row = row;
    for (SiteAttribute a : allSiteAttributes()) {
        const int index = plan_.fieldIndex[static_cast<int>(a)];
        if (index < 0 || !feature.IsFieldSetAndNotNull(index))
            continue;
        std::string text = source_.text(feature.GetFieldAsString(index));
        if (!isValidUtf8(text))
            return Error("the text is not valid UTF-8 (save the file as UTF-8)", plan_.file, row,
                         plan_.mapping.column(a));
        r.text[static_cast<int>(a)] = trimmed(text);
    }
    return r;
}

Result<GeoPoint> RowReader::location(const OGRFeature& feature, const SiteRow& row) const {
    const OGRGeometry* g = feature.GetGeometryRef();
    double x = 0, y = 0;
    if (plan_.useGeometry && g && !g->IsEmpty()) {
        const OGRPoint* point = nullptr;
        if (wkbFlatten(g->getGeometryType()) == wkbPoint)
            point = g->toPoint();
        else if (wkbFlatten(g->getGeometryType()) == wkbMultiPoint &&
                 g->toMultiPoint()->getNumGeometries() == 1)
            point = g->toMultiPoint()->getGeometryRef(0);
        if (!point)
            return Error(std::string("the geometry is a ") + g->getGeometryName() +
                             "; a factory needs a point",
                         plan_.file, row.row, plan_.geometryColumn);
        x = point->getX();
        y = point->getY();
    } else if (plan_.hasLonLat) {
        const std::string& lonText = row[SiteAttribute::Longitude];
        const std::string& latText = row[SiteAttribute::Latitude];
        for (auto [text, column] : {std::pair{&lonText, &plan_.mapping.longitude},
                                    std::pair{&latText, &plan_.mapping.latitude}}) {
            if (text->empty())
                return Error("the coordinate is missing", plan_.file, row.row, *column);
            if (!parseDecimal(*text))
                return Error("\"" + *text + "\" is not a number", plan_.file, row.row, *column);
        }
        x = *parseDecimal(lonText);
        y = *parseDecimal(latText);
    } else {
        return Error("the row has no geometry", plan_.file, row.row, plan_.geometryColumn);
    }
    if (plan_.transform && !plan_.transform->Transform(1, &x, &y))
        return Error("cannot transform this position to WGS 84", plan_.file, row.row,
                     plan_.useGeometry ? plan_.geometryColumn : plan_.mapping.longitude);
    return GeoPoint{x, y};
}

Result<MultiPolygon> RowReader::area(const OGRFeature& feature, const SiteRow& row) const {
    const OGRGeometry* g = feature.GetGeometryRef();
    if (!g || g->IsEmpty())
        return Error("the row has no geometry", plan_.file, row.row, plan_.geometryColumn);
    if (geometryFamily(g->getGeometryType()) != SourceGeometry::Polygon)
        return Error(
            std::string("the geometry is a ") + g->getGeometryName() + "; a zone needs a polygon",
            plan_.file, row.row, plan_.geometryColumn);
    std::unique_ptr<OGRGeometry> copy(g->hasCurveGeometry() ? g->getLinearGeometry() : g->clone());
    if (plan_.transform && copy->transform(plan_.transform.get()) != OGRERR_NONE)
        return Error("cannot transform this geometry to WGS 84", plan_.file, row.row,
                     plan_.geometryColumn);
    MultiPolygon out;
    if (!toMultiPolygon(*copy, out))
        return Error(std::string("the geometry is a ") + copy->getGeometryName() +
                         "; a zone needs a polygon",
                     plan_.file, row.row, plan_.geometryColumn);
    return out;
}

Status RowReader::read(OGRLayer& layer, const SiteImportOptions& options, SiteBatch& batch) {
    if (source_.isCsv())
        csvRows_ = csvDataRowNumbers(readWholeFile(source_.path));
    const long long total = layer.GetFeatureCount(TRUE);
    std::unordered_map<std::string, long> seen;  // stable id → row
    GdalErrorScope errors;
    long index = 0;
    long row = -1;
    layer.ResetReading();
    for (auto& feature : layer) {
        ++index;
        if (options.cancel && options.cancel->load())
            return Error("cancelled", plan_.file);
        if (options.progress && index % 100 == 0)
            options.progress(index - 1, total);
        row = rowNumber(*feature, index);
        if (isBlank(*feature))
            continue;
        auto r = cells(*feature, row);
        if (!r)
            return r.error();
        std::string id;
        if (plan_.zones) {
            auto mp = area(*feature, *r);
            if (!mp)
                return mp.error();
            auto zone = zoneFromRow(*r, plan_.mapping, std::move(*mp), plan_.geometryColumn,
                                    options.defaultZoneKind);
            if (!zone)
                return zone.error();
            id = zone->id;
            batch.zones.push_back(std::move(*zone));
        } else {
            auto p = location(*feature, *r);
            if (!p)
                return p.error();
            const std::string& lonColumn =
                plan_.useGeometry ? plan_.geometryColumn : plan_.mapping.longitude;
            const std::string& latColumn =
                plan_.useGeometry ? plan_.geometryColumn : plan_.mapping.latitude;
            auto factory = factoryFromRow(*r, plan_.mapping, *p, lonColumn, latColumn);
            if (!factory)
                return factory.error();
            id = factory->id;
            batch.factories.push_back(std::move(*factory));
        }
        if (auto [it, fresh] = seen.emplace(id, row); !fresh)
            return Error("the same id \"" + id + "\" as row " + std::to_string(it->second),
                         plan_.file, row, idColumnFor(*r, plan_.mapping, plan_.zones));
    }
    if (errors.failed())
        return errors.error("the file could not be read to the end", plan_.file, row);
    if (options.cancel && options.cancel->load())
        return Error("cancelled", plan_.file);
    if (options.progress)
        options.progress(index, total < 0 ? index : total);
    return {};
}

}  // namespace

Result<SiteBatch> readSites(const std::string& path, const SiteImportOptions& options) {
    auto source = openOgrSource(path);
    if (!source)
        return source.error();
    GdalErrorScope errors;
    auto layer = findLayer(**source, options.layer);
    if (!layer)
        return layer.error();
    auto plan = planRead(**source, **layer, options);
    if (!plan)
        return plan.error();
    SiteBatch batch;
    RowReader reader(**source, *plan);
    if (auto st = reader.read(**layer, options, batch); !st)
        return st.error();
    return batch;
}

}  // namespace safemap
