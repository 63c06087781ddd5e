#include "core/storage/newest_score_store.h"

#include <cstring>
#include <limits>

#include "core/storage/criteria_store.h"
#include "core/storage/database.h"
#include "core/storage/little_endian.h"
#include "core/storage/score_store.h"

namespace safemap {

namespace {

constexpr char kMagic[4] = {'S', 'M', 'N', 'S'};
constexpr uint16_t kFormat = 1;
constexpr size_t kHeaderBytes = 12;

Result<NewestScoresStamp> currentStamp(const Database& db, const CriteriaRef& set) {
    auto q = db.prepare(
        "SELECT (SELECT ifnull(max(fid), 0) FROM assessments), "
        "(SELECT ifnull(max(fid), 0) FROM factories), (SELECT count(*) FROM factories), "
        "(SELECT ifnull(max(fid), 0) FROM score_blocks WHERE set_id = ?1 AND set_version = ?2), "
        "(SELECT count(*) FROM score_blocks WHERE set_id = ?1 AND set_version = ?2)");
    if (!q)
        return q.error();
    q->bind(1, set.id).bind(2, set.version);
    if (!q->step())
        return q->failure(db.path());
    return NewestScoresStamp{q->integer(0), q->integer(1), q->integer(2), q->integer(3),
                             q->integer(4)};
}

struct StoredRow {
    CriteriaRef set;
    NewestScoresStamp stamp;
};

constexpr const char* kRowColumns =
    "set_id, set_version, assessments_upto, factories_upto, factories, blocks_upto, blocks";

StoredRow rowOf(const Statement& q) {
    return {{q.text(0), static_cast<int>(q.integer(1))},
            {q.integer(2), q.integer(3), q.integer(4), q.integer(5), q.integer(6)}};
}

Status clearRow(Database& db) {
    return db.exec("DELETE FROM newest_scores");
}

}  // namespace

std::vector<uint8_t> encodeNewestScores(const ScoreTimeline& t) {
    for (const std::string& id : t.siteIds)
        if (id.size() > std::numeric_limits<uint16_t>::max())
            return {};
    for (size_t s = 0; s < t.siteIds.size(); ++s)
        if (t.siteBegin[s + 1] - t.siteBegin[s] > kNewestScoresPerSite)
            return {};
    std::vector<uint8_t> out(kHeaderBytes);
    out.reserve(kHeaderBytes + t.siteIds.size() * 16 + t.entries.size() * (4 + kScoreRecordBytes));
    uint8_t* p = out.data();
    for (char c : kMagic)
        *p++ = static_cast<uint8_t>(c);
    p = le::put<uint16_t>(p, kFormat);
    p = le::put<uint16_t>(p, static_cast<uint16_t>(kScoreRecordBytes));
    le::put<uint32_t>(p, static_cast<uint32_t>(t.siteIds.size()));
    for (size_t s = 0; s < t.siteIds.size(); ++s) {
        const std::string& id = t.siteIds[s];
        const uint32_t begin = t.siteBegin[s], end = t.siteBegin[s + 1];
        const size_t at = out.size();
        out.resize(at + 2 + id.size() + 1);
        uint8_t* q = le::put<uint16_t>(out.data() + at, static_cast<uint16_t>(id.size()));
        std::memcpy(q, id.data(), id.size());
        q[id.size()] = static_cast<uint8_t>(end - begin);
        for (uint32_t e = begin; e < end; ++e) {
            const size_t day = out.size();
            out.resize(day + 4);
            le::put<int32_t>(out.data() + day, t.entries[e].day);
            appendScoreRecord(out, t.entries[e]);
        }
    }
    return out;
}

std::optional<ScoreTimeline> decodeNewestScores(std::span<const uint8_t> blob,
                                                const CriteriaSet& set) {
    if (blob.size() < kHeaderBytes || std::memcmp(blob.data(), kMagic, 4) != 0 ||
        le::get<uint16_t>(blob.data() + 4) != kFormat ||
        le::get<uint16_t>(blob.data() + 6) != kScoreRecordBytes)
        return std::nullopt;
    const uint32_t sites = le::get<uint32_t>(blob.data() + 8);
    ScoreTimeline t;
    t.set = {set.id, set.version};
    // A facility takes at least 3 bytes: a count beyond what the blob holds is damage.
    if (sites > (blob.size() - kHeaderBytes) / 3)
        return std::nullopt;
    t.siteIds.reserve(sites);
    t.siteBegin.reserve(sites + 1);
    t.entries.reserve(sites * kNewestScoresPerSite);
    size_t at = kHeaderBytes;
    std::string why;
    for (uint32_t s = 0; s < sites; ++s) {
        if (blob.size() - at < 2)
            return std::nullopt;
        const size_t idBytes = le::get<uint16_t>(blob.data() + at);
        at += 2;
        if (blob.size() - at < idBytes + 1)
            return std::nullopt;
        std::string id(reinterpret_cast<const char*>(blob.data() + at), idBytes);
        at += idBytes;
        const size_t count = blob[at++];
        if (count == 0 || count > kNewestScoresPerSite ||
            (!t.siteIds.empty() && !(t.siteIds.back() < id)))
            return std::nullopt;
        t.siteIds.push_back(std::move(id));
        int32_t previousDay = std::numeric_limits<int32_t>::min();
        for (size_t k = 0; k < count; ++k) {
            if (blob.size() - at < 4 + kScoreRecordBytes)
                return std::nullopt;
            TimelineEntry e;
            if (!decodeScoreRecord(blob.subspan(at + 4).first<kScoreRecordBytes>(),
                                   set.indices.size(), set.vetoes.size(), e, why))
                return std::nullopt;
            e.day = le::get<int32_t>(blob.data() + at);
            if (e.day < previousDay)
                return std::nullopt;
            previousDay = e.day;
            at += 4 + kScoreRecordBytes;
            t.entries.push_back(e);
        }
        t.siteBegin.push_back(static_cast<uint32_t>(t.entries.size()));
    }
    if (at != blob.size())
        return std::nullopt;
    return t;
}

Result<std::optional<ScoreTimeline>> readNewestScores(const Database& db, const CriteriaSet& set,
                                                      size_t perSite) {
    if (perSite == 0 || perSite > kNewestScoresPerSite)
        return std::optional<ScoreTimeline>();
    const CriteriaRef ref{set.id, set.version};
    auto stamp = currentStamp(db, ref);
    if (!stamp)
        return stamp.error();
    auto q = db.prepare(std::string("SELECT ") + kRowColumns + ", entries FROM newest_scores");
    if (!q)
        return q.error();
    if (!q->step()) {
        if (!q->error().empty())
            return q->failure(db.path());
        return std::optional<ScoreTimeline>();
    }
    const StoredRow row = rowOf(*q);
    if (!(row.set == ref) || !(row.stamp == *stamp))
        return std::optional<ScoreTimeline>();
    auto timeline = decodeNewestScores(q->blobView(7), set);
    if (timeline && perSite < kNewestScoresPerSite)
        timeline = keepNewest(std::move(*timeline), perSite);
    return timeline;
}

Status refreshNewestScores(Database& db) {
    auto active = loadActiveCriteria(db);
    if (!active || !*active)
        return clearRow(db);
    const CriteriaRef& ref = **active;
    auto stamp = currentStamp(db, ref);
    if (!stamp)
        return stamp.error();
    {
        auto q = db.prepare(std::string("SELECT ") + kRowColumns + " FROM newest_scores");
        if (!q)
            return q.error();
        if (q->step()) {
            const StoredRow row = rowOf(*q);
            if (row.set == ref && row.stamp == *stamp && !q->step())
                return {};
        }
        if (!q->error().empty())
            return q->failure(db.path());
    }
    if (auto st = clearRow(db); !st)
        return st;
    auto set = loadCriteriaSet(db, ref);
    if (!set || !*set)
        return {};
    auto timeline = loadLatestScores(db, **set, kNewestScoresPerSite);
    if (!timeline)
        return {};
    auto ins = db.prepare(std::string("INSERT INTO newest_scores (") + kRowColumns +
                          ", sites, entries) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins)
        return ins.error();
    ins->bind(1, ref.id).bind(2, ref.version);
    ins->bind(3, stamp->assessmentsUpTo).bind(4, stamp->factoriesUpTo).bind(5, stamp->factories);
    ins->bind(6, stamp->blocksUpTo).bind(7, stamp->blocks);
    auto blob = encodeNewestScores(*timeline);
    if (blob.empty())
        return {};
    ins->bind(8, static_cast<int64_t>(timeline->siteIds.size()));
    ins->bindBlob(9, blob);
    return ins->run();
}

Status migrateNewestScores(Database& db) {
    // The triggers name their tables: a later migration that rebuilds assessments,
    // factories or score_blocks drops them with the old table and must create them again.
    if (auto st = db.exec(
            "CREATE TABLE newest_scores (fid INTEGER PRIMARY KEY AUTOINCREMENT, "
            "set_id TEXT NOT NULL, set_version INTEGER NOT NULL, assessments_upto INTEGER NOT "
            "NULL, factories_upto INTEGER NOT NULL, factories INTEGER NOT NULL, blocks_upto "
            "INTEGER NOT NULL, blocks INTEGER NOT NULL, sites INTEGER NOT NULL, entries BLOB NOT "
            "NULL);\n"
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES "
            "('newest_scores', 'attributes', 'newest_scores', 'Newest two scores of each "
            "facility under the active criteria set, derived (docs/storage.md)');\n"
            "CREATE TRIGGER newest_scores_assessment_changed AFTER UPDATE OF fid, site_id, "
            "assessed_on ON assessments BEGIN DELETE FROM newest_scores; END;\n"
            "CREATE TRIGGER newest_scores_assessment_removed AFTER DELETE ON assessments "
            "BEGIN DELETE FROM newest_scores; END;\n"
            "CREATE TRIGGER newest_scores_site_changed AFTER UPDATE OF fid, site_id ON "
            "factories BEGIN DELETE FROM newest_scores; END;\n"
            "CREATE TRIGGER newest_scores_block_changed AFTER UPDATE ON score_blocks "
            "BEGIN DELETE FROM newest_scores; END;\n");
        !st)
        return st;
    return refreshNewestScores(db);
}

}  // namespace safemap
