#include "core/storage/assessment_store.h"

#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/criteria/criteria_io.h"
#include "core/scoring/score.h"
#include "core/storage/database.h"

namespace safemap {

namespace {

using nlohmann::json;

std::string joinIds(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids)
        out += (out.empty() ? "" : ",") + id;
    return out;
}

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

constexpr const char* kInsertScore =
    "INSERT INTO scores (assessment_id, set_id, set_version, percent, level, safe, "
    "max_index_points, worst_index, mandatory_failed, vetoes_fired, points) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

Status writeScore(Statement& st, int64_t assessmentId, const ScoreResult& r) {
    double worst = -1;
    std::string worstId;
    std::string points;  // "1,2,10,…" in the set's index order: compact and easy to read
    char buf[32];
    for (const auto& i : r.indices) {
        if (!points.empty())
            points += ',';
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, i.points);
        points.append(buf, ec == std::errc() ? static_cast<size_t>(end - buf) : 0);
        if (i.points > worst) {
            worst = i.points;
            worstId = i.indexId;
        }
    }
    st.bind(1, assessmentId).bind(2, r.criteriaSetId).bind(3, r.criteriaSetVersion);
    st.bind(4, r.percent).bind(5, riskLevelCode(r.level)).bind(6, r.safeToOperate ? 1 : 0);
    st.bind(7, worst).bind(8, worstId);
    st.bind(9, joinIds(r.mandatoryFailed)).bind(10, joinIds(r.vetoesFired));
    st.bind(11, points);
    return st.run();
}

