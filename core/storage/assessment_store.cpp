#include "core/storage/assessment_store.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/criteria/criteria_io.h"
#include "core/scoring/score.h"
#include "core/storage/database.h"

namespace safemap {

namespace {

using nlohmann::json;

std::string nowUtc(const Database& db) {
    return db.queryText("SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')").value_or("");
}

std::string joinIds(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids)
        out += (out.empty() ? "" : ",") + id;
    return out;
}

// Two independent 64-bit FNV-1a hashes: 128 bits, so a million assessments do not collide.
std::string hash128(const std::string& s) {
    uint64_t a = 1469598103934665603ULL, b = 0x84222325cbf29ce4ULL ^ 0x5bd1e995ULL;
    for (unsigned char c : s) {
        a = (a ^ c) * 1099511628211ULL;
        b = (b ^ (c + 0x9e)) * 0x100000001b3ULL + 0x7f4a7c15ULL;
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a),
                  static_cast<unsigned long long>(b));
    return buf;
}

Status writeScore(Statement& st, int64_t assessmentId, const ScoreResult& r,
                  const std::string& now) {
    double worst = -1;
    std::string worstId;
    json points = json::array();
    for (const auto& i : r.indices) {
        points.push_back(i.points);
        if (i.points > worst) {
            worst = i.points;
            worstId = i.indexId;
        }
    }
    st.bind(1, assessmentId).bind(2, r.criteriaSetId).bind(3, r.criteriaSetVersion);
    st.bind(4, r.percent).bind(5, riskLevelCode(r.level)).bind(6, r.safeToOperate ? 1 : 0);
    st.bind(7, worst).bind(8, worstId);
    st.bind(9, joinIds(r.mandatoryFailed)).bind(10, joinIds(r.vetoesFired));
    st.bind(11, points.dump()).bind(12, now);
    return st.run();
}

constexpr const char* kInsertScore =
    "INSERT OR REPLACE INTO scores (assessment_id, set_id, set_version, percent, level, safe, "
    "max_index_points, worst_index, mandatory_failed, vetoes_fired, points, scored_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

}  // namespace

std::string answersToJson(const Assessment& a) {
    json j = json::object();  // std::map keeps keys sorted, so the text is canonical
    for (const auto& [key, value] : a.answers) {
        if (const auto* d = std::get_if<double>(&value))
            j[key] = *d;
        else if (const auto* b = std::get_if<bool>(&value))
            j[key] = *b;
        else
            j[key] = std::get<std::string>(value);
    }
    return j.dump();
}

std::map<std::string, AnswerValue> answersFromJson(const std::string& text) {
    std::map<std::string, AnswerValue> out;
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
    return hash128(a.siteId + '\x1f' + formatDate(a.date) + '\x1f' + a.submitter + '\x1f' +
                   answersToJson(a));
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
    const std::string now = nowUtc(db);
    auto log = db.prepare(
        "INSERT INTO import_log (imported_at, kind, source_file, rows) "
        "VALUES (?, 'assessments', ?, ?)");
    if (!log)
        return log.error();
    log->bind(1, now).bind(2, sourceFile).bind(3, sum.rows);
    if (auto st = log->run(); !st)
        return st.error();
    const int64_t importId = db.lastInsertId();

    auto ins = db.prepare(
        "INSERT OR IGNORE INTO assessments (site_id, assessed_on, submitter, answers, "
        "source_file, source_row, import_id, content_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    auto score = db.prepare(kInsertScore);
    if (!ins)
        return ins.error();
    if (!score)
        return score.error();
    const long long total = static_cast<long long>(assessments.size());
    for (size_t i = 0; i < assessments.size(); ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return Error("cancelled: nothing was imported", sourceFile);
        const Assessment& a = assessments[i];
        ins->bind(1, a.siteId).bind(2, formatDate(a.date)).bindTextOrNull(3, a.submitter);
        ins->bind(4, answersToJson(a)).bind(5, sourceFile);
        ins->bind(6, static_cast<int64_t>(i < sourceRows.size() ? sourceRows[i] : -1));
        ins->bind(7, importId).bind(8, assessmentContentKey(a));
        if (auto st = ins->run(); !st)
            return Error(st.error().message, sourceFile);
        if (db.changes() == 0) {
            ++sum.alreadyPresent;
        } else {
            ++sum.inserted;
            if (scoreWith) {
                if (auto st =
                        writeScore(*score, db.lastInsertId(), scoreAssessment(*scoreWith, a), now);
                    !st)
                    return st.error();
                ++sum.scored;
            }
        }
        if (progress && (i % 4096 == 0 || i + 1 == assessments.size()))
            progress(static_cast<long long>(i + 1), total);
    }
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
    auto st = db.prepare(
        siteId.empty()
            ? "SELECT fid, site_id, assessed_on, submitter, answers, source_file, source_row "
              "FROM assessments ORDER BY site_id, assessed_on, fid"
            : "SELECT fid, site_id, assessed_on, submitter, answers, source_file, source_row "
              "FROM assessments WHERE site_id = ? ORDER BY assessed_on, fid");
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
    const auto records = loadAssessments(db);
    Transaction tx(db);
    if (!tx.began())
        return tx.beginError();
    const std::string now = nowUtc(db);
    auto score = db.prepare(kInsertScore);
    if (!score)
        return score.error();
    const long long total = static_cast<long long>(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return Error("cancelled: no score was changed");
        if (auto st = writeScore(*score, records[i].id,
                                 scoreAssessment(criteria, records[i].assessment), now);
            !st)
            return st.error();
        if (progress && (i % 4096 == 0 || i + 1 == records.size()))
            progress(static_cast<long long>(i + 1), total);
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    return total;
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
