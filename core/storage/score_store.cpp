#include "core/storage/score_store.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <limits>
#include <unordered_map>

#include "core/errors/error_catalogue.h"
#include "core/project/scoring_run.h"
#include "core/storage/criteria_store.h"
#include "core/storage/database.h"
#include "core/storage/little_endian.h"
#include "core/storage/score_text.h"
#include "core/storage/varint.h"

namespace safemap {

namespace {

constexpr char kMagic[4] = {'S', 'M', 'S', 'B'};
// Format 1 (schema 5): fixed 40-byte records. Format 2: varints and a table of the block's
// distinct percents and highest points, about 7 bytes a score instead of 40; written since
// schema 8, and format 1 blocks are still read (a project keeps them until re-scored).
constexpr uint16_t kFixedRecords = 1;
constexpr uint16_t kPacked = 2;
// The fewest bytes a format-2 score takes: six varints and the level byte.
constexpr size_t kPackedMinBytes = 7;

using le::get;
using le::put;

uint64_t maskOfCount(size_t n) {
    return n >= 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
}

Error blockError(const CriteriaSet& set, int64_t block, const std::string& why,
                 const std::string& path) {
    return codedError("project.score_block_bad",
                      {CriteriaRef{set.id, set.version}.key(), std::to_string(block), why}, path);
}

/// Calls `visit` with each stored block of `set` decoded, in the order they were written (a
/// later block's score of an assessment replaces an earlier one's).
Status forEachBlock(const Database& db, const CriteriaSet& set,
                    const std::function<Status(int64_t, const std::vector<TimelineEntry>&)>& visit,
                    int64_t afterBlock = 0) {
    auto blocks = db.prepare(
        "SELECT fid, scores, entries FROM score_blocks WHERE set_id = ? AND set_version = ? "
        "AND fid > ? ORDER BY fid");
    if (!blocks)
        return blocks.error();
    blocks->bind(1, set.id).bind(2, set.version).bind(3, afterBlock);
    std::string why;
    std::vector<TimelineEntry> block;
    while (blocks->step()) {
        block.clear();
        if (!decodeScoreBlock(blocks->blobView(2), set.indices.size(), set.vetoes.size(), block,
                              why))
            return blockError(set, blocks->integer(0), why, db.path());
        if (block.size() != static_cast<size_t>(blocks->integer(1)))
            return blockError(set, blocks->integer(0), "count does not match", db.path());
        if (auto st = visit(blocks->integer(0), block); !st)
            return st;
    }
    if (!blocks->error().empty())
        return blocks->failure(db.path());
    return {};
}

}  // namespace

std::optional<int32_t> StoredDays::day(std::string_view text) {
    const Parsed& p = parsed(text);
    return p.day;
}

std::optional<int32_t> StoredDays::canonicalDay(std::string_view text) {
    const Parsed& p = parsed(text);
    return p.canonical ? p.day : std::nullopt;
}

const StoredDays::Parsed& StoredDays::parsed(std::string_view text) {
    if (auto it = days_.find(std::string(text)); it != days_.end())
        return it->second;
    Parsed p;
    if (const auto date = parseDate(text)) {
        p.day = dayNumber(*date);
        p.canonical = formatDate(*date) == text;
    }
    return days_.emplace(std::string(text), p).first->second;
}

void appendScoreRecord(std::vector<uint8_t>& out, const TimelineEntry& e) {
    const size_t at = out.size();
    out.resize(at + kScoreRecordBytes);
    uint8_t* p = out.data() + at;
    p = put<int64_t>(p, e.assessmentId);
    p = put<double>(p, e.percent);
    p = put<double>(p, e.maxIndexPoints);
    p = put<uint64_t>(p, e.mandatoryFailedMask);
    p = put<uint32_t>(p, e.vetoMask);
    p = put<int16_t>(p, e.worstIndex);
    p = put<uint8_t>(p, static_cast<uint8_t>(e.level));
    put<uint8_t>(p, e.safeToOperate ? 1 : 0);
}

bool decodeScoreRecord(std::span<const uint8_t, kScoreRecordBytes> record, size_t indexCount,
                       size_t vetoCount, TimelineEntry& e, std::string& error) {
    const uint8_t* p = record.data();
    e.assessmentId = get<int64_t>(p);
    e.percent = get<double>(p + 8);
    e.maxIndexPoints = get<double>(p + 16);
    e.mandatoryFailedMask = get<uint64_t>(p + 24);
    e.vetoMask = get<uint32_t>(p + 32);
    e.worstIndex = get<int16_t>(p + 36);
    const uint8_t level = p[38];
    const uint8_t safe = p[39];
    if (level >= kRiskLevelCount || safe > 1 || e.worstIndex < -1 ||
        e.worstIndex >= static_cast<int>(indexCount) ||
        (e.mandatoryFailedMask & ~maskOfCount(indexCount)) ||
        (e.vetoMask & ~maskOfCount(vetoCount))) {
        error = "assessment " + std::to_string(e.assessmentId) + ": values out of range";
        return false;
    }
    e.level = static_cast<RiskLevel>(level);
    e.safeToOperate = safe != 0;
    return true;
}

namespace {

uint8_t* putHeader(std::vector<uint8_t>& out, uint16_t format, uint16_t recordBytes) {
    out.resize(kScoreBlockHeaderBytes);
    uint8_t* p = out.data();
    for (char c : kMagic)
        *p++ = static_cast<uint8_t>(c);
    p = put<uint16_t>(p, format);
    return put<uint16_t>(p, recordBytes);
}

std::vector<uint8_t> encodeFixed(std::span<const ScoreRow> rows) {
    std::vector<uint8_t> out;
    putHeader(out, kFixedRecords, static_cast<uint16_t>(kScoreRecordBytes));
    out.reserve(kScoreBlockHeaderBytes + rows.size() * kScoreRecordBytes);
    // A block stores no dates (the assessments hold them): any day will do.
    const Date noDay = fromDayNumber(0);
    for (const ScoreRow& r : rows)
        appendScoreRecord(out, timelineEntry(r, noDay));
    return out;
}

// A set of ten indices gives a few hundred distinct percents and a dozen highest points,
// so each is stored once per block (its exact bits) and a score names it by its slot.
std::vector<uint8_t> encodePacked(std::span<const TimelineEntry> rows) {
    std::vector<uint8_t> values;
    std::unordered_map<uint64_t, uint64_t> slots;
    std::vector<uint64_t> refs;
    refs.reserve(rows.size() * 2);
    auto slot = [&](double d) {
        const auto bits = std::bit_cast<uint64_t>(d);
        auto [it, added] = slots.try_emplace(bits, slots.size());
        if (added) {
            values.resize(values.size() + 8);
            put<uint64_t>(values.data() + values.size() - 8, bits);
        }
        refs.push_back(it->second);
    };
    for (const TimelineEntry& r : rows) {
        slot(r.percent);
        slot(r.maxIndexPoints);
    }
    std::vector<uint8_t> out;
    putHeader(out, kPacked, 0);
    out.reserve(kScoreBlockHeaderBytes + values.size() + rows.size() * 9 + 16);
    putVarint(out, rows.size());
    putVarint(out, slots.size());
    out.insert(out.end(), values.begin(), values.end());
    int64_t previous = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        const TimelineEntry& r = rows[i];
        // Ids of a block mostly follow one another: a step of one is a byte.
        putVarint(out, zigZag(static_cast<int64_t>(static_cast<uint64_t>(r.assessmentId) -
                                                   static_cast<uint64_t>(previous))));
        previous = r.assessmentId;
        putVarint(out, refs[2 * i]);
        putVarint(out, refs[2 * i + 1]);
        putVarint(out, r.mandatoryFailedMask);
        putVarint(out, r.vetoMask);
        putVarint(out, static_cast<uint64_t>(r.worstIndex + 1));
        out.push_back(
            static_cast<uint8_t>(static_cast<uint8_t>(r.level) | (r.safeToOperate ? 0x80 : 0)));
    }
    return out;
}

bool decodeFixed(std::span<const uint8_t> blob, size_t indexCount, size_t vetoCount,
                 std::vector<TimelineEntry>& out, std::string& error) {
    if (get<uint16_t>(blob.data() + 6) != kScoreRecordBytes) {
        error = "record size " + std::to_string(get<uint16_t>(blob.data() + 6)) +
                " is not known to this version";
        return false;
    }
    const size_t bytes = blob.size() - kScoreBlockHeaderBytes;
    if (bytes % kScoreRecordBytes != 0) {
        error = "torn record";
        return false;
    }
    for (size_t at = kScoreBlockHeaderBytes; at < blob.size(); at += kScoreRecordBytes) {
        TimelineEntry e;
        if (!decodeScoreRecord(blob.subspan(at).first<kScoreRecordBytes>(), indexCount, vetoCount,
                               e, error))
            return false;
        out.push_back(e);
    }
    return true;
}

bool decodePacked(std::span<const uint8_t> blob, size_t indexCount, size_t vetoCount,
                  std::vector<TimelineEntry>& out, std::string& error) {
    Bytes in{blob, kScoreBlockHeaderBytes};
    uint64_t count = 0, valueCount = 0;
    // Both counts are checked against the bytes left before anything is sized by them.
    if (!in.varint(count) || !in.varint(valueCount) || valueCount > in.left() / 8 ||
        count > (in.left() - valueCount * 8) / kPackedMinBytes) {
        error = "torn record";
        return false;
    }
    std::vector<double> values(valueCount);
    for (double& v : values) {
        v = get<double>(blob.data() + in.at);
        in.at += 8;
    }
    out.reserve(out.size() + count);
    int64_t previous = 0;
    for (uint64_t i = 0; i < count; ++i) {
        uint64_t step = 0, percent = 0, highest = 0, mandatory = 0, vetoes = 0, worst = 0;
        uint8_t levelAndSafe = 0;
        if (!in.varint(step) || !in.varint(percent) || !in.varint(highest) ||
            !in.varint(mandatory) || !in.varint(vetoes) || !in.varint(worst) ||
            !in.byte(levelAndSafe)) {
            error = "torn record";
            return false;
        }
        TimelineEntry e;
        e.assessmentId = static_cast<int64_t>(static_cast<uint64_t>(previous) +
                                              static_cast<uint64_t>(unZigZag(step)));
        previous = e.assessmentId;
        const uint8_t level = levelAndSafe & 0x7f;
        if (percent >= valueCount || highest >= valueCount || worst > indexCount ||
            level >= kRiskLevelCount || (mandatory & ~maskOfCount(indexCount)) ||
            (vetoes & ~maskOfCount(std::min<size_t>(vetoCount, 32)))) {
            error = "assessment " + std::to_string(e.assessmentId) + ": values out of range";
            return false;
        }
        e.percent = values[percent];
        e.maxIndexPoints = values[highest];
        e.mandatoryFailedMask = mandatory;
        e.vetoMask = static_cast<uint32_t>(vetoes);
        e.worstIndex = static_cast<int16_t>(static_cast<int64_t>(worst) - 1);
        e.level = static_cast<RiskLevel>(level);
        e.safeToOperate = (levelAndSafe & 0x80) != 0;
        out.push_back(e);
    }
    if (in.left() != 0) {
        error = "bytes after the last score";
        return false;
    }
    return true;
}

}  // namespace