// Recomputes latest_scores for one set, for every site (sites empty) or for the sites in
// the temporary table touched_sites.
Status refreshLatestScores(Database& db, const std::string& setId, int version, bool onlyTouched) {
    const std::string siteFilter =
        onlyTouched ? " AND a.site_id IN (SELECT site_id FROM temp.touched_sites)" : "";
    auto del =
        db.prepare(std::string("DELETE FROM latest_scores WHERE set_id = ?1 AND set_version = ?2") +
                   (onlyTouched ? " AND site_id IN (SELECT site_id FROM temp.touched_sites)" : ""));
    if (!del)
        return del.error();
    del->bind(1, setId).bind(2, version);
    if (auto st = del->run(); !st)
        return st;
    auto ins = db.prepare(
        "INSERT INTO latest_scores (set_id, set_version, site_id, rank, assessment_id, "
        "assessed_on, percent, level, safe, max_index_points, worst_index, mandatory_failed, "
        "vetoes_fired) SELECT ?1, ?2, site_id, rn, fid, assessed_on, percent, level, safe, "
        "max_index_points, worst_index, mandatory_failed, vetoes_fired FROM ("
        " SELECT a.site_id, a.fid, a.assessed_on, s.percent, s.level, s.safe, s.max_index_points,"
        "  s.worst_index, s.mandatory_failed, s.vetoes_fired, row_number() OVER"
        "  (PARTITION BY a.site_id ORDER BY a.assessed_on DESC, a.fid DESC) rn"
        " FROM scores s JOIN assessments a ON a.fid = s.assessment_id"
        " WHERE s.set_id = ?1 AND s.set_version = ?2" +
        siteFilter + ") WHERE rn <= 2");
    if (!ins)
        return ins.error();
    ins->bind(1, setId).bind(2, version);
    return ins->run();
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

Result<AssessmentImportSummary> insertAssessments(
    Database& db, const std::vector<Assessment>& assessments, const std::vector<long>& sourceRows,
    const std::string& sourceFile, const CompiledCriteria* scoreWith, const ProgressFn& progress,
    const std::atomic<bool>* cancel) {
    AssessmentImportSummary sum;
    sum.rows = static_cast<int>(assessments.size());
    Transaction tx(db);
    if (!tx.began())
        return tx.beginError();
    const std::string now = db.nowUtc();
    auto log = db.prepare(
        "INSERT INTO import_log (imported_at, kind, source_file, rows) "
        "VALUES (?, 'assessments', ?, ?)");
    if (!log)
        return log.error();
    log->bind(1, now).bind(2, sourceFile).bind(3, sum.rows);
    if (auto st = log->run(); !st)
        return st.error();
    const int64_t importId = db.lastInsertId();
    if (auto st =
            db.exec("CREATE TEMP TABLE IF NOT EXISTS touched_sites (site_id TEXT PRIMARY KEY);"
                    "DELETE FROM temp.touched_sites;");
        !st)
        return st.error();

    auto ins = db.prepare(
        "INSERT OR IGNORE INTO assessments (site_id, assessed_on, submitter, answers, "
        "import_id, source_row, content_key) VALUES (?, ?, ?, ?, ?, ?, ?)");
    auto score = db.prepare(kInsertScore);
    auto touch = db.prepare("INSERT OR IGNORE INTO temp.touched_sites VALUES (?)");
    if (!ins)
        return ins.error();
    if (!score)
        return score.error();
    if (!touch)
        return touch.error();
    const long long total = static_cast<long long>(assessments.size());
    std::string lastTouched;
    for (size_t i = 0; i < assessments.size(); ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return Error("cancelled: nothing was imported", sourceFile);
        const Assessment& a = assessments[i];
        const std::string answers = answersToJson(a);
        ins->bind(1, a.siteId).bind(2, formatDate(a.date)).bindTextOrNull(3, a.submitter);
        ins->bind(4, answers).bind(5, importId);
        ins->bind(6, static_cast<int64_t>(i < sourceRows.size() ? sourceRows[i] : -1));
        ins->bindBlob(7, contentKey(a, answers));
        if (auto st = ins->run(); !st)
            return Error(st.error().message, sourceFile);
        if (db.changes() == 0) {
            ++sum.alreadyPresent;
        } else {
            ++sum.inserted;
            if (scoreWith) {
                if (auto st = writeScore(*score, db.lastInsertId(), scoreAssessment(*scoreWith, a));
                    !st)
                    return st.error();
                ++sum.scored;
            }
            if (a.siteId != lastTouched) {
                touch->bind(1, a.siteId);
                if (auto st = touch->run(); !st)
                    return st.error();
                lastTouched = a.siteId;
            }
        }
        if (progress && (i % 4096 == 0 || i + 1 == assessments.size()))
            progress(static_cast<long long>(i + 1), total);
    }
    if (scoreWith && sum.inserted > 0)
        if (auto st = refreshLatestScores(db, scoreWith->set.id, scoreWith->set.version, true); !st)
            return st.error();
    auto finish = db.prepare("UPDATE import_log SET inserted = ?, unchanged = ? WHERE fid = ?");
    if (!finish)
        return finish.error();
    finish->bind(1, sum.inserted).bind(2, sum.alreadyPresent).bind(3, importId);
    if (auto st = finish->run(); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return sum;
}

std::vector<AssessmentRecord> loadAssessments(const Database& db, const std::string& siteId) {
    std::vector<AssessmentRecord> out;
    const std::string columns =
        "SELECT a.fid, a.site_id, a.assessed_on, a.submitter, a.answers, l.source_file, "
        "a.source_row FROM assessments a LEFT JOIN import_log l ON l.fid = a.import_id ";
    auto st =
        db.prepare(siteId.empty() ? columns + "ORDER BY a.site_id, a.assessed_on, a.fid"
                                  : columns + "WHERE a.site_id = ? ORDER BY a.assessed_on, a.fid");
    if (!st)
        return out;
    if (!siteId.empty())
        st->bind(1, siteId);
    while (st->step()) {
        AssessmentRecord r;
        r.id = st->integer(0);
        r.assessment.siteId = st->text(1);
        if (auto d = parseDate(st->text(2)))
            r.assessment.date = *d;
        r.assessment.submitter = st->text(3);
        r.assessment.answers = answersFromJson(st->text(4));
        r.sourceFile = st->text(5);
        r.sourceRow = static_cast<long>(st->integer(6));
        out.push_back(std::move(r));
    }
    return out;
}

Result<long long> rescoreAll(Database& db, const CompiledCriteria& criteria,
                             const ProgressFn& progress, const std::atomic<bool>* cancel) {
    Transaction tx(db);
    if (!tx.began())
        return tx.beginError();
    const long long total = db.queryInt("SELECT count(*) FROM assessments").value_or(0);
    auto del = db.prepare("DELETE FROM scores WHERE set_id = ? AND set_version = ?");
    if (!del)
        return del.error();
    del->bind(1, criteria.set.id).bind(2, criteria.set.version);
    if (auto st = del->run(); !st)
        return st.error();
    // Streamed: each assessment is read, scored and written, never all held at once.
    auto read = db.prepare("SELECT fid, site_id, assessed_on, answers FROM assessments");
    auto score = db.prepare(kInsertScore);
    if (!read)
        return read.error();
    if (!score)
        return score.error();
    long long done = 0;
    Assessment a;
    while (read->step()) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return Error("cancelled: no score was changed");
        a.siteId = read->text(1);
        if (auto d = parseDate(read->text(2)))
            a.date = *d;
        a.answers = answersFromJson(read->text(3));
        if (auto st = writeScore(*score, read->integer(0), scoreAssessment(criteria, a)); !st)
            return st.error();
        ++done;
        if (progress && (done % 4096 == 0 || done == total))
            progress(done, total);
    }
    if (!read->error().empty())
        return Error(read->error());
    if (auto st = refreshLatestScores(db, criteria.set.id, criteria.set.version, false); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return done;
}

Status storeCriteriaSet(Database& db, const CriteriaSet& set, bool makeActive) {
    Transaction tx(db);
    if (!tx.began())
        return tx.beginError();
    auto st = db.prepare(
        "INSERT OR REPLACE INTO criteria_sets (set_id, version, name, definition, loaded_at) "
        "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
    if (!st)
        return st.error();
    st->bind(1, set.id).bind(2, set.version).bind(3, set.name).bind(4, writeCriteriaSet(set));
    if (auto r = st->run(); !r)
        return r;
    if (makeActive) {
        auto meta = db.prepare(
            "INSERT OR REPLACE INTO safemap_meta (key, value) VALUES ('criteria.active', ?)");
        if (!meta)
            return meta.error();
        meta->bind(1, set.id + "@" + std::to_string(set.version));
        if (auto r = meta->run(); !r)
            return r;
    }
    return tx.commit();
}

Result<CriteriaSet> loadStoredCriteriaSet(const Database& db, const std::string& id, int version) {
    auto st = db.prepare("SELECT definition FROM criteria_sets WHERE set_id = ? AND version = ?");
    if (!st)
        return st.error();
    st->bind(1, id).bind(2, version);
    if (!st->step())
        return Error("no criteria set " + id + " version " + std::to_string(version) +
                     " in the project");
    return parseCriteriaSet(st->text(0), id + "@" + std::to_string(version));
}

std::optional<CriteriaSet> activeCriteriaSet(const Database& db) {
    const auto active = db.queryText("SELECT value FROM safemap_meta WHERE key='criteria.active'");
    if (!active)
        return std::nullopt;
    const auto at = active->rfind('@');
    if (at == std::string::npos)
        return std::nullopt;
    auto set = loadStoredCriteriaSet(db, active->substr(0, at), std::stoi(active->substr(at + 1)));
    if (!set)
        return std::nullopt;
    return std::move(set).value();
}

std::vector<StoredCriteriaSet> storedCriteriaSets(const Database& db) {
    std::vector<StoredCriteriaSet> out;
    auto st =
        db.prepare("SELECT set_id, version, name FROM criteria_sets ORDER BY set_id, version DESC");
    if (!st)
        return out;
    while (st->step())
        out.push_back({st->text(0), static_cast<int>(st->integer(1)), st->text(2)});
    return out;
}

Status addInspection(Database& db, const Inspection& i) {
    auto st = db.prepare(
        "INSERT INTO inspections (site_id, inspected_on, inspector, measures_ok, finding, source) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    if (!st)
        return st.error();
    st->bind(1, i.siteId).bind(2, formatDate(i.date)).bindTextOrNull(3, i.inspector);
    st->bind(4, i.measuresOk ? 1 : 0).bindTextOrNull(5, i.finding).bindTextOrNull(6, i.source);
    return st->run();
}

Result<int> addInspections(Database& db, const std::vector<Inspection>& inspections,
                           const std::string& sourceFile) {
    Transaction tx(db);
    if (!tx.began())
        return tx.beginError();
    auto exists = db.prepare(
        "SELECT 1 FROM inspections WHERE site_id = ? AND inspected_on = ? AND "
        "coalesce(inspector, '') = ? AND coalesce(finding, '') = ?");
    if (!exists)
        return exists.error();
    int added = 0;
    for (const auto& i : inspections) {
        exists->reset();
        exists->bind(1, i.siteId)
            .bind(2, formatDate(i.date))
            .bind(3, i.inspector)
            .bind(4, i.finding);
        if (exists->step())
            continue;
        if (auto st = addInspection(db, i); !st)
            return Error(st.error().message, sourceFile);
        ++added;
    }
    auto log = db.prepare(
        "INSERT INTO import_log (imported_at, kind, source_file, rows, inserted, unchanged) "
        "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'inspections', ?, ?, ?, ?)");
    if (!log)
        return log.error();
    log->bind(1, sourceFile)
        .bind(2, static_cast<int>(inspections.size()))
        .bind(3, added)
        .bind(4, static_cast<int>(inspections.size()) - added);
    if (auto st = log->run(); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return added;
}

std::vector<Inspection> loadInspections(const Database& db, const std::string& siteId) {
    std::vector<Inspection> out;
    auto st = db.prepare(
        siteId.empty() ? "SELECT site_id, inspected_on, inspector, measures_ok, finding, "
                         "source FROM inspections ORDER BY site_id, inspected_on, fid"
                       : "SELECT site_id, inspected_on, inspector, measures_ok, finding, "
                         "source FROM inspections WHERE site_id = ? ORDER BY inspected_on, fid");
    if (!st)
        return out;
    if (!siteId.empty())
        st->bind(1, siteId);
    while (st->step()) {
        Inspection i;
        i.siteId = st->text(0);
        if (auto d = parseDate(st->text(1)))
            i.date = *d;
        i.inspector = st->text(2);
        i.measuresOk = st->integer(3) != 0;
        i.finding = st->text(4);
        i.source = st->text(5);
        out.push_back(std::move(i));
    }
    return out;
}

}  // namespace safemap
