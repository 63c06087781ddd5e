#include "core/storage/inspection_record_store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/errors/error_catalogue.h"
#include "core/storage/database.h"
#include "core/storage/gpkg_geometry.h"

namespace safemap {

namespace {

using nlohmann::json;

constexpr const char* kRecordColumns =
    "record_id, site_id, inspected_on, inspector, outcome, fix_by, findings, notes, measures, "
    "position_source, origin, merged_hash, recorded_at, updated_at, geom";

Status refreshExtent(Database& db, const std::string& table) {
    return db.exec(
        "UPDATE gpkg_contents SET min_x = (SELECT min(minx) FROM rtree_" + table +
        "_geom), max_x = (SELECT max(maxx) FROM rtree_" + table +
        "_geom), min_y = (SELECT min(miny) FROM rtree_" + table +
        "_geom), max_y = (SELECT max(maxy) FROM rtree_" + table +
        "_geom), last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = '" + table +
        "'");
}

void bindOptionalDate(Statement& st, int index, const std::optional<Date>& d) {
    if (d)
        st.bind(index, formatDate(*d));
    else
        st.bindNull(index);
}

}  // namespace

std::string measuresToJson(const std::vector<MeasureCheck>& measures) {
    json out = json::array();
    for (const auto& m : measures) {
        json item{{"id", m.indexId}};
        item["implemented"] = m.implemented ? json(*m.implemented) : json(nullptr);
        out.push_back(std::move(item));
    }
    return out.dump();
}

Result<std::vector<MeasureCheck>> measuresFromJson(const std::string& text,
                                                   const std::string& recordId,
                                                   const std::string& path) {
    const json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_array())
        return codedError("project.record_measures_not_list", {recordId}, path);
    std::vector<MeasureCheck> out;
    for (const auto& item : parsed) {
        if (!item.is_object() || !item.contains("id") || !item["id"].is_string())
            return codedError("project.record_measure_no_id", {recordId}, path);
        MeasureCheck m;
        m.indexId = item["id"].get<std::string>();
        if (item.contains("implemented") && item["implemented"].is_boolean())
            m.implemented = item["implemented"].get<bool>();
        out.push_back(std::move(m));
    }
    return out;
}

Result<std::vector<InspectionRecord>> loadInspectionRecords(const Database& db,
                                                            const std::string& siteId) {
    std::vector<InspectionRecord> out;
    auto st =
        db.prepare(std::string("SELECT ") + kRecordColumns + " FROM inspection_records " +
                   (siteId.empty() ? "" : "WHERE site_id = ? ") + "ORDER BY inspected_on, fid");
    if (!st)
        return st.error();
    if (!siteId.empty())
        st->bind(1, siteId);
    std::map<std::string, size_t> byId;
    while (st->step()) {
        InspectionRecord r;
        r.recordId = st->text(0);
        r.siteId = st->text(1);
        const auto date = parseDate(st->text(2));
        if (!date)
            return codedError("project.record_bad_date", {r.recordId, st->text(2)}, db.path());
        r.date = *date;
        r.inspector = st->text(3);
        const auto outcome = outcomeFromCode(st->text(4));
        if (!outcome)
            return codedError("project.record_bad_outcome", {r.recordId, st->text(4)}, db.path());
        r.outcome = *outcome;
        if (!st->isNull(5))
            r.fixBy = parseDate(st->text(5));
        r.findings = st->text(6);
        r.notes = st->text(7);
        auto measures = measuresFromJson(st->text(8), r.recordId, db.path());
        if (!measures)
            return measures.error();
        r.measures = std::move(measures).value();
        r.positionSource = positionSourceFromCode(st->text(9));
        r.origin = st->text(10);
        r.mergedHash = st->text(11);
        r.recordedAt = st->text(12);
        r.updatedAt = st->text(13);
        if (!st->isNull(14)) {
            const auto blob = st->blob(14);
            r.position = decodeGpkgPoint(blob);
        }
        byId.emplace(r.recordId, out.size());
        out.push_back(std::move(r));
    }
    if (!st->error().empty())
        return st->failure(db.path());
    if (out.empty())
        return out;
    auto photos = db.prepare(
        "SELECT record_id, photo_id, file_name, mime_type, bytes, content_hash FROM "
        "inspection_photos ORDER BY fid");
    if (!photos)
        return photos.error();
    while (photos->step()) {
        auto it = byId.find(photos->text(0));
        if (it == byId.end())
            continue;
        PhotoInfo p;
        p.photoId = photos->text(1);
        p.fileName = photos->text(2);
        p.mimeType = photos->text(3);
        p.bytes = photos->integer(4);
        p.contentHash = photos->text(5);
        out[it->second].photos.push_back(std::move(p));
    }
    if (!photos->error().empty())
        return photos->failure(db.path());
    return out;
}

Result<std::vector<std::uint8_t>> loadPhotoData(const Database& db, const std::string& photoId) {
    auto st = db.prepare("SELECT data FROM inspection_photos WHERE photo_id = ?");
    if (!st)
        return st.error();
    st->bind(1, photoId);
    if (!st->step())
        return st->error().empty() ? codedError("project.no_such_photo", {photoId}, db.path())
                                   : st->failure(db.path());
    return st->blob(0);
}