std::vector<uint8_t> encodeScoreBlock(std::span<const ScoreRow> rows, ScoreBlockFormat format) {
    if (format == ScoreBlockFormat::FixedRecords)
        return encodeFixed(rows);
    // A block stores no dates (the assessments hold them): any day will do.
    std::vector<TimelineEntry> entries;
    entries.reserve(rows.size());
    for (const ScoreRow& r : rows)
        entries.push_back(timelineEntry(r, fromDayNumber(0)));
    return encodePacked(entries);
}

std::vector<uint8_t> encodePackedScores(std::span<const TimelineEntry> entries) {
    return encodePacked(entries);
}

bool decodeScoreBlock(std::span<const uint8_t> blob, size_t indexCount, size_t vetoCount,
                      std::vector<TimelineEntry>& out, std::string& error) {
    if (blob.size() < kScoreBlockHeaderBytes || std::memcmp(blob.data(), kMagic, 4) != 0) {
        error = "not a score block";
        return false;
    }
    switch (get<uint16_t>(blob.data() + 4)) {
        case kFixedRecords:
            return decodeFixed(blob, indexCount, vetoCount, out, error);
        case kPacked:
            if (get<uint16_t>(blob.data() + 6) != 0) {
                error = "record size " + std::to_string(get<uint16_t>(blob.data() + 6)) +
                        " is not known to this version";
                return false;
            }
            return decodePacked(blob, indexCount, vetoCount, out, error);
        default:
            error = "block format " + std::to_string(get<uint16_t>(blob.data() + 4)) +
                    " is not known to this version";
            return false;
    }
}

