#include "core/storage/assessment_store.h"

#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>
#include "core/errors/error_catalogue.h"

#include "core/scoring/score.h"
#include "core/storage/database.h"
#include "core/storage/score_text.h"

namespace safemap {

namespace {

using nlohmann::json;

// Two independent 64-bit FNV-1a style hashes: 128 bits, so a million assessments do not
// collide; stored as a 16-byte blob (a small, cheap unique index).
std::vector<uint8_t> hash128(std::string_view s) {
    uint64_t a = 1469598103934665603ULL, b = 0x84222325cbf29ce4ULL ^ 0x5bd1e995ULL;
    for (unsigned char c : s) {
        a = (a ^ c) * 1099511628211ULL;
        b = (b ^ (c + 0x9e)) * 0x100000001b3ULL + 0x7f4a7c15ULL;
    }
    std::vector<uint8_t> out(16);
    for (int i = 0; i < 8; ++i) {
        out[static_cast<size_t>(i)] = static_cast<uint8_t>(a >> (8 * i));
        out[static_cast<size_t>(8 + i)] = static_cast<uint8_t>(b >> (8 * i));
    }
    return out;
}

std::vector<uint8_t> contentKey(const Assessment& a, std::string_view answersJson) {
    std::string key = a.siteId;
    key += '\x1f';
    key += formatDate(a.date);
    key += '\x1f';
    key += a.submitter;
    key += '\x1f';
    key += answersJson;
    return hash128(key);
}

// Our answers are flat JSON objects written by answersToJson: keys and values of three
// kinds. A small reader for exactly that is many times faster than a general parser, which
// matters when a million assessments are re-scored.
bool parseFlatAnswers(std::string_view text, std::map<std::string, AnswerValue>& out) {
    size_t i = 0;
    auto skip = [&] {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t'))
            ++i;
    };
    auto readString = [&](std::string& s) -> bool {
        if (i >= text.size() || text[i] != '"')
            return false;
        ++i;
        while (i < text.size() && text[i] != '"') {
            if (text[i] == '\\')
                return false;  // escapes: leave it to the full parser
            s += text[i++];
        }
        if (i >= text.size())
            return false;
        ++i;
        return true;
    };
    skip();
    if (i >= text.size() || text[i] != '{')
        return false;
    ++i;
    skip();
    if (i < text.size() && text[i] == '}')
        return true;
    while (i < text.size()) {
        std::string key;
        skip();
        if (!readString(key))
            return false;
        skip();
        if (i >= text.size() || text[i] != ':')
            return false;
        ++i;
        skip();
        if (i >= text.size())
            return false;
        if (text[i] == '"') {
            std::string v;
            if (!readString(v))
                return false;
            out[key] = std::move(v);
        } else if (text.compare(i, 4, "true") == 0) {
            out[key] = true;
            i += 4;
        } else if (text.compare(i, 5, "false") == 0) {
            out[key] = false;
            i += 5;
        } else {
            // from_chars, not strtod: the C locale of a Vietnamese desktop uses a decimal comma.
            double d = 0;
            auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), d);
            if (ec != std::errc())
                return false;
            out[key] = d;
            i = static_cast<size_t>(end - text.data());
        }
        skip();
        if (i < text.size() && text[i] == ',') {
            ++i;
            continue;
        }
        return i < text.size() && text[i] == '}';
    }
    return false;
}

Assessment readAssessment(const Statement& st, int first) {
    Assessment a;
    a.siteId = st.text(first);
    if (auto d = parseDate(st.text(first + 1)))
        a.date = *d;
    a.submitter = st.text(first + 2);
    a.answers = answersFromJson(st.text(first + 3));
    return a;
}

}  // namespace

