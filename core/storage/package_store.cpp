#include "core/storage/package_store.h"

#include <nlohmann/json.hpp>

#include "core/errors/error_catalogue.h"
#include "core/storage/database.h"
#include "core/storage/gpkg_geometry.h"

namespace safemap {

namespace {

using nlohmann::json;

json optionalInt(const std::optional<int>& v) {
    return v ? json(*v) : json(nullptr);
}

std::optional<int> intOrNone(const json& j, const char* key) {
    return j.contains(key) && j[key].is_number_integer() ? std::optional<int>(j[key].get<int>())
                                                         : std::nullopt;
}

std::string textOf(const json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// The base copy of a facility, as JSON in package_sites.base: every stored attribute.
std::string factoryToJson(const Factory& f) {
    json j{{"id", f.id},
           {"tax_code", f.taxCode},
           {"name", f.name},
           {"zone_id", f.zoneId},
           {"province", f.province},
           {"district", f.district},
           {"address", f.address},
           {"sector", f.sector},
           {"workers_total", optionalInt(f.workforce.total)},
           {"workers_out_of_province", optionalInt(f.workforce.outOfProvince)},
           {"workers_largest_shift", optionalInt(f.workforce.largestShift)},
           {"account_issued", f.accountIssued ? json(formatDate(*f.accountIssued)) : json(nullptr)},
           {"lon", f.location.lon},
           {"lat", f.location.lat},
           {"approximate_position", f.approximatePosition}};
    return j.dump();
}

std::optional<Factory> factoryFromJson(const std::string& text) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("lon") || !j["lon"].is_number() ||
        !j.contains("lat") || !j["lat"].is_number())
        return std::nullopt;
    Factory f;
    f.id = textOf(j, "id");
    f.taxCode = textOf(j, "tax_code");
    f.name = textOf(j, "name");
    f.zoneId = textOf(j, "zone_id");
    f.province = textOf(j, "province");
    f.district = textOf(j, "district");
    f.address = textOf(j, "address");
    f.sector = textOf(j, "sector");
    f.workforce.total = intOrNone(j, "workers_total");
    f.workforce.outOfProvince = intOrNone(j, "workers_out_of_province");
    f.workforce.largestShift = intOrNone(j, "workers_largest_shift");
    if (const std::string d = textOf(j, "account_issued"); !d.empty())
        f.accountIssued = parseDate(d);
    f.location = {j["lon"].get<double>(), j["lat"].get<double>()};
    f.approximatePosition = j.contains("approximate_position") &&
                            j["approximate_position"].is_boolean() &&
                            j["approximate_position"].get<bool>();
    return f;
}

}  // namespace

Result<std::vector<PackageSite>> loadPackageSites(const Database& db) {
    std::vector<PackageSite> out;
    auto st = db.prepare(
        "SELECT site_id, route_order, base FROM package_sites "
        "ORDER BY route_order IS NULL, route_order, fid");
    if (!st)
        return st.error();
    while (st->step()) {
        PackageSite s;
        s.siteId = st->text(0);
        s.routeOrder = st->optionalInt(1);
        auto base = factoryFromJson(st->text(2));
        if (!base || base->id != s.siteId)
            return codedError("package.copy_unreadable", {s.siteId}, db.path());
        s.base = std::move(*base);
        out.push_back(std::move(s));
    }
    if (!st->error().empty())
        return st->failure(db.path());
    return out;
}

Status storePackagePlan(Database& db, const PackagePlan& plan) {
    if (auto st = db.exec("DELETE FROM package_sites; DELETE FROM package_route;"); !st)
        return st;
    auto ins =
        db.prepare("INSERT INTO package_sites (site_id, route_order, base) VALUES (?, ?, ?)");
    if (!ins)
        return ins.error();
    for (const auto& s : plan.sites) {
        ins->bind(1, s.siteId).bind(2, s.routeOrder).bind(3, factoryToJson(s.base));
        if (auto st = ins->run(); !st)
            return atFile(st.error(), db.path());
    }
    if (plan.routeLine.size() >= 2) {
        auto line = db.prepare("INSERT INTO package_route (geom, metres, stops) VALUES (?, ?, ?)");
        if (!line)
            return line.error();
        line->bindBlob(1, encodeGpkgLineString(plan.routeLine)).bind(2, plan.routeMetres);
        line->bind(3, static_cast<int64_t>(plan.routeLine.size() - 1));
        if (auto st = line->run(); !st)
            return atFile(st.error(), db.path());
    }
    return db.exec(
        "UPDATE gpkg_contents SET min_x = (SELECT min(minx) FROM rtree_package_route_geom), "
        "max_x = (SELECT max(maxx) FROM rtree_package_route_geom), "
        "min_y = (SELECT min(miny) FROM rtree_package_route_geom), "
        "max_y = (SELECT max(maxy) FROM rtree_package_route_geom), "
        "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = 'package_route'");
}

Status appendMergeLog(Database& db, std::span<const MergeLogEntry> entries) {
    auto ins = db.prepare(
        "INSERT INTO merge_log (merged_at, package_id, package_file, package_by, item, item_key, "
        "action, detail, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins)
        return ins.error();
    for (const auto& e : entries) {
        ins->bind(1, e.mergedAt).bind(2, e.packageId).bindTextOrNull(3, e.packageFile);
        ins->bindTextOrNull(4, e.packageBy).bind(5, e.item).bind(6, e.itemKey);
        ins->bind(7, e.action).bindTextOrNull(8, e.detail).bindTextOrNull(9, e.contentHash);
        if (auto st = ins->run(); !st)
            return atFile(st.error(), db.path());
    }
    return {};
}

Result<std::vector<MergeLogEntry>> loadMergeLog(const Database& db, const std::string& packageId) {
    std::vector<MergeLogEntry> out;
    auto st =
        db.prepare(std::string("SELECT merged_at, package_id, package_file, package_by, "
                               "item, item_key, action, detail, content_hash FROM merge_log ") +
                   (packageId.empty() ? "" : "WHERE package_id = ? ") + "ORDER BY fid");
    if (!st)
        return st.error();
    if (!packageId.empty())
        st->bind(1, packageId);
    while (st->step())
        out.push_back({st->text(0), st->text(1), st->text(2), st->text(3), st->text(4), st->text(5),
                       st->text(6), st->text(7), st->text(8)});
    if (!st->error().empty())
        return st->failure(db.path());
    return out;
}

Status checkIntegrity(const Database& db) {
    auto st = db.prepare("PRAGMA quick_check");
    if (!st)
        return codedError("package.damaged_detail", {st.error().message}, db.path());
    std::string problems;
    int n = 0;
    while (st->step()) {
        const std::string line = st->text(0);
        if (line == "ok")
            continue;
        if (n++ < 3)
            problems += (problems.empty() ? "" : "; ") + line;
    }
    if (!st->error().empty())
        return codedError("package.damaged_or_cut", {st->error()}, db.path());
    if (n > 0)
        return codedError("package.damaged", {problems + (n > 3 ? "; …" : "")}, db.path());
    return {};
}

}  // namespace safemap
