#include "core/storage/newest_score_store.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_map>

#include "core/storage/criteria_store.h"
#include "core/storage/database.h"
#include "core/storage/little_endian.h"
#include "core/storage/score_store.h"
#include "core/storage/varint.h"

namespace safemap {

namespace {

constexpr char kMagic[4] = {'S', 'M', 'N', 'S'};
// Format 1 (schema 7) kept 40-byte records; a row of it is not read, only renewed (the
// caller reads the long way meanwhile), and migration 8 renews it at once.
constexpr uint16_t kFormat = 2;
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

// One facility's candidates for its newest scores, oldest first.
struct Candidate {
    int32_t day;
    int64_t id;
    bool operator<(const Candidate& o) const { return day != o.day ? day < o.day : id < o.id; }
};

struct NewAssessment {
    std::string site;
    Candidate at;
};

// The assessments added since the row was derived, of facilities only (as the long way
// reads them), sorted by facility. Nothing if one holds a date not in the store's own form
// (the long way decides those).
std::optional<std::vector<NewAssessment>> assessmentsAfter(const Database& db, int64_t fid,
                                                           const ScoreTimeline& old) {
    auto q = db.prepare("SELECT site_id, assessed_on, fid FROM assessments WHERE fid > ?");
    auto factory = db.prepare("SELECT 1 FROM factories WHERE site_id = ?");
    if (!q || !factory)
        return std::nullopt;
    q->bind(1, fid);
    StoredDays days;
    std::unordered_map<std::string, bool> isFactory;
    std::vector<NewAssessment> out;
    while (q->step()) {
        std::string site(q->textView(0));
        const auto day = days.canonicalDay(q->textView(1));
        if (!day)
            return std::nullopt;
        auto known = isFactory.find(site);
        if (known == isFactory.end()) {
            bool yes = std::binary_search(old.siteIds.begin(), old.siteIds.end(), site);
            if (!yes) {
                factory->reset();
                factory->bind(1, std::string_view(site));
                yes = factory->step();
                if (!factory->error().empty())
                    return std::nullopt;
            }
            known = isFactory.emplace(site, yes).first;
        }
        if (known->second)
            out.push_back({std::move(site), {*day, q->integer(2)}});
    }
    if (!q->error().empty())
        return std::nullopt;
    std::sort(out.begin(), out.end(),
              [](const NewAssessment& a, const NewAssessment& b) { return a.site < b.site; });
    return out;
}

// The row derived at `was` brought forward to `now` without the long way, where only what
// the stamps show as appends happened (facilities unchanged, assessments and blocks added,
// or every block of the set rewritten as a re-score does): the new assessments are merged
// into each facility's newest two, and their scores read from the new blocks only, or from
// all blocks if the old ones are gone. The long way seeks every facility's newest
// assessments in the index instead. Nothing where it cannot be sure; the caller then goes
// the long way. `old` may be another set's row (`sameSet` false): which assessments are a
// facility's newest depends on their dates alone, so only every record is read afresh.
std::optional<ScoreTimeline> renewed(const Database& db, const CriteriaSet& set, ScoreTimeline old,
                                     const NewestScoresStamp& was, const NewestScoresStamp& now,
                                     bool sameSet) {
    if (was.factoriesUpTo != now.factoriesUpTo || was.factories != now.factories ||
        now.assessmentsUpTo < was.assessmentsUpTo ||
        now.assessmentsUpTo - was.assessmentsUpTo > std::max<int64_t>(now.factories, 4096))
        return std::nullopt;  // facilities changed, or so many new assessments that seeking
                              // each facility's newest is quicker than reading them all
    auto added = assessmentsAfter(db, was.assessmentsUpTo, old);
    if (!added)
        return std::nullopt;
    // Old blocks all still there (none deleted, ids only grow): only the new ones can hold
    // a newer score. Otherwise every record is read afresh.
    int64_t newBlocks = 0;
    if (sameSet) {
        auto q = db.prepare(
            "SELECT count(*) FROM score_blocks WHERE set_id = ? AND set_version = ? AND fid > ?");
        if (!q)
            return std::nullopt;
        q->bind(1, set.id).bind(2, set.version).bind(3, was.blocksUpTo);
        if (!q->step())
            return std::nullopt;
        newBlocks = q->integer(0);
    }
    const bool appended = sameSet && now.blocks == was.blocks + newBlocks;
    const int64_t afterBlock = appended ? was.blocksUpTo : 0;

    // Each facility's newest two: the old ones and the added ones, merged.
    ScoreTimeline t;
    std::vector<uint8_t> fromOld;  // per entry: 1 if its record is the old row's
    std::vector<Candidate> c;
    std::vector<const TimelineEntry*> oldEntries;
    size_t i = 0, j = 0;
    if (added->empty()) {
        // No new assessment (a re-score): the same facilities and assessments, only
        // their records may be new.
        t = std::move(old);
        fromOld.assign(t.entries.size(), appended ? 1 : 0);
    } else {
        while (i < old.siteIds.size() || j < added->size()) {
            const bool takeOld = i < old.siteIds.size() &&
                                 (j == added->size() || !((*added)[j].site < old.siteIds[i]));
            const std::string& site = takeOld ? old.siteIds[i] : (*added)[j].site;
            c.clear();
            oldEntries.clear();
            if (takeOld && old.siteIds[i] == site) {
                for (uint32_t e = old.siteBegin[i]; e < old.siteBegin[i + 1]; ++e) {
                    c.push_back({old.entries[e].day, old.entries[e].assessmentId});
                    oldEntries.push_back(&old.entries[e]);
                }
                ++i;
            }
            while (j < added->size() && (*added)[j].site == site)
                c.push_back((*added)[j++].at);
            std::sort(c.begin(), c.end());
            const size_t keep = std::min(c.size(), kNewestScoresPerSite);
            t.siteIds.push_back(site);
            for (size_t k = c.size() - keep; k < c.size(); ++k) {
                TimelineEntry e;
                e.assessmentId = c[k].id;
                e.day = c[k].day;
                uint8_t isOld = 0;
                if (appended)  // else every old record may be gone: all are read again
                    for (const TimelineEntry* o : oldEntries)
                        if (o->assessmentId == c[k].id) {
                            e = *o;
                            isOld = 1;
                        }
                t.entries.push_back(e);
                fromOld.push_back(isOld);
            }
            t.siteBegin.push_back(static_cast<uint32_t>(t.entries.size()));
        }
    }

    t.set = {set.id, set.version};
    // Their records: the new blocks' (or every block's) replace the old row's.
    std::vector<int64_t> ids(t.entries.size());
    for (size_t k = 0; k < ids.size(); ++k)
        ids[k] = t.entries[k].assessmentId;
    std::sort(ids.begin(), ids.end());
    if (std::adjacent_find(ids.begin(), ids.end()) != ids.end())
        return std::nullopt;
    std::vector<TimelineEntry> found(ids.size());
    std::vector<uint8_t> have(ids.size(), 0);
    if (!findScores(db, set, ids, found, have, afterBlock))
        return std::nullopt;
    for (size_t k = 0; k < t.entries.size(); ++k) {
        TimelineEntry& e = t.entries[k];
        const auto at = static_cast<size_t>(
            std::lower_bound(ids.begin(), ids.end(), e.assessmentId) - ids.begin());
        if (have[at]) {
            const int32_t day = e.day;
            e = found[at];
            e.day = day;
        } else if (!fromOld[k]) {
            return std::nullopt;  // a newest assessment not scored under the set: the long way
        }
    }
    return t;
}

}  // namespace

std::vector<uint8_t> encodeNewestScores(const ScoreTimeline& t) {
    for (size_t s = 0; s < t.siteIds.size(); ++s)
        if (t.siteBegin[s + 1] - t.siteBegin[s] > kNewestScoresPerSite)
            return {};
    std::vector<uint8_t> out(kHeaderBytes);
    out.reserve(kHeaderBytes + t.siteIds.size() * 8 + t.entries.size() * 12);
    uint8_t* p = out.data();
    for (char c : kMagic)
        *p++ = static_cast<uint8_t>(c);
    p = le::put<uint16_t>(p, kFormat);
    p = le::put<uint16_t>(p, 0);
    le::put<uint32_t>(p, static_cast<uint32_t>(t.siteIds.size()));
    // Ids in order share most of their text with the one before ("MST-98000001…"): each
    // is stored as the length it shares and the rest.
    std::string_view previous;
    for (size_t s = 0; s < t.siteIds.size(); ++s) {
        const std::string& id = t.siteIds[s];
        const size_t shared = static_cast<size_t>(
            std::mismatch(
                id.begin(),
                id.begin() + static_cast<std::ptrdiff_t>(std::min(id.size(), previous.size())),
                previous.begin())
                .first -
            id.begin());
        putVarint(out, shared);
        putVarint(out, id.size() - shared);
        out.insert(out.end(), id.begin() + static_cast<std::ptrdiff_t>(shared), id.end());
        out.push_back(static_cast<uint8_t>(t.siteBegin[s + 1] - t.siteBegin[s]));
        previous = id;
    }
    int32_t day = 0;
    for (const TimelineEntry& e : t.entries) {
        putVarint(out, zigZag(static_cast<int64_t>(e.day) - day));
        day = e.day;
    }
    const auto scores = encodePackedScores(t.entries);
    out.insert(out.end(), scores.begin(), scores.end());
    return out;
}

std::optional<ScoreTimeline> decodeNewestScores(std::span<const uint8_t> blob,
                                                const CriteriaSet& set) {
    if (blob.size() < kHeaderBytes || std::memcmp(blob.data(), kMagic, 4) != 0 ||
        le::get<uint16_t>(blob.data() + 4) != kFormat || le::get<uint16_t>(blob.data() + 6) != 0)
        return std::nullopt;
    const uint32_t sites = le::get<uint32_t>(blob.data() + 8);
    ScoreTimeline t;
    t.set = {set.id, set.version};
    // A facility takes at least 3 bytes: a count beyond what the blob holds is damage.
    if (sites > (blob.size() - kHeaderBytes) / 3)
        return std::nullopt;
    t.siteIds.reserve(sites);
    t.siteBegin.reserve(sites + 1);
    Bytes in{blob, kHeaderBytes};
    size_t entries = 0;
    for (uint32_t s = 0; s < sites; ++s) {
        uint64_t shared = 0, rest = 0;
        uint8_t count = 0;
        const std::string empty;
        const std::string& previous = t.siteIds.empty() ? empty : t.siteIds.back();
        if (!in.varint(shared) || !in.varint(rest) || shared > previous.size() || rest > in.left())
            return std::nullopt;
        std::string id = previous.substr(0, static_cast<size_t>(shared));
        id.append(reinterpret_cast<const char*>(blob.data() + in.at), static_cast<size_t>(rest));
        in.at += static_cast<size_t>(rest);
        if (!in.byte(count) || count == 0 || count > kNewestScoresPerSite ||
            (!t.siteIds.empty() && !(previous < id)))
            return std::nullopt;
        t.siteIds.push_back(std::move(id));
        entries += count;
        t.siteBegin.push_back(static_cast<uint32_t>(entries));
    }
    std::vector<int32_t> days(entries);
    int64_t day = 0;
    for (int32_t& d : days) {
        uint64_t step = 0;
        if (!in.varint(step))
            return std::nullopt;
        // Checked before it is added: a step beyond what days can span would overflow.
        const int64_t delta = unZigZag(step);
        if (delta < -(int64_t{1} << 32) || delta > (int64_t{1} << 32))
            return std::nullopt;
        day += delta;
        if (day < std::numeric_limits<int32_t>::min() || day > std::numeric_limits<int32_t>::max())
            return std::nullopt;
        d = static_cast<int32_t>(day);
    }
    std::string why;
    if (!decodeScoreBlock(blob.subspan(in.at), set.indices.size(), set.vetoes.size(), t.entries,
                          why) ||
        t.entries.size() != entries)
        return std::nullopt;
    for (size_t s = 0; s < sites; ++s)
        for (uint32_t e = t.siteBegin[s]; e < t.siteBegin[s + 1]; ++e) {
            t.entries[e].day = days[e];
            if (e > t.siteBegin[s] && days[e] < days[e - 1])
                return std::nullopt;  // not oldest first
        }
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
    std::optional<StoredRow> was;
    {
        auto q = db.prepare(std::string("SELECT ") + kRowColumns + " FROM newest_scores");
        if (!q)
            return q.error();
        if (q->step()) {
            was = rowOf(*q);
            if (was->set == ref && was->stamp == *stamp && !q->step())
                return {};
        }
        if (!q->error().empty())
            return q->failure(db.path());
    }
    // The old row, to bring forward instead of deriving it afresh: this set's, or the one
    // active before (going to another set keeps the assessments).
    std::vector<uint8_t> wasEntries;
    if (was) {
        auto q = db.prepare("SELECT entries FROM newest_scores");
        if (!q)
            return q.error();
        if (q->step())
            wasEntries = q->blob(0);
        if (!q->error().empty())
            return q->failure(db.path());
    }
    if (auto st = clearRow(db); !st)
        return st;
    auto set = loadCriteriaSet(db, ref);
    if (!set || !*set)
        return {};
    std::optional<ScoreTimeline> timeline;
    if (!wasEntries.empty()) {
        const bool sameSet = was->set == ref;
        // The old row's records are in its own set's form.
        std::optional<CriteriaSet> wasSet;
        if (!sameSet)
            if (auto loaded = loadCriteriaSet(db, was->set); loaded && *loaded)
                wasSet = std::move(**loaded);
        const CriteriaSet* decodeWith = sameSet ? &**set : wasSet ? &*wasSet : nullptr;
        if (decodeWith)
            if (auto old = decodeNewestScores(wasEntries, *decodeWith))
                timeline = renewed(db, **set, std::move(*old), was->stamp, *stamp, sameSet);
    }
    if (!timeline) {
        auto longWay = loadLatestScores(db, **set, kNewestScoresPerSite);
        if (!longWay)
            return {};
        timeline = std::move(longWay).value();
    }
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
