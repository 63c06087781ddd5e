#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/assessment.h"
#include "core/result.h"
#include "core/scoring/compiled_criteria.h"
#include "core/util/string_view_hash.h"

namespace safemap {

class Database;

// An assessment's answers as stored since schema 6 (docs/storage.md): a few bytes per
// answer instead of a JSON object. Index ids and short texts (the choice codes every
// assessment repeats) are stored once in `answer_terms` and referred to by number.
//
// Format 1 (schemas 6 and 7, still read):
//   "SMA" 1, then per answer (in key order): key term (varint), tag (u8), value:
//   tag 0 false, 1 true, 2 whole number (zig-zag varint), 3 other number (f64 LE),
//   4 text inline (varint length, UTF-8 bytes), 5 text term (varint).
// Format 2 (written since schema 8), about half the bytes:
//   2 (u8), the submitter's term (varint, 0 for none: the assessment's submitter lives
//   here, not in a column), the term of the key list (varint; its text is "#keys:" and the
//   key terms' ids, comma-separated, in key order), then per key one varint:
//   number << 3 | tag, with the tags above and as number the zig-zag (2), the length (4)
//   or the term (5), else 0; an other number's eight bytes or an inline text's bytes
//   follow their varint. A key list of 0 marks answers that did not read when migration 8
//   converted them: their old bytes follow, kept, and reading them is refused.

/// Texts up to this many bytes become terms; longer ones (free text) are kept inline.
inline constexpr size_t kMaxTermBytes = 32;

/// \brief The key list met last (format 2), with its term: every row of a file that answers
/// the same indexes then costs no lookup.
struct KeyListMemo {
    std::optional<uint32_t> id;
    std::vector<std::string> keys;
};

/// \brief The terms of one project as a write uses them: ids looked up or added on first
/// use. Only for the duration of one write inside its transaction: a rolled-back
/// transaction takes its new terms with it, so ids must not outlive it.
class TermWriter {
public:
    explicit TermWriter(Database& db) : db_(db) {}
    [[nodiscard]] Result<uint32_t> id(std::string_view term);
    /// The term of the list of `answers`' keys (format 2). The keys of the call before are
    /// kept: every row of a file that answers the same indexes then costs no lookup.
    [[nodiscard]] Result<uint32_t> keyListId(const std::map<std::string, AnswerValue>& answers);
    /// Every term this writer has looked up or added, with its id.
    const StringMap<uint32_t>& known() const { return ids_; }

private:
    Database& db_;
    StringMap<uint32_t> ids_;  ///< looked up by view: a lookup per answer must not allocate
    KeyListMemo keyList_;
    // The terms met last, by a cheap hash of their length and a few bytes: a row's few answer
    // codes and its submitter are found here with one comparison, where hashing each whole
    // text for ids_ was a fifth of encoding a row.
    struct Recent {
        std::string term;
        uint32_t id = 0;
    };
    static constexpr std::size_t kRecent = 64;
    std::array<Recent, kRecent> recent_;
};

/// \brief Terms a writer has met (TermWriter::known), for putting answers into their stored
/// form on another thread than the writer's, which keeps the database to itself. It never
/// adds a term: where a row needs one it lacks, encodeAnswersWithKnown fails and the writer
/// encodes that row.
class KnownTerms {
public:
    void add(std::string_view term, uint32_t id);
    bool empty() const { return ids_.empty(); }
    /// The term's id; an error when it is not known here.
    [[nodiscard]] Result<uint32_t> id(std::string_view term) const;
    [[nodiscard]] Result<uint32_t> keyListId(const std::map<std::string, AnswerValue>& answers);

private:
    StringMap<uint32_t> ids_;
    KeyListMemo keyList_;
};

/// \brief The terms of one project as a read uses them: each id read once, on first use.
class TermReader {
public:
    explicit TermReader(const Database& db) : db_(db) {}
    /// The term, or nullopt when the project has no such id.
    [[nodiscard]] Result<std::optional<std::string_view>> term(uint32_t id);
    /// The id of a term, or nullopt when the project has none such.
    [[nodiscard]] Result<std::optional<uint32_t>> idOf(std::string_view term) const;
    /// The key terms' ids a format-2 key list names, or nullptr when term `id` is none.
    [[nodiscard]] Result<const std::vector<uint32_t>*> keyList(uint32_t id);
    const std::string& path() const;

private:
    const Database& db_;
    std::unordered_map<uint32_t, std::optional<std::vector<uint32_t>>> keyLists_;
    static constexpr uint32_t kDenseIds = 1u << 20;
    // By id, read on first use; each text on its own allocation, so a view handed out
    // stays valid while later lookups grow the vector.
    std::vector<std::unique_ptr<const std::string>> terms_;
    std::unordered_map<uint32_t, std::string> far_;  ///< ids from kDenseIds on
};

/// \brief Stored answers read straight into the batch scorer's dense row for one criteria
/// set: for each index, the value readAnswers gives for the same answers, without building
/// the answers' map. What re-scoring a million assessments needs. A text's reading is
/// worked out once per index and term.
class AnswerRowReader {
public:
    AnswerRowReader(const CompiledCriteria& criteria, TermReader& terms);
    /// Fills `row` (criteria.indexCount() values) from the stored answers of `assessmentId`.
    [[nodiscard]] Status read(std::span<const uint8_t> stored, int64_t assessmentId,
                              std::span<double> row);

private:
    struct Cached {
        bool known = false;
        double value = 0;
    };
    const CompiledCriteria& criteria_;
    TermReader& terms_;
    std::vector<double> missing_;   ///< by index: the value of no answer
    std::vector<int> indexOfTerm_;  ///< by term id: the index it names, -1 for none
    bool termsMapped_ = false;
    std::vector<std::vector<Cached>> textValue_;   ///< by index, then text term id
    std::vector<std::vector<Cached>> smallValue_;  ///< by index, then number << 3 | tag
};

/// The stored formats (above).
enum class AnswerFormat { Tagged = 1, Keyed = 2 };

/// The answers in the stored form.
[[nodiscard]] Result<std::vector<uint8_t>> encodeAnswers(
    const std::map<std::string, AnswerValue>& answers, TermWriter& terms,
    AnswerFormat format = AnswerFormat::Keyed, std::string_view submitter = {});
/// The same into `out` (emptied first), whose memory a caller encoding many rows reuses.
[[nodiscard]] Status encodeAnswersInto(std::vector<uint8_t>& out,
                                       const std::map<std::string, AnswerValue>& answers,
                                       TermWriter& terms, AnswerFormat format = AnswerFormat::Keyed,
                                       std::string_view submitter = {});

/// encodeAnswersInto in format 2 (AnswerFormat::Keyed) with only the terms `terms` knows:
/// the same bytes, or false (`out` then undefined) where a term is missing.
[[nodiscard]] bool encodeAnswersWithKnown(std::vector<uint8_t>& out,
                                          const std::map<std::string, AnswerValue>& answers,
                                          KnownTerms& terms, std::string_view submitter);

/// Format 2 holding `submitter` and answers `old` that did not decode, kept as they were.
[[nodiscard]] Result<std::vector<uint8_t>> keptAnswers(std::span<const uint8_t> old,
                                                       std::string_view submitter,
                                                       TermWriter& terms);

/// The stored form of assessment `assessmentId` back into answers, and into `submitter`
/// where given (empty for none, and for format 1, which kept it in a column); an error
/// names the assessment and what is wrong with its bytes.
[[nodiscard]] Status decodeAnswers(std::span<const uint8_t> stored, int64_t assessmentId,
                                   TermReader& terms, std::map<std::string, AnswerValue>& out,
                                   std::string* submitter = nullptr);

}  // namespace safemap