Status clearScores(Database& db, const CriteriaRef& set) {
    auto del = db.prepare("DELETE FROM score_blocks WHERE set_id = ? AND set_version = ?");
    if (!del)
        return del.error();
    del->bind(1, set.id).bind(2, set.version);
    return del->run();
}

Result<EncodedScores> encodeScores(const CriteriaSet& set, std::span<const ScoreRow> rows,
                                   std::span<const double> points) {
    // Points per index are not stored: they follow from the answers and the set, and the
    // facility sheet scores its assessments afresh when it shows them.
    const size_t k = set.indices.size();
    if (points.size() != rows.size() * k)
        return codedError(
            "internal.write_scores",
            {std::to_string(points.size()), std::to_string(rows.size()), std::to_string(k)});
    EncodedScores out;
    if (rows.empty())
        return out;
    out.first = out.last = rows.front().assessmentId;
    for (const ScoreRow& r : rows) {
        out.first = std::min(out.first, r.assessmentId);
        out.last = std::max(out.last, r.assessmentId);
    }
    out.count = static_cast<int64_t>(rows.size());
    out.bytes = encodeScoreBlock(rows);
    return out;
}

Status writeEncodedScores(Database& db, const CriteriaSet& set, const EncodedScores& scores) {
    if (scores.count == 0)
        return {};
    auto st = db.prepare(
        "INSERT INTO score_blocks (set_id, set_version, first_assessment, last_assessment, "
        "scores, entries) VALUES (?, ?, ?, ?, ?, ?)");
    if (!st)
        return st.error();
    st->bind(1, set.id).bind(2, set.version).bind(3, scores.first).bind(4, scores.last);
    st->bind(5, scores.count).bindBlob(6, scores.bytes);
    return st->run();
}

