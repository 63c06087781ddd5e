#include "core/storage/assessment_store.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>
#include "core/errors/error_catalogue.h"

#include "core/storage/answer_codec.h"
#include "core/storage/database.h"

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
        out[8 + static_cast<size_t>(i)] = static_cast<uint8_t>(b >> (8 * i));
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

// Columns id, site, date, answers (with the submitter, since schema 8) from `first` on.
Status readAssessment(const Statement& st, int first, TermReader& terms, Assessment& a) {
    a.siteId = st.text(first + 1);
    if (auto d = parseDate(st.textView(first + 2)))
        a.date = *d;
    a.answers.clear();
    return decodeAnswers(st.blobView(first + 3), st.integer(first), terms, a.answers, &a.submitter);
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

namespace {

// Whether an assessment is stored already: the same site, day, submitter and answers.
// Since schema 8 no content key is kept per row (its unique index cost as much as the
// rows' answers); the assessments of the same site and day are found through the
// (site_id, assessed_on) index and their keys computed as the stored key was (a hash of
// the canonical JSON text), so a file imported under any earlier schema still adds
// nothing. A site and day rarely hold more than one; where one holds many (a file that
// gives every row the same day), their keys are read once into a set for the rest of the
// batch, so a batch never costs rows times candidates.
class StoredAlready {
public:
    StoredAlready(Statement sameDay, TermReader& terms)
        : sameDay_(std::move(sameDay)), terms_(terms) {}

    /// Whether `a`, on `day` (its date as stored), is stored.
    Result<bool> find(const Assessment& a, const std::string& day) {
        pending_ = nullptr;
        // Crowded days are rare: no group name is made for a row unless there is one.
        auto groupOf = [&] { return a.siteId + '\x1f' + day; };
        if (!crowded_.empty())
            if (auto it = crowded_.find(groupOf()); it != crowded_.end()) {
                key_ = keyOf(a);
                pending_ = &it->second;
                return it->second.count(key_) != 0;
            }
        sameDay_.reset();
        // `a` and `day` outlive the steps below, and every call binds them again.
        sameDay_.bindUncopied(1, a.siteId).bindUncopied(2, day);
        std::vector<Key> keys;
        bool found = false;
        Assessment stored;
        stored.siteId = a.siteId;
        stored.date = a.date;
        while (sameDay_.step()) {
            if (keys.empty())
                key_ = keyOf(a);
            stored.answers.clear();
            if (auto st = decodeAnswers(sameDay_.blobView(0), sameDay_.integer(1), terms_,
                                        stored.answers, &stored.submitter);
                !st)
                return st.error();
            keys.push_back(keyOf(stored));
            found = found || keys.back() == key_;
            if (found && keys.size() < kCrowded)
                break;
        }
        sameDay_.reset();
        if (!sameDay_.error().empty())
            return sameDay_.failure(terms_.path());
        if (keys.size() >= kCrowded) {
            auto& set = crowded_[groupOf()];
            set.insert(keys.begin(), keys.end());
            pending_ = &set;
        }
        return found;
    }

    /// The next row is stored without being looked for (NewestDays).
    void notLookedFor() { pending_ = nullptr; }

    /// `a`, just found not stored, has been stored.
    void added() {
        if (pending_)
            pending_->insert(key_);
    }

private:
    static constexpr size_t kCrowded = 8;
    using Key = std::array<uint8_t, 16>;
    struct KeyHash {
        size_t operator()(const Key& k) const {
            size_t h = 0;
            std::memcpy(&h, k.data(), sizeof h);
            return h;
        }
    };
    static Key keyOf(const Assessment& a) {
        const auto bytes = contentKey(a, answersToJson(a));
        Key k{};
        std::copy_n(bytes.begin(), k.size(), k.begin());
        return k;
    }

    Statement sameDay_;
    TermReader& terms_;
    std::unordered_map<std::string, std::unordered_set<Key, KeyHash>> crowded_;
    std::unordered_set<Key, KeyHash>* pending_ = nullptr;
    Key key_{};
};

}  // namespace

Status appendAssessments(Database& db, std::span<const Assessment> assessments,
                         std::span<const long> sourceRows, int64_t importId,
                         std::vector<int64_t>& ids, NewestDays* newest,
                         const EncodedAnswers* encoded, SharedTerms* terms) {
    auto sameDay =
        db.prepare("SELECT answers, fid FROM assessments WHERE site_id = ? AND assessed_on = ?");
    if (!sameDay)
        return sameDay.error();
    auto ins = db.prepare(
        "INSERT INTO assessments (site_id, assessed_on, answers, import_id, source_row) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!ins)
        return ins.error();
    ids.assign(assessments.size(), 0);
    TermWriter writer(db);
    TermReader reader(db);
    StoredAlready stored(std::move(*sameDay), reader);
    std::vector<uint8_t> answers;  // each row's, in the memory of the row before
    // How many rows ahead a facility's place in NewestDays, then its entry, are brought into
    // the cache.
    constexpr size_t kSlotAhead = 16, kEntryAhead = 8;
    for (size_t i = 0; i < assessments.size(); ++i) {
        const Assessment& a = assessments[i];
        if (newest) {
            if (i + kSlotAhead < assessments.size())
                newest->expectSlot(assessments[i + kSlotAhead].siteId);
            if (i + kEntryAhead < assessments.size())
                newest->expectEntry(assessments[i + kEntryAhead].siteId);
        }
        const std::string day = formatDate(a.date);
        // Rows written earlier in this call are seen too: a file holding one assessment
        // twice stores it once.
        // Dated after every day its facility has (bytewise, as SQLite's BINARY collation
        // compares them for max() and for `=`), a row cannot be stored already.
        std::string* newestDay = nullptr;
        if (newest) {
            auto found = newest->newestDayOf(db, a.siteId);
            if (!found)
                return found.error();
            newestDay = *found;
        }
        if (!newestDay || day <= *newestDay) {
            auto known = stored.find(a, day);
            if (!known)
                return known.error();
            if (*known)
                continue;
        } else {
            stored.notLookedFor();
        }
        // Encoded on the reading thread, or here where that thread lacked a term.
        std::span<const uint8_t> bytes = encoded ? encoded->of(i) : std::span<const uint8_t>();
        if (bytes.empty()) {
            if (auto st =
                    encodeAnswersInto(answers, a.answers, writer, AnswerFormat::Keyed, a.submitter);
                !st)
                return st;
            bytes = answers;
        }
        // Each value outlives the run() below, which resets the statement: no copies.
        ins->bindUncopied(1, a.siteId).bindUncopied(2, day).bindBlobUncopied(3, bytes);
        ins->bind(4, importId);
        ins->bind(5, static_cast<int64_t>(i < sourceRows.size() ? sourceRows[i] : -1));
        if (auto st = ins->run(); !st)
            return st;
        ids[i] = db.lastInsertId();
        stored.added();
        if (newestDay && day > *newestDay)
            *newestDay = day;
    }
    if (terms)
        terms->publish(writer.known());
    return {};
}

Status forEachAssessment(const Database& db,
                         const std::function<Status(std::span<const StoredAssessment>)>& visit) {
    auto read =
        db.prepare("SELECT fid, site_id, assessed_on, answers FROM assessments ORDER BY fid");
    if (!read)
        return read.error();
    // Streamed in batches: a million assessments are never all held at once.
    constexpr size_t kBatch = 4096;
    std::vector<StoredAssessment> batch;
    batch.reserve(kBatch);
    TermReader terms(db);
    while (read->step()) {
        StoredAssessment& s = batch.emplace_back();
        s.id = read->integer(0);
        if (auto st = readAssessment(*read, 0, terms, s.assessment); !st)
            return st;
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

Result<std::vector<Date>> assessmentDates(const Database& db) {
    // A pass over the (site, date) index with a few hundred distinct values: no rows read.
    auto read = db.prepare("SELECT DISTINCT assessed_on FROM assessments");
    if (!read)
        return read.error();
    std::vector<Date> out;
    while (read->step()) {
        const auto date = parseDate(read->textView(0));
        if (!date) {
            const std::string text = read->text(0);
            std::string id = "?";
            if (auto which = db.prepare("SELECT fid FROM assessments WHERE assessed_on = ?")) {
                which->bind(1, std::string_view(text));
                if (which->step())
                    id = std::to_string(which->integer(0));
            }
            return codedError("project.assessment_bad_date", {id, text}, db.path());
        }
        out.push_back(*date);
    }
    if (!read->error().empty())
        return read->failure(db.path());
    // Texts that are not "YYYY-MM-DD" may name one day twice and sort apart from it.
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Status forEachAnswerRow(const Database& db, const CompiledCriteria& criteria,
                        const AssessmentIds& wanted, const AnswerRowVisit& visit) {
    auto read =
        db.prepare("SELECT fid, answers FROM assessments WHERE fid > ? AND fid <= ? ORDER BY fid");
    if (!read)
        return read.error();
    read->bind(1, wanted.after).bind(2, wanted.upTo);
    const size_t k = criteria.indexCount();
    constexpr size_t kBatch = 4096;
    std::vector<int64_t> ids;
    std::vector<double> rows;
    ids.reserve(kBatch);
    rows.reserve(kBatch * k);
    TermReader terms(db);
    AnswerRowReader reader(criteria, terms);
    while (read->step()) {
        ids.push_back(read->integer(0));
        rows.resize(ids.size() * k);
        if (auto st = reader.read(read->blobView(1), ids.back(),
                                  std::span<double>(rows).subspan((ids.size() - 1) * k, k));
            !st)
            return st;
        if (ids.size() == kBatch) {
            if (auto st = visit(ids, rows); !st)
                return st;
            ids.clear();
            rows.clear();
        }
    }
    if (!read->error().empty())
        return read->failure(db.path());
    if (!ids.empty())
        return visit(ids, rows);
    return {};
}

Result<std::vector<AssessmentRecord>> assessmentsOf(const Database& db, const std::string& siteId) {
    std::vector<AssessmentRecord> out;
    auto st = db.prepare(
        "SELECT a.fid, a.site_id, a.assessed_on, a.answers, l.source_file, a.source_row "
        "FROM assessments a LEFT JOIN import_log l ON l.fid = a.import_id "
        "WHERE a.site_id = ? ORDER BY a.assessed_on, a.fid");
    if (!st)
        return st.error();
    st->bind(1, siteId);
    TermReader terms(db);
    while (st->step()) {
        AssessmentRecord r;
        r.id = st->integer(0);
        if (auto read = readAssessment(*st, 0, terms, r.assessment); !read)
            return read.error();
        r.sourceFile = st->text(4);
        r.sourceRow = static_cast<long>(st->integer(5));
        out.push_back(std::move(r));
    }
    if (!st->error().empty())
        return st->failure(db.path());
    return out;
}

Status migrateAnswersToTerms(Database& db) {
    // The table is rebuilt (its answers column becomes a BLOB), keeping every fid, so the
    // scores that refer to assessments by fid stay theirs.
    if (auto st = db.exec(R"SQL(
CREATE TABLE answer_terms (fid INTEGER PRIMARY KEY AUTOINCREMENT, term TEXT NOT NULL UNIQUE);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
  ('answer_terms', 'attributes', 'answer_terms',
   'Index ids and choice texts the stored answers refer to by number (docs/storage.md)');
CREATE TABLE assessments_v6 (fid INTEGER PRIMARY KEY, site_id TEXT NOT NULL,
  assessed_on DATE NOT NULL, submitter TEXT, answers BLOB NOT NULL, import_id INTEGER,
  source_row INTEGER, content_key BLOB NOT NULL UNIQUE);
)SQL");
        !st)
        return st;
    {
        auto read = db.prepare(
            "SELECT fid, site_id, assessed_on, submitter, answers, import_id, source_row, "
            "content_key FROM assessments ORDER BY fid");
        if (!read)
            return read.error();
        auto ins = db.prepare("INSERT INTO assessments_v6 VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        if (!ins)
            return ins.error();
        TermWriter terms(db);
        while (read->step()) {
            auto answers =
                encodeAnswers(answersFromJson(read->text(4)), terms, AnswerFormat::Tagged);
            if (!answers)
                return answers.error();
            ins->bind(1, read->integer(0)).bindUncopied(2, read->textView(1));
            ins->bindUncopied(3, read->textView(2)).bindUncopiedOrNull(4, read->textView(3));
            ins->bindBlob(5, *answers);
            if (read->isNull(5))
                ins->bindNull(6);
            else
                ins->bind(6, read->integer(5));
            if (read->isNull(6))
                ins->bindNull(7);
            else
                ins->bind(7, read->integer(6));
            ins->bindBlob(8, read->blob(7));
            if (auto st = ins->run(); !st)
                return st;
        }
        if (!read->error().empty())
            return read->failure(db.path());
    }
    return db.exec(R"SQL(
DROP TABLE assessments;
ALTER TABLE assessments_v6 RENAME TO assessments;
CREATE INDEX assessments_site ON assessments(site_id, assessed_on);
)SQL");
}

Status migrateAssessmentsWithoutKeys(Database& db) {
    // SQLite cannot drop a UNIQUE column, so the table is rebuilt with the same fids (the
    // score blocks and newest scores refer to them), its answers in format 2 on the way,
    // with the submitter among them. The triggers of newest_scores go with the old table
    // and are created again.
    if (auto st = db.exec(R"SQL(
CREATE TABLE assessments_v8 (fid INTEGER PRIMARY KEY, site_id TEXT NOT NULL,
  assessed_on DATE NOT NULL, answers BLOB NOT NULL, import_id INTEGER, source_row INTEGER);
)SQL");
        !st)
        return st;
    {
        auto read = db.prepare(
            "SELECT fid, site_id, assessed_on, submitter, answers, import_id, source_row "
            "FROM assessments ORDER BY fid");
        if (!read)
            return read.error();
        auto ins = db.prepare("INSERT INTO assessments_v8 VALUES (?, ?, ?, ?, ?, ?)");
        if (!ins)
            return ins.error();
        TermWriter writer(db);
        TermReader reader(db);
        std::map<std::string, AnswerValue> answers;
        auto bindInteger = [&](int to, int from) {
            if (read->isNull(from))
                ins->bindNull(to);
            else
                ins->bind(to, read->integer(from));
        };
        while (read->step()) {
            ins->bind(1, read->integer(0)).bindUncopied(2, read->textView(1));
            ins->bindUncopied(3, read->textView(2));
            const std::string submitter = read->text(3);
            // Answers that do not decode are kept as they were, beside their submitter:
            // reading them reports the damage as before, and the project still opens.
            answers.clear();
            const auto stored = read->blobView(4);
            auto converted = decodeAnswers(stored, read->integer(0), reader, answers).ok()
                                 ? encodeAnswers(answers, writer, AnswerFormat::Keyed, submitter)
                                 : keptAnswers(stored, submitter, writer);
            if (!converted)
                return converted.error();
            ins->bindBlob(4, *converted);
            bindInteger(5, 5);
            bindInteger(6, 6);
            if (auto st = ins->run(); !st)
                return st;
        }
        if (!read->error().empty())
            return read->failure(db.path());
    }
    return db.exec(R"SQL(
DROP TABLE assessments;
ALTER TABLE assessments_v8 RENAME TO assessments;
CREATE INDEX assessments_site ON assessments(site_id, assessed_on);
CREATE TRIGGER newest_scores_assessment_changed AFTER UPDATE OF fid, site_id, assessed_on
  ON assessments BEGIN DELETE FROM newest_scores; END;
CREATE TRIGGER newest_scores_assessment_removed AFTER DELETE ON assessments
  BEGIN DELETE FROM newest_scores; END;
)SQL");
}

}  // namespace safemap