Status putInspectionRecord(Database& db, const InspectionRecord& r, std::span<const Photo> photos,
                           const std::string& source) {
    {
        auto known = db.prepare("SELECT 1 FROM factories WHERE site_id = ?");
        if (!known)
            return known.error();
        known->bind(1, r.siteId);
        if (!known->step())
            return known->error().empty()
                       ? codedError("project.no_such_facility", {r.siteId}, db.path())
                       : known->failure(db.path());
    }
    auto upsert = db.prepare(
        std::string("INSERT INTO inspection_records (") + kRecordColumns +
        ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
        "ON CONFLICT(record_id) DO UPDATE SET site_id = ?2, inspected_on = ?3, inspector = ?4, "
        "outcome = ?5, fix_by = ?6, findings = ?7, notes = ?8, measures = ?9, "
        "position_source = ?10, origin = ?11, merged_hash = ?12, recorded_at = ?13, "
        "updated_at = ?14, geom = ?15");
    if (!upsert)
        return upsert.error();
    upsert->bind(1, r.recordId).bind(2, r.siteId).bind(3, formatDate(r.date)).bind(4, r.inspector);
    upsert->bind(5, outcomeCode(r.outcome));
    bindOptionalDate(*upsert, 6, r.fixBy);
    upsert->bindTextOrNull(7, r.findings).bindTextOrNull(8, r.notes);
    upsert->bind(9, measuresToJson(r.measures));
    upsert->bindTextOrNull(10, positionSourceCode(r.positionSource));
    upsert->bindTextOrNull(11, r.origin).bindTextOrNull(12, r.mergedHash);
    upsert->bind(13, r.recordedAt).bind(14, r.updatedAt);
    if (r.position)
        upsert->bindBlob(15, encodeGpkgPoint(*r.position));
    else
        upsert->bindNull(15);
    if (auto st = upsert->run(); !st)
        return atFile(st.error(), db.path());

    // The row the rules read, kept in step with the record.
    const Inspection ins = inspectionOf(r, source);
    auto row = db.prepare(
        "INSERT INTO inspections (site_id, inspected_on, inspector, measures_ok, finding, "
        "source, outcome, record_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
        "ON CONFLICT(record_id) DO UPDATE SET site_id = ?1, inspected_on = ?2, inspector = ?3, "
        "measures_ok = ?4, finding = ?5, source = ?6, outcome = ?7");
    if (!row)
        return row.error();
    row->bind(1, ins.siteId).bind(2, formatDate(ins.date)).bindTextOrNull(3, ins.inspector);
    row->bind(4, ins.measuresOk ? 1 : 0).bindTextOrNull(5, ins.finding);
    row->bindTextOrNull(6, ins.source).bind(7, outcomeCode(r.outcome)).bind(8, r.recordId);
    if (auto st = row->run(); !st)
        return atFile(st.error(), db.path());

    // Photos: add the new ones, drop the ones the record no longer lists.
    std::set<std::string> wanted;
    for (const auto& p : r.photos)
        wanted.insert(p.photoId);
    std::set<std::string> stored;
    {
        auto have = db.prepare(
            "SELECT photo_id, record_id FROM inspection_photos WHERE "
            "record_id = ?1 OR photo_id IN (SELECT value FROM json_each(?2))");
        if (!have)
            return have.error();
        json ids = json::array();
        for (const auto& id : wanted)
            ids.push_back(id);
        have->bind(1, r.recordId).bind(2, ids.dump());
        while (have->step()) {
            if (have->text(1) != r.recordId)
                return codedError("project.photo_elsewhere", {have->text(0), have->text(1)},
                                  db.path());
            stored.insert(have->text(0));
        }
        if (!have->error().empty())
            return have->failure(db.path());
    }
    auto drop = db.prepare("DELETE FROM inspection_photos WHERE photo_id = ?");
    auto add = db.prepare(
        "INSERT INTO inspection_photos (photo_id, record_id, file_name, mime_type, bytes, "
        "content_hash, data) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!drop)
        return drop.error();
    if (!add)
        return add.error();
    for (const auto& id : stored) {
        if (wanted.count(id))
            continue;
        drop->bind(1, id);
        if (auto st = drop->run(); !st) {
            Error e = st.error();
            e.file = db.path();
            return e;
        }
    }
    for (const auto& info : r.photos) {
        if (stored.count(info.photoId))
            continue;
        const auto it = std::find_if(photos.begin(), photos.end(), [&](const Photo& p) {
            return p.info.photoId == info.photoId;
        });
        if (it == photos.end() || it->data.empty())
            return codedError("project.photo_no_data", {info.photoId, info.fileName, r.recordId},
                              db.path());
        add->bind(1, info.photoId).bind(2, r.recordId).bindTextOrNull(3, info.fileName);
        add->bind(4, info.mimeType).bind(5, static_cast<int64_t>(it->data.size()));
        add->bind(6, info.contentHash).bindBlob(7, it->data);
        if (auto st = add->run(); !st) {
            Error e = st.error();
            e.file = db.path();
            return e;
        }
    }
    return refreshExtent(db, "inspection_records");
}

Status deleteInspectionRecord(Database& db, const std::string& recordId) {
    for (const char* sql : {"DELETE FROM inspection_photos WHERE record_id = ?",
                            "DELETE FROM inspections WHERE record_id = ?",
                            "DELETE FROM inspection_records WHERE record_id = ?"}) {
        auto st = db.prepare(sql);
        if (!st)
            return st.error();
        st->bind(1, recordId);
        if (auto done = st->run(); !done)
            return atFile(done.error(), db.path());
    }
    return refreshExtent(db, "inspection_records");
}

}  // namespace safemap