Result<BlocksBeingReplaced> startReplacingBlocks(const Database& db, const CriteriaRef& set) {
    auto q = db.prepare(
        "SELECT fid, first_assessment, last_assessment, scores FROM score_blocks "
        "WHERE set_id = ? AND set_version = ? ORDER BY first_assessment, fid");
    if (!q)
        return q.error();
    q->bind(1, set.id).bind(2, set.version);
    BlocksBeingReplaced r;
    r.set = set;
    while (q->step())
        r.old.push_back({q->integer(0), q->integer(1), q->integer(2), q->integer(3), false});
    if (!q->error().empty())
        return q->failure(db.path());
    return r;
}

namespace {

Status removeBlock(Database& db, int64_t fid) {
    auto del = db.prepare("DELETE FROM score_blocks WHERE fid = ?");
    if (!del)
        return del.error();
    del->bind(1, fid);
    return del->run();
}

Result<bool> sameBlock(const Database& db, int64_t fid, const std::vector<uint8_t>& bytes) {
    auto q = db.prepare("SELECT entries FROM score_blocks WHERE fid = ?");
    if (!q)
        return q.error();
    q->bind(1, fid);
    if (!q->step())
        return q->error().empty() ? Result<bool>(false) : Result<bool>(q->failure(db.path()));
    const std::span<const uint8_t> stored = q->blobView(0);
    return std::equal(stored.begin(), stored.end(), bytes.begin(), bytes.end());
}

}  // namespace

