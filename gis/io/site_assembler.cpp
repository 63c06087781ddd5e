#include "gis/io/site_assembler_p.h"

#include "gis/io/polygon_repair_p.h"

namespace safemap {

namespace {

constexpr size_t kMaxNotes = 100;
constexpr size_t kRowsNamed = 20;

std::string rowList(const std::vector<long>& rows) {
    std::string out;
    for (size_t i = 0; i < rows.size() && i < kRowsNamed; ++i)
        out += (i ? ", " : "") + std::to_string(rows[i]);
    if (rows.size() > kRowsNamed)
        out += " and " + std::to_string(rows.size() - kRowsNamed) + " more";
    return out;
}

std::string rowsWord(const std::vector<long>& rows) {
    return rows.size() == 1 ? "row " : "rows ";
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

}  // namespace

SiteAssembler::SiteAssembler(const ReadPlan& plan, const SiteImportOptions& options)
    : plan_(plan), options_(options), zones_(options.knownZones) {
    reading_.batch.provided = plan.provided;
}

Result<std::optional<GeoPoint>> SiteAssembler::location(const SiteRow& row,
                                                        const OGRGeometry* g) const {
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
        if (lonText.empty() && latText.empty())
            return std::optional<GeoPoint>{};
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
        return std::optional<GeoPoint>{};
    }
    if (plan_.transform && !plan_.transform->Transform(1, &x, &y))
        return Error("cannot transform this position to WGS 84", plan_.file, row.row,
                     plan_.useGeometry ? plan_.geometryColumn : plan_.mapping.longitude);
    return std::optional(GeoPoint{x, y});
}

Result<MultiPolygon> SiteAssembler::area(const SiteRow& row, const OGRGeometry* g) {
    if (!g || g->IsEmpty())
        return Error("the row has no geometry", plan_.file, row.row, plan_.geometryColumn);
    if (geometryFamily(g->getGeometryType()) != SourceGeometry::Polygon)
        return Error(
            std::string("the geometry is a ") + g->getGeometryName() + "; a zone needs a polygon",
            plan_.file, row.row, plan_.geometryColumn);
    std::unique_ptr<OGRGeometry> copy(g->hasCurveGeometry() ? g->getLinearGeometry() : g->clone());
    auto checked = checkPolygon(std::move(copy));
    if (!checked)
        return Error(checked.error().message, plan_.file, row.row, plan_.geometryColumn);
    if (checked->repaired)
        notes_.push_back(
            Error("the polygon was not valid (its boundary crosses itself or has a collapsed part) "
                  "and was repaired with MakeValid: check the zone's shape on the map",
                  plan_.file, row.row, plan_.geometryColumn));
    OGRGeometry& valid = *checked->geometry;
    if (plan_.transform && valid.transform(plan_.transform.get()) != OGRERR_NONE)
        return Error("cannot transform this geometry to WGS 84", plan_.file, row.row,
                     plan_.geometryColumn);
    MultiPolygon out;
    if (!toMultiPolygon(valid, out))
        return Error(std::string("the geometry is a ") + valid.getGeometryName() +
                         "; a zone needs a polygon",
                     plan_.file, row.row, plan_.geometryColumn);
    return out;
}

void SiteAssembler::checkDuplicate(const std::string& id, const SiteRow& row) {
    if (auto [it, fresh] = seen_.emplace(id, row.row); !fresh)
        errors_.add(Error("the same id \"" + id + "\" as row " + std::to_string(it->second),
                          plan_.file, row.row, idColumnFor(row, plan_.mapping, plan_.zones)));
}

void SiteAssembler::addZone(const SiteRow& row, const OGRGeometry* geometry) {
    auto mp = area(row, geometry);
    if (!mp) {
        errors_.add(mp.error());
        return;
    }
    auto zone = zoneFromRow(row, plan_.mapping, std::move(*mp), plan_.geometryColumn,
                            options_.defaultZoneKind);
    if (!zone) {
        errors_.add(zone.error());
        return;
    }
    checkDuplicate(zone->id, row);
    reading_.batch.zones.push_back(std::move(*zone));
}

void SiteAssembler::addFactory(const SiteRow& row, const OGRGeometry* geometry) {
    // The zone first: a factory without coordinates is placed inside it.
    const std::string& zoneText = row[SiteAttribute::ZoneId];
    const Zone* zone = nullptr;
    if (!zoneText.empty() && zones_.empty()) {
        unknownZones_[zoneText].push_back(row.row);
    } else if (!zoneText.empty()) {
        const ZoneLookup::Match match = zones_.find(zoneText);
        zone = match.zone;
        if (!zone && match.candidates.empty())
            unknownZones_[zoneText].push_back(row.row);
        else if (!zone)
            ambiguousZones_[zoneText].push_back(row.row);
    }
    auto position = location(row, geometry);
    if (!position) {
        errors_.add(position.error());
        return;
    }
    bool approximate = false;
    if (!*position) {
        const std::optional<GeoPoint> inside =
            zone ? zones_.representativePoint(*zone) : std::optional<GeoPoint>{};
        if (!inside) {
            const std::string column = plan_.hasLonLat     ? plan_.mapping.longitude
                                       : !zoneText.empty() ? plan_.mapping.zoneId
                                       : plan_.useGeometry ? plan_.geometryColumn
                                                           : plan_.mapping.zoneId;
            std::string why;
            if (zoneText.empty())
                why = "the row has no coordinates and no zone to place it in";
            else if (zones_.empty())
                why =
                    "the row has no coordinates, and the project has no zones to place it "
                    "in (import the zones first)";
            else if (zone)
                why = "the row has no coordinates, and its zone \"" + zoneText +
                      "\" has no area to place it in";
            else
                why = "the row has no coordinates, and its zone \"" + zoneText +
                      "\" is not one of the project's zones";
            errors_.add(Error(why, plan_.file, row.row, column));
            return;
        }
        *position = inside;
        approximate = true;
    }
    const std::string& lonColumn =
        plan_.useGeometry ? plan_.geometryColumn : plan_.mapping.longitude;
    const std::string& latColumn =
        plan_.useGeometry ? plan_.geometryColumn : plan_.mapping.latitude;
    auto factory = factoryFromRow(row, plan_.mapping, **position, lonColumn, latColumn);
    if (!factory) {
        errors_.add(factory.error());
        return;
    }
    if (zone)
        factory->zoneId = zone->id;
    factory->approximatePosition = approximate;
    if (approximate)
        approximateRows_.push_back(row.row);
    checkDuplicate(factory->id, row);
    reading_.batch.factories.push_back(std::move(*factory));
}

void SiteAssembler::add(const SiteRow& row, const OGRGeometry* geometry) {
    // No name, address or code is this long; such a cell is a file gone wrong (a quote left
    // open swallows the rows after it), and storing it would carry megabytes into every list.
    constexpr std::size_t kMaxCellBytes = 4096;
    for (SiteAttribute a : allSiteAttributes()) {
        const std::string& text = row[a];
        if (text.size() > kMaxCellBytes) {
            std::string why = "the cell holds ";
            why += std::to_string(text.size());
            why += " bytes; a site's text is at most 4096 (is a quote left open?)";
            errors_.add(Error(why, plan_.file, row.row, plan_.mapping.column(a)));
            return;
        }
    }
    if (plan_.zones)
        addZone(row, geometry);
    else
        addFactory(row, geometry);
}

Result<SiteReading> SiteAssembler::finish() {
    if (!errors_.empty())
        return errors_.toError();
    const std::string& zoneColumn = plan_.mapping.zoneId;
    if (!unknownZones_.empty() && zones_.empty()) {
        notes_.push_back(Error("the project has no zones yet, so the " +
                                   std::to_string(unknownZones_.size()) +
                                   " zone names or ids in this column are kept as written "
                                   "and not checked; import the zones first to link them",
                               plan_.file, -1, zoneColumn));
    } else {
        for (const auto& [value, rows] : unknownZones_)
            notes_.push_back(Error("zone \"" + value + "\" is not in the project (" +
                                       rowsWord(rows) + rowList(rows) +
                                       "); kept as written, not linked to a zone",
                                   plan_.file, rows.front(), zoneColumn));
    }
    for (const auto& [value, rows] : ambiguousZones_)
        notes_.push_back(Error("zone \"" + value + "\" fits more than one zone of the project (" +
                                   rowsWord(rows) + rowList(rows) +
                                   "); give the zone's id or its kind (KCN, CCN, KKT)",
                               plan_.file, rows.front(), zoneColumn));
    if (!approximateRows_.empty())
        notes_.push_back(Error(
            std::to_string(approximateRows_.size()) +
                (approximateRows_.size() == 1 ? " facility has" : " facilities have") +
                " no coordinates and " + (approximateRows_.size() == 1 ? "was" : "were") +
                " placed inside " + (approximateRows_.size() == 1 ? "its" : "their") +
                " zone, marked as an approximate position (" + rowsWord(approximateRows_) +
                rowList(approximateRows_) + "): move " +
                (approximateRows_.size() == 1 ? "it" : "them") + " to the real place on the map",
            plan_.file, approximateRows_.front(), zoneColumn));
    if (notes_.size() > kMaxNotes) {
        const size_t more = notes_.size() - kMaxNotes;
        notes_.resize(kMaxNotes);
        notes_.push_back(Error("… and " + std::to_string(more) + " more notes", plan_.file));
    }
    reading_.notes = std::move(notes_);
    return std::move(reading_);
}

}  // namespace safemap