std::string answersToJson(const Assessment& a) {
    // Written by hand (a million rows per import): {"id":value,...}, keys sorted by the map,
    // so the same answers always give the same text, which the content key relies on.
    std::string out = "{";
    char buf[32];
    auto appendString = [&out](const std::string& s) {
        out += '"';
        for (unsigned char c : s) {
            if (c == '"' || c == '\\') {
                out += '\\';
                out += static_cast<char>(c);
            } else if (c < 0x20) {
                char esc[8];
                std::snprintf(esc, sizeof esc, "\\u%04x", c);
                out += esc;
            } else {
                out += static_cast<char>(c);
            }
        }
        out += '"';
    };
    for (const auto& [key, value] : a.answers) {
        if (out.size() > 1)
            out += ',';
        appendString(key);
        out += ':';
        if (const auto* d = std::get_if<double>(&value)) {
            // Shortest text that reads back to the same double.
            auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
            out.append(buf, ec == std::errc() ? static_cast<size_t>(end - buf) : 0);
        } else if (const auto* b = std::get_if<bool>(&value)) {
            out += *b ? "true" : "false";
        } else {
            appendString(std::get<std::string>(value));
        }
    }
    out += '}';
    return out;
}

std::map<std::string, AnswerValue> answersFromJson(const std::string& text) {
    std::map<std::string, AnswerValue> out;
    if (parseFlatAnswers(text, out))
        return out;
    out.clear();
    const json j = json::parse(text, nullptr, false);
    if (!j.is_object())
        return out;
    for (const auto& [key, value] : j.items()) {
        if (value.is_boolean())
            out[key] = value.get<bool>();
        else if (value.is_number())
            out[key] = value.get<double>();
        else if (value.is_string())
            out[key] = value.get<std::string>();
    }
    return out;
}