Status replaceWithBlock(Database& db, BlocksBeingReplaced& r, const CriteriaSet& set,
                        const EncodedScores& scores) {
    if (scores.count == 0)
        return {};
    // Blocks come in assessment order: an old block that ends before this one starts
    // matches no block after it.
    while (r.next < r.old.size() && r.old[r.next].last < scores.first) {
        if (!r.old[r.next].kept)
            if (auto st = removeBlock(db, r.old[r.next].fid); !st)
                return st;
        ++r.next;
    }
    for (size_t i = r.next; i < r.old.size() && r.old[i].first <= scores.first; ++i) {
        BlocksBeingReplaced::Old& o = r.old[i];
        if (o.kept || o.first != scores.first || o.last != scores.last || o.count != scores.count)
            continue;
        auto same = sameBlock(db, o.fid, scores.bytes);
        if (!same)
            return same.error();
        if (*same) {
            o.kept = true;
            return {};
        }
    }
    return writeEncodedScores(db, set, scores);
}

Status finishReplacingBlocks(Database& db, BlocksBeingReplaced& r) {
    for (; r.next < r.old.size(); ++r.next)
        if (!r.old[r.next].kept)
            if (auto st = removeBlock(db, r.old[r.next].fid); !st)
                return st;
    return {};
}

Status writeScores(Database& db, const CriteriaSet& set, std::span<const ScoreRow> rows,
                   std::span<const double> points) {
    auto encoded = encodeScores(set, rows, points);
    if (!encoded)
        return encoded.error();
    return writeEncodedScores(db, set, *encoded);
}

