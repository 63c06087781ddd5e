#include "gis/io/site_assembler_p.h"

#include "core/errors/error_catalogue.h"
#include "core/text/quoted.h"
#include "gis/io/polygon_repair_p.h"

namespace safemap {

namespace {

constexpr size_t kMaxNotes = 100;
constexpr size_t kRowsNamed = 20;

// The rows a note is about, for the English and the Vietnamese templates: "rows 3, 5 and 2
// more" (English words, args {2}) and "3, 5 và 2 dòng khác" (args {3}); the numbers are the
// same, so the two never name different rows.
struct RowWords {
    std::string en;
    std::string vi;
};

RowWords rowWords(const std::vector<long>& rows) {
    RowWords out;
    out.en = rows.size() == 1 ? "row " : "rows ";
    for (size_t i = 0; i < rows.size() && i < kRowsNamed; ++i) {
        std::string n = std::to_string(rows[i]);
        if (i) {
            out.en += ", ";
            out.vi += ", ";
        }
        out.en += n;
        out.vi += n;
    }
    if (rows.size() > kRowsNamed) {
        const std::string more = std::to_string(rows.size() - kRowsNamed);
        out.en += " and ";
        out.en += more;
        out.en += " more";
        out.vi += " và ";
        out.vi += more;
        out.vi += " dòng khác";
    }
    return out;
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
            return codedError("sites.factory_needs_point", {g->getGeometryName()}, plan_.file,
                              row.row, plan_.geometryColumn);
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
                return codedError("sites.coordinate_missing", {}, plan_.file, row.row, *column);
            if (!parseDecimal(*text))
                return codedError("number.not_a_number", {quotedForMessage(*text)}, plan_.file,
                                  row.row, *column);
        }
        x = *parseDecimal(lonText);
        y = *parseDecimal(latText);
    } else {
        return std::optional<GeoPoint>{};
    }
    if (plan_.transform && !plan_.transform->Transform(1, &x, &y))
        return codedError("sites.cannot_transform_position", {}, plan_.file, row.row,
                          plan_.useGeometry ? plan_.geometryColumn : plan_.mapping.longitude);
    return std::optional(GeoPoint{x, y});
}

Result<MultiPolygon> SiteAssembler::area(const SiteRow& row, const OGRGeometry* g) {
    if (!g || g->IsEmpty())
        return codedError("sites.no_geometry", {}, plan_.file, row.row, plan_.geometryColumn);
    if (geometryFamily(g->getGeometryType()) != SourceGeometry::Polygon)
        return codedError("sites.zone_needs_polygon", {g->getGeometryName()}, plan_.file, row.row,
                          plan_.geometryColumn);
    std::unique_ptr<OGRGeometry> copy(g->hasCurveGeometry() ? g->getLinearGeometry() : g->clone());
    auto checked = checkPolygon(std::move(copy));
    if (!checked) {
        Error e = checked.error();  // coded by checkPolygon; the place is the row's
        e.file = plan_.file;
        e.row = row.row;
        e.column = plan_.geometryColumn;
        return e;
    }
    if (checked->repaired)
        notes_.push_back(
            codedError("sites.polygon_repaired", {}, plan_.file, row.row, plan_.geometryColumn));
    OGRGeometry& valid = *checked->geometry;
    if (plan_.transform && valid.transform(plan_.transform.get()) != OGRERR_NONE)
        return codedError("sites.cannot_transform_geometry", {}, plan_.file, row.row,
                          plan_.geometryColumn);
    MultiPolygon out;
    if (!toMultiPolygon(valid, out))
        return codedError("sites.zone_needs_polygon", {valid.getGeometryName()}, plan_.file,
                          row.row, plan_.geometryColumn);
    return out;
}

void SiteAssembler::checkDuplicate(const std::string& id, const SiteRow& row) {
    if (const std::optional<long> first = seen_.add(id, row.row))
        errors_.add(codedError("sites.duplicate_id", {quotedForMessage(id), std::to_string(*first)},
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
            const char* code = zoneText.empty() ? "sites.no_position_no_zone"
                               : zones_.empty() ? "sites.no_position_no_project_zones"
                               : zone           ? "sites.no_position_zone_no_area"
                                                : "sites.no_position_zone_unknown";
            errors_.add(
                codedError(code, {quotedForMessage(zoneText)}, plan_.file, row.row, column));
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
            errors_.add(codedError("sites.cell_too_long", {std::to_string(text.size())}, plan_.file,
                                   row.row, plan_.mapping.column(a)));
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
        notes_.push_back(codedError("sites.zones_not_checked",
                                    {std::to_string(unknownZones_.size())}, plan_.file, -1,
                                    zoneColumn));
    } else {
        for (const auto& [value, rows] : unknownZones_) {
            RowWords where = rowWords(rows);
            notes_.push_back(codedError("sites.zone_unknown",
                                        {quotedForMessage(value), where.en, where.vi}, plan_.file,
                                        rows.front(), zoneColumn));
        }
    }
    for (const auto& [value, rows] : ambiguousZones_) {
        RowWords where = rowWords(rows);
        notes_.push_back(codedError("sites.zone_ambiguous",
                                    {quotedForMessage(value), where.en, where.vi}, plan_.file,
                                    rows.front(), zoneColumn));
    }
    if (!approximateRows_.empty()) {
        RowWords where = rowWords(approximateRows_);
        notes_.push_back(codedError(
            approximateRows_.size() == 1 ? "sites.approximate_one" : "sites.approximate_many",
            {std::to_string(approximateRows_.size()), where.en, where.vi}, plan_.file,
            approximateRows_.front(), zoneColumn));
    }
    if (notes_.size() > kMaxNotes) {
        const size_t more = notes_.size() - kMaxNotes;
        notes_.resize(kMaxNotes);
        notes_.push_back(codedError("sites.more_notes", {std::to_string(more)}, plan_.file));
    }
    reading_.notes = std::move(notes_);
    return std::move(reading_);
}

}  // namespace safemap