std::string assessmentContentKey(const Assessment& a) {
    const auto key = contentKey(a, answersToJson(a));
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (uint8_t b : key) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

std::vector<uint8_t> assessmentKeyBlob(const Assessment& a) {
    return contentKey(a, answersToJson(a));
}

Status appendAssessments(Database& db, std::span<const Assessment> assessments,
                         std::span<const long> sourceRows, int64_t importId,
                         std::vector<int64_t>& ids) {
    auto ins = db.prepare(
        "INSERT OR IGNORE INTO assessments (site_id, assessed_on, submitter, answers, "
        "import_id, source_row, content_key) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!ins)
        return ins.error();
    ids.assign(assessments.size(), 0);
    for (size_t i = 0; i < assessments.size(); ++i) {
        const Assessment& a = assessments[i];
        const std::string answers = answersToJson(a);
        ins->bind(1, a.siteId).bind(2, formatDate(a.date)).bindTextOrNull(3, a.submitter);
        ins->bind(4, answers).bind(5, importId);
        ins->bind(6, static_cast<int64_t>(i < sourceRows.size() ? sourceRows[i] : -1));
        ins->bindBlob(7, contentKey(a, answers));
        if (auto st = ins->run(); !st)
            return st;
        if (db.changes() != 0)
            ids[i] = db.lastInsertId();
    }
    return {};
}

Status forEachAssessment(const Database& db,
                         const std::function<Status(std::span<const StoredAssessment>)>& visit) {
    auto read = db.prepare(
        "SELECT fid, site_id, assessed_on, submitter, answers FROM assessments ORDER BY fid");
    if (!read)
        return read.error();
    // Streamed in batches: a million assessments are never all held at once.
    constexpr size_t kBatch = 4096;
    std::vector<StoredAssessment> batch;
    batch.reserve(kBatch);
    while (read->step()) {
        batch.push_back({read->integer(0), readAssessment(*read, 1)});
        if (batch.size() == kBatch) {
            if (auto st = visit(batch); !st)
                return st;
            batch.clear();
        }
    }
    if (!read->error().empty())
        return read->failure(db.path());
    if (!batch.empty())
        return visit(batch);
    return {};
}

Result<std::vector<AssessmentRecord>> assessmentsOf(const Database& db, const std::string& siteId) {
    std::vector<AssessmentRecord> out;
    auto st = db.prepare(
        "SELECT a.fid, a.site_id, a.assessed_on, a.submitter, a.answers, l.source_file, "
        "a.source_row FROM assessments a LEFT JOIN import_log l ON l.fid = a.import_id "
        "WHERE a.site_id = ? ORDER BY a.assessed_on, a.fid");
    if (!st)
        return st.error();
    st->bind(1, siteId);
    while (st->step()) {
        AssessmentRecord r;
        r.id = st->integer(0);
        r.assessment = readAssessment(*st, 1);
        r.sourceFile = st->text(5);
        r.sourceRow = static_cast<long>(st->integer(6));
        out.push_back(std::move(r));
    }
    if (!st->error().empty())
        return st->failure(db.path());
    return out;
}

Status clearScores(Database& db, const CriteriaRef& set) {
    auto del = db.prepare("DELETE FROM scores WHERE set_id = ? AND set_version = ?");
    if (!del)
        return del.error();
    del->bind(1, set.id).bind(2, set.version);
    return del->run();
}

Status writeScores(Database& db, const CriteriaSet& set, std::span<const ScoreRow> rows,
                   std::span<const double> points) {
    const size_t k = set.indices.size();
    if (points.size() != rows.size() * k)
        return codedError(
            "internal.write_scores",
            {std::to_string(points.size()), std::to_string(rows.size()), std::to_string(k)});
    auto st = db.prepare(
        "INSERT OR REPLACE INTO scores (assessment_id, set_id, set_version, percent, level, "
        "safe, max_index_points, worst_index, mandatory_failed, vetoes_fired, points) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!st)
        return st.error();
    for (size_t i = 0; i < rows.size(); ++i) {
        const ScoreRow& r = rows[i];
        const std::string text = pointsText(points.subspan(i * k, k));
        st->bind(1, r.assessmentId).bind(2, set.id).bind(3, set.version);
        st->bind(4, r.summary.percent).bind(5, riskLevelCode(r.summary.level));
        st->bind(6, r.summary.safeToOperate ? 1 : 0).bind(7, r.maxIndexPoints);
        if (r.worstIndex >= 0 && static_cast<size_t>(r.worstIndex) < k)
            st->bind(8, set.indices[static_cast<size_t>(r.worstIndex)].id);
        else
            st->bindNull(8);
        st->bind(9, idsOfMask(set, r.summary.mandatoryFailedMask));
        st->bind(10, vetoIdsOfMask(set, r.summary.vetoMask));
        st->bind(11, text);
        if (auto w = st->run(); !w)
            return w;
    }
    return {};
}

Result<ScoreTimeline> loadScoreTimeline(const Database& db, const CriteriaSet& set) {
    auto st = db.prepare(
        "SELECT a.site_id, a.assessed_on, s.assessment_id, s.percent, s.level, s.safe, "
        "s.max_index_points, s.worst_index, s.mandatory_failed, s.vetoes_fired "
        "FROM scores s JOIN assessments a ON a.fid = s.assessment_id "
        "WHERE s.set_id = ? AND s.set_version = ? "
        "ORDER BY a.site_id, a.assessed_on, s.assessment_id");
    if (!st)
        return st.error();
    st->bind(1, set.id).bind(2, set.version);
    ScoreTimelineBuilder builder(CriteriaRef{set.id, set.version});
    std::vector<std::string> indexIds;
    for (const auto& c : set.indices)
        indexIds.push_back(c.id);
    while (st->step()) {
        TimelineEntry e;
        const auto date = parseDate(st->text(1));
        if (!date)
            return codedError("project.assessment_bad_date",
                              {std::to_string(st->integer(2)), st->text(1)}, db.path());
        e.day = dayNumber(*date);
        e.assessmentId = st->integer(2);
        e.percent = st->real(3);
        const auto level = riskLevelFromCode(st->text(4));
        if (!level)
            return codedError("project.score_bad_level",
                              {std::to_string(e.assessmentId), st->text(4)}, db.path());
        e.level = *level;
        e.safeToOperate = st->integer(5) != 0;
        e.maxIndexPoints = st->real(6);
        const std::string worst = st->text(7);
        for (size_t k = 0; k < indexIds.size(); ++k)
            if (indexIds[k] == worst)
                e.worstIndex = static_cast<int16_t>(k);
        e.mandatoryFailedMask = maskOfIds(set.indices, st->text(8));
        e.vetoMask = static_cast<uint32_t>(maskOfIds(set.vetoes, st->text(9)));
        builder.add(st->text(0), e);
    }
    if (!st->error().empty())
        return st->failure(db.path());
    return std::move(builder).finish();
}

}  // namespace safemap