Result<ScoreTimeline> loadScoreTimeline(const Database& db, const CriteriaSet& set) {
    // The set's scores by assessment id; a later block's score of an id replaces an earlier.
    // Ids are fids of one table, dense in practice: then each score goes straight into its
    // id's slot, else all are sorted by id and searched.
    int64_t blockCount = 0, count = 0, lo = 0, hi = -1;
    {
        auto range = db.prepare(
            // The count from the blocks' own lengths, not their `scores` column: memory is
            // sized by it before each block's count is checked, so a damaged file must not
            // be able to ask for more than its bytes hold.
            "SELECT count(*), sum(min(scores, max(length(entries) - 8, 0) / " +
            std::to_string(kPackedMinBytes) +
            ")), min(first_assessment), max(last_assessment) FROM score_blocks WHERE set_id = ? "
            "AND set_version = ?");
        if (!range)
            return range.error();
        range->bind(1, set.id).bind(2, set.version);
        if (range->step() && range->integer(0) > 0) {
            blockCount = range->integer(0);
            count = range->integer(1);
            lo = range->integer(2);
            hi = range->integer(3);
        }
        if (!range->error().empty())
            return range->failure(db.path());
    }
    if (blockCount == 0)
        return ScoreTimelineBuilder(CriteriaRef{set.id, set.version}).finish();
    const bool dense = hi >= lo && hi - lo < 4 * count + 4096;
    std::vector<TimelineEntry> scores;
    std::vector<uint8_t> present;
    if (dense) {
        scores.resize(static_cast<size_t>(hi - lo + 1));
        present.assign(scores.size(), 0);
    } else {
        scores.reserve(static_cast<size_t>(count));
    }
    if (auto st = forEachBlock(
            db, set,
            [&](int64_t block, const std::vector<TimelineEntry>& entries) -> Status {
                if (!dense) {
                    scores.insert(scores.end(), entries.begin(), entries.end());
                    return {};
                }
                for (const TimelineEntry& e : entries) {
                    if (e.assessmentId < lo || e.assessmentId > hi)
                        return blockError(set, block,
                                          "assessment " + std::to_string(e.assessmentId) +
                                              " outside the blocks' range",
                                          db.path());
                    const auto at = static_cast<size_t>(e.assessmentId - lo);
                    scores[at] = e;
                    present[at] = 1;
                }
                return {};
            });
        !st)
        return st.error();
    if (!dense) {
        std::stable_sort(scores.begin(), scores.end(), [](const auto& a, const auto& b) {
            return a.assessmentId < b.assessmentId;
        });
        size_t kept = 0;
        for (size_t i = 0; i < scores.size(); ++i) {
            if (kept > 0 && scores[kept - 1].assessmentId == scores[i].assessmentId)
                scores[kept - 1] = scores[i];
            else
                scores[kept++] = scores[i];
        }
        scores.resize(kept);
    }
    auto find = [&](int64_t id) -> const TimelineEntry* {
        if (dense) {
            if (id < lo || id > hi || !present[static_cast<size_t>(id - lo)])
                return nullptr;
            return &scores[static_cast<size_t>(id - lo)];
        }
        auto it = std::lower_bound(scores.begin(), scores.end(), id,
                                   [](const auto& e, int64_t v) { return e.assessmentId < v; });
        return it != scores.end() && it->assessmentId == id ? &*it : nullptr;
    };

    // The assessments in the timeline's order, straight off their (site, date) index: the
    // timeline is filled as they come. Should the stored order not be the timeline's (a
    // date text that sorts apart from its day), the builder sorts them instead.
    auto st = db.prepare(
        "SELECT site_id, assessed_on, fid FROM assessments ORDER BY site_id, assessed_on, fid");
    if (!st)
        return st.error();
    ScoreTimeline t;
    t.set = CriteriaRef{set.id, set.version};
    t.entries.reserve(static_cast<size_t>(count));
    bool ordered = true;
    StoredDays days;
    while (st->step()) {
        const TimelineEntry* e = find(st->integer(2));
        if (!e)
            continue;
        const auto day = days.day(st->textView(1));
        if (!day)
            return codedError("project.assessment_bad_date",
                              {std::to_string(e->assessmentId), st->text(1)}, db.path());
        TimelineEntry entry = *e;
        entry.day = *day;
        const std::string_view site = st->textView(0);
        if (t.siteIds.empty() || site != t.siteIds.back()) {
            if (!t.siteIds.empty() && site < t.siteIds.back())
                ordered = false;
            if (!t.siteIds.empty())
                t.siteBegin.push_back(static_cast<uint32_t>(t.entries.size()));
            t.siteIds.emplace_back(site);
        } else if (const TimelineEntry& prev = t.entries.back();
                   entry.day < prev.day ||
                   (entry.day == prev.day && entry.assessmentId < prev.assessmentId)) {
            ordered = false;
        }
        t.entries.push_back(entry);
    }
    if (!st->error().empty())
        return st->failure(db.path());
    if (!t.siteIds.empty())
        t.siteBegin.push_back(static_cast<uint32_t>(t.entries.size()));
    if (ordered)
        return t;
    ScoreTimelineBuilder builder(t.set);
    for (size_t i = 0; i < t.siteIds.size(); ++i)
        for (uint32_t k = t.siteBegin[i]; k < t.siteBegin[i + 1]; ++k)
            builder.add(t.siteIds[i], t.entries[k]);
    return std::move(builder).finish();
}

Status findScores(const Database& db, const CriteriaSet& set, std::span<const int64_t> ids,
                  std::vector<TimelineEntry>& found, std::vector<uint8_t>& have,
                  int64_t afterBlock) {
    if (ids.empty())
        return {};
    const int64_t lo = ids.front(), hi = ids.back();
    // A bit per id in the range sorts out most records without a search; ids far apart
    // (not a table's own fids) skip it.
    const bool dense = hi - lo < 64 * static_cast<int64_t>(ids.size()) + 4096;
    std::vector<bool> maybe(dense ? static_cast<size_t>(hi - lo + 1) : 0, false);
    for (int64_t id : ids)
        if (dense)
            maybe[static_cast<size_t>(id - lo)] = true;
    return forEachBlock(
        db, set,
        [&](int64_t, const std::vector<TimelineEntry>& entries) -> Status {
            for (const TimelineEntry& e : entries) {
                if (e.assessmentId < lo || e.assessmentId > hi ||
                    (dense && !maybe[static_cast<size_t>(e.assessmentId - lo)]))
                    continue;
                const auto it = std::lower_bound(ids.begin(), ids.end(), e.assessmentId);
                if (*it != e.assessmentId)
                    continue;
                const auto at = static_cast<size_t>(it - ids.begin());
                found[at] = e;
                have[at] = 1;
            }
            return {};
        },
        afterBlock);
}

Result<ScoreTimeline> loadLatestScores(const Database& db, const CriteriaSet& set, size_t perSite) {
    const CriteriaRef ref{set.id, set.version};
    auto whole = [&]() -> Result<ScoreTimeline> {
        auto all = loadScoreTimeline(db, set);
        if (!all)
            return all.error();
        return keepNewest(std::move(all).value(), perSite);
    };
    // Each facility's newest assessments, newest first, straight off the (site, date) index:
    // a seek per facility, however long its history.
    struct Wanted {
        int64_t id;
        uint32_t site;
        int32_t day;
    };
    std::vector<std::string> sites;
    std::vector<Wanted> wanted;
    {
        auto ids = db.prepare("SELECT site_id FROM factories ORDER BY site_id");
        if (!ids)
            return ids.error();
        auto newest = db.prepare(
            "SELECT assessed_on, fid FROM assessments WHERE site_id = ? "
            "ORDER BY assessed_on DESC, fid DESC LIMIT ?");
        if (!newest)
            return newest.error();
        StoredDays days;
        // The seeks run while the outer statement is open: one read lock for all of them,
        // not a lock, a journal check and an unlock per facility.
        while (ids->step()) {
            const auto s = static_cast<uint32_t>(sites.size());
            sites.emplace_back(ids->textView(0));
            newest->reset();
            newest->bind(1, std::string_view(sites[s])).bind(2, static_cast<int64_t>(perSite));
            while (newest->step()) {
                // Only "YYYY-MM-DD" sorts as its day does; any other text, the long way.
                const auto day = days.canonicalDay(newest->textView(0));
                if (!day)
                    return whole();
                wanted.push_back({newest->integer(1), s, *day});
            }
            if (!newest->error().empty())
                return newest->failure(db.path());
        }
        if (!ids->error().empty())
            return ids->failure(db.path());
    }
    // Their scores: every block is decoded, only the wanted records kept.
    std::vector<int64_t> ids(wanted.size());
    for (size_t i = 0; i < wanted.size(); ++i)
        ids[i] = wanted[i].id;
    std::sort(ids.begin(), ids.end());
    std::vector<TimelineEntry> found(ids.size());
    std::vector<uint8_t> have(ids.size(), 0);
    if (auto st = findScores(db, set, ids, found, have); !st)
        return st.error();
    // An assessment without a score under the set is not in the timeline, so the newest
    // scored ones lie further back: rare enough to read the whole timeline then.
    if (std::find(have.begin(), have.end(), uint8_t{0}) != have.end())
        return whole();
    ScoreTimeline t;
    t.set = ref;
    t.entries.reserve(wanted.size());
    // `wanted` is by facility in id order, newest first within one: reversed per facility.
    for (size_t i = 0; i < wanted.size();) {
        size_t j = i;
        while (j < wanted.size() && wanted[j].site == wanted[i].site)
            ++j;
        t.siteIds.push_back(sites[wanted[i].site]);
        for (size_t k = j; k > i; --k) {
            const Wanted& w = wanted[k - 1];
            TimelineEntry e = found[static_cast<size_t>(
                std::lower_bound(ids.begin(), ids.end(), w.id) - ids.begin())];
            e.day = w.day;
            t.entries.push_back(e);
        }
        t.siteBegin.push_back(static_cast<uint32_t>(t.entries.size()));
        i = j;
    }
    return t;
}

Status migrateScoresToBlocks(Database& db) {
    if (auto st = db.exec(
            "CREATE TABLE score_blocks (fid INTEGER PRIMARY KEY AUTOINCREMENT, "
            "set_id TEXT NOT NULL, set_version INTEGER NOT NULL, first_assessment INTEGER NOT "
            "NULL, last_assessment INTEGER NOT NULL, scores INTEGER NOT NULL, entries BLOB NOT "
            "NULL);\n"
            "CREATE INDEX score_blocks_set ON score_blocks(set_id, set_version);\n"
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES "
            "('score_blocks', 'attributes', 'score_blocks', 'Scores of assessments under each "
            "criteria set, in blocks (docs/storage.md)');\n");
        !st)
        return st;
    std::vector<CriteriaRef> sets;
    {
        auto q = db.prepare("SELECT DISTINCT set_id, set_version FROM scores ORDER BY 1, 2");
        if (!q)
            return q.error();
        while (q->step())
            sets.push_back({q->text(0), static_cast<int>(q->integer(1))});
        if (!q->error().empty())
            return q->failure(db.path());
    }
    for (const CriteriaRef& ref : sets) {
        auto set = loadCriteriaSet(db, ref);
        if (!set)
            return set.error();
        if (!*set)
            continue;  // kept in `scores`: without the set, ids cannot become positions
        const CriteriaSet& s = **set;
        auto q = db.prepare(
            "SELECT assessment_id, percent, level, safe, max_index_points, worst_index, "
            "mandatory_failed, vetoes_fired FROM scores WHERE set_id = ? AND set_version = ? "
            "ORDER BY assessment_id");
        if (!q)
            return q.error();
        q->bind(1, ref.id).bind(2, ref.version);
        constexpr size_t kBlock = 4096;
        std::vector<ScoreRow> rows;
        std::vector<double> points;
        auto flush = [&]() -> Status {
            points.assign(rows.size() * s.indices.size(), 0.0);
            auto st = writeScores(db, s, rows, points);
            rows.clear();
            return st;
        };
        while (q->step()) {
            ScoreRow r;
            r.assessmentId = q->integer(0);
            r.summary.percent = q->real(1);
            const auto level = riskLevelFromCode(q->text(2));
            if (!level)
                return codedError("project.score_bad_level",
                                  {std::to_string(r.assessmentId), q->text(2)}, db.path());
            r.summary.level = *level;
            r.summary.safeToOperate = q->integer(3) != 0;
            r.maxIndexPoints = q->real(4);
            const std::string worst = q->text(5);
            for (size_t k = 0; k < s.indices.size(); ++k)
                if (s.indices[k].id == worst) {
                    r.worstIndex = static_cast<int>(k);
                    break;
                }
            r.summary.mandatoryFailedMask = maskOfIds(s.indices, q->text(6));
            r.summary.vetoMask = static_cast<uint32_t>(maskOfIds(s.vetoes, q->text(7)));
            rows.push_back(r);
            if (rows.size() == kBlock)
                if (auto st = flush(); !st)
                    return st;
        }
        if (!q->error().empty())
            return q->failure(db.path());
        if (auto st = flush(); !st)
            return st;
        auto del = db.prepare("DELETE FROM scores WHERE set_id = ? AND set_version = ?");
        if (!del)
            return del.error();
        del->bind(1, ref.id).bind(2, ref.version);
        if (auto st = del->run(); !st)
            return st;
    }
    if (db.queryInt("SELECT count(*) FROM scores").value_or(1) == 0)
        return db.exec(
            "DROP TABLE scores;\n"
            "DELETE FROM gpkg_contents WHERE table_name = 'scores';\n");
    return {};
}

}  // namespace safemap
