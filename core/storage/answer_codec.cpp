#include "core/storage/answer_codec.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>

#include "core/criteria/answer_reading.h"
#include "core/errors/error_catalogue.h"
#include "core/storage/database.h"
#include "core/storage/varint.h"

namespace safemap {

namespace {

constexpr uint8_t kMagic[4] = {'S', 'M', 'A', 1};
// Format 2 starts with this byte (format 1 with 'S').
constexpr uint8_t kKeyed = 2;
// A key list's term: this prefix, then the key terms' ids in decimal, comma-separated.
constexpr std::string_view kKeysPrefix = "#keys:";

// Texts with term ids below this have their reading kept per index (16 bytes a slot):
// choice codes are among a project's first terms; free texts beyond it are read each time.
constexpr uint64_t kCachedTerms = 1u << 16;
// Yes, no and whole numbers of -64..63 (their zig-zag below 128, times eight tags).
constexpr uint64_t kCachedSmall = 1u << 10;

enum Tag : uint8_t { False = 0, True = 1, Whole = 2, Number = 3, Inline = 4, Term = 5 };

// Whole numbers up to 2^53 are exact in a double: those are stored as zig-zag varints (a
// worker count in two bytes instead of eight).
bool asWhole(double d, int64_t& whole) {
    if (!std::isfinite(d) || d != std::trunc(d) || std::fabs(d) > 9007199254740992.0 ||
        (d == 0 && std::signbit(d)))
        return false;
    whole = static_cast<int64_t>(d);
    return true;
}

// One stored answer as the formats lay it out: its key's term id, its tag, the tag's
// number (a whole number's zig-zag, a text's term id or an inline text's length) and the
// bytes that follow it (an inline text's, a double's eight).
struct RawAnswer {
    uint64_t key = 0;
    uint8_t tag = 0;
    uint64_t number = 0;
    std::span<const uint8_t> bytes;
};

// Calls `visit(const RawAnswer&) -> bool` for each answer of either format, until it returns
// false (having kept its own error: a Status made per answer would cost a re-score of ten
// million answers more than the answers); `damaged(why)` makes the error for bytes that
// are not stored answers.
template <class Damaged, class Visit>
Status walkAnswers(std::span<const uint8_t> stored, TermReader& terms, const Damaged& damaged,
                   Visit&& visit, uint64_t* submitter = nullptr) {
    if (submitter)
        *submitter = 0;
    // What follows a tag and its number: a double's bytes, an inline text's.
    auto tail = [&](Bytes& in, RawAnswer& a) -> bool {
        if (a.tag == Number) {
            if (in.left() < 8)
                return false;
            a.bytes = stored.subspan(in.at, 8);
            in.at += 8;
        } else if (a.tag == Inline) {
            if (a.number > in.left())
                return false;
            a.bytes = stored.subspan(in.at, static_cast<size_t>(a.number));
            in.at += static_cast<size_t>(a.number);
        }
        return true;
    };
    if (!stored.empty() && stored[0] == kKeyed) {
        Bytes in{stored, 1};
        uint64_t submitterId = 0, listId = 0;
        if (!in.varint(submitterId) || !in.varint(listId))
            return damaged("torn key list");
        if (submitter)
            *submitter = submitterId;
        if (listId == 0)
            return damaged("answers that did not read before schema 8, kept as they were");
        if (listId > UINT32_MAX)
            return damaged("term " + std::to_string(listId) + " out of range");
        auto keys = terms.keyList(static_cast<uint32_t>(listId));
        if (!keys)
            return keys.error();
        if (!*keys)
            return damaged("term " + std::to_string(listId) + " is not a key list");
        for (uint32_t key : **keys) {
            RawAnswer a;
            a.key = key;
            uint64_t tagged = 0;
            if (!in.varint(tagged))
                return damaged("torn answer");
            a.tag = static_cast<uint8_t>(tagged & 7);
            a.number = tagged >> 3;
            if (a.tag > Term)
                return damaged("unknown tag " + std::to_string(a.tag));
            // A yes, a no and an other number carry nothing in their varint.
            if (a.number != 0 && (a.tag == False || a.tag == True || a.tag == Number))
                return damaged("stray bits after tag " + std::to_string(a.tag));
            if (!tail(in, a))
                return damaged(a.tag == Number ? "torn number" : "torn text");
            if (!visit(a))
                return {};
        }
        if (in.left() != 0)
            return damaged("bytes after the last answer");
        return {};
    }
    if (stored.size() < 4 || !std::equal(kMagic, kMagic + 4, stored.begin()))
        return damaged("not stored answers");
    Bytes in{stored, 4};
    while (in.left() > 0) {
        RawAnswer a;
        if (!in.varint(a.key))
            return damaged("torn key");
        if (!in.byte(a.tag))
            return damaged("torn answer");
        switch (a.tag) {
            case False:
            case True:
            case Number:
                break;
            case Whole:
                if (!in.varint(a.number))
                    return damaged("torn number");
                break;
            case Inline:
            case Term:
                if (!in.varint(a.number))
                    return damaged("torn text");
                break;
            default:
                return damaged("unknown tag " + std::to_string(a.tag));
        }
        if (!tail(in, a))
            return damaged(a.tag == Number ? "torn number" : "torn text");
        if (!visit(a))
            return {};
    }
    return {};
}

double doubleOf(const RawAnswer& a) {
    uint64_t bits = 0;
    for (size_t i = 0; i < 8; ++i)
        bits |= static_cast<uint64_t>(a.bytes[i]) << (8 * i);
    return std::bit_cast<double>(bits);
}

std::string_view textOf(const RawAnswer& a) {
    return {reinterpret_cast<const char*>(a.bytes.data()), a.bytes.size()};
}

}  // namespace

namespace {

std::size_t recentSlotOf(std::string_view term) {
    std::size_t h = term.size();
    if (!term.empty())
        h = h * 131 + static_cast<unsigned char>(term.front()) * 31 +
            static_cast<unsigned char>(term[term.size() / 2]) * 7 +
            static_cast<unsigned char>(term.back());
    return h;
}

}  // namespace

Result<uint32_t> TermWriter::id(std::string_view term) {
    Recent& recent = recent_[recentSlotOf(term) % kRecent];
    if (recent.id != 0 && recent.term == term)
        return recent.id;
    if (auto it = ids_.find(term); it != ids_.end()) {
        recent.term.assign(term);
        recent.id = it->second;
        return it->second;
    }
    auto find = db_.prepare("SELECT fid FROM answer_terms WHERE term = ?");
    if (!find)
        return find.error();
    find->bind(1, term);
    int64_t id = 0;
    if (find->step()) {
        id = find->integer(0);
    } else {
        if (!find->error().empty())
            return find->failure(db_.path());
        auto add = db_.prepare("INSERT INTO answer_terms (term) VALUES (?)");
        if (!add)
            return add.error();
        add->bind(1, term);
        if (auto st = add->run(); !st)
            return st.error();
        id = db_.lastInsertId();
    }
    ids_.emplace(std::string(term), static_cast<uint32_t>(id));
    return static_cast<uint32_t>(id);
}

namespace {

template <class Terms>
Result<uint32_t> keyListIdWith(Terms& terms, KeyListMemo& memo,
                               const std::map<std::string, AnswerValue>& answers) {
    if (memo.id &&
        std::equal(answers.begin(), answers.end(), memo.keys.begin(), memo.keys.end(),
                   [](const auto& entry, const std::string& key) { return entry.first == key; }))
        return *memo.id;
    std::string list(kKeysPrefix);
    char digits[16];
    for (const auto& entry : answers) {
        auto keyId = terms.id(entry.first);
        if (!keyId)
            return keyId.error();
        if (list.size() > kKeysPrefix.size())
            list += ',';
        auto [end, ec] = std::to_chars(digits, digits + sizeof digits, *keyId);
        list.append(digits, end);
    }
    auto listId = terms.id(list);
    if (!listId)
        return listId.error();
    memo.keys.clear();
    for (const auto& entry : answers)
        memo.keys.push_back(entry.first);
    memo.id = *listId;
    return *listId;
}

}  // namespace

Result<uint32_t> TermWriter::keyListId(const std::map<std::string, AnswerValue>& answers) {
    return keyListIdWith(*this, keyList_, answers);
}

void KnownTerms::add(std::string_view term, uint32_t id) {
    ids_.emplace(std::string(term), id);
}

Result<uint32_t> KnownTerms::id(std::string_view term) const {
    if (auto it = ids_.find(term); it != ids_.end())
        return it->second;
    return codedError("internal.term_unknown", {std::string(term)});
}

Result<uint32_t> KnownTerms::keyListId(const std::map<std::string, AnswerValue>& answers) {
    return keyListIdWith(*this, keyList_, answers);
}

Result<std::optional<std::string_view>> TermReader::term(uint32_t id) {
    if (id < terms_.size() && terms_[id])
        return std::optional<std::string_view>(*terms_[id]);
    if (auto it = far_.find(id); it != far_.end())
        return std::optional<std::string_view>(it->second);
    auto find = db_.prepare("SELECT term FROM answer_terms WHERE fid = ?");
    if (!find)
        return find.error();
    find->bind(1, static_cast<int64_t>(id));
    if (!find->step()) {
        if (!find->error().empty())
            return find->failure(db_.path());
        return std::optional<std::string_view>();
    }
    // Ids are the table's fids, small and dense: a slot per id, unless one is far beyond
    // what a vector should be sized for.
    if (id >= kDenseIds) {
        auto [it, added] = far_.emplace(id, find->text(0));
        return std::optional<std::string_view>(it->second);
    }
    if (id >= terms_.size())
        terms_.resize(id + 1);
    terms_[id] = std::make_unique<const std::string>(find->text(0));
    return std::optional<std::string_view>(*terms_[id]);
}

const std::string& TermReader::path() const {
    return db_.path();
}

Result<const std::vector<uint32_t>*> TermReader::keyList(uint32_t id) {
    if (auto it = keyLists_.find(id); it != keyLists_.end())
        return it->second ? &*it->second : nullptr;
    auto text = term(id);
    if (!text)
        return text.error();
    std::optional<std::vector<uint32_t>> keys;
    if (*text && (*text)->starts_with(kKeysPrefix)) {
        keys.emplace();
        std::string_view rest = (*text)->substr(kKeysPrefix.size());
        while (!rest.empty()) {
            uint32_t key = 0;
            auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), key);
            if (ec != std::errc() || (end != rest.data() + rest.size() && *end != ',')) {
                keys.reset();
                break;
            }
            keys->push_back(key);
            rest.remove_prefix(static_cast<size_t>(end - rest.data()));
            if (!rest.empty())
                rest.remove_prefix(1);
        }
    }
    auto& kept = keyLists_[id] = std::move(keys);
    return kept ? &*kept : nullptr;
}

Result<std::optional<uint32_t>> TermReader::idOf(std::string_view term) const {
    auto find = db_.prepare("SELECT fid FROM answer_terms WHERE term = ?");
    if (!find)
        return find.error();
    find->bind(1, term);
    if (find->step())
        return std::optional<uint32_t>(static_cast<uint32_t>(find->integer(0)));
    if (!find->error().empty())
        return find->failure(db_.path());
    return std::optional<uint32_t>();
}

AnswerRowReader::AnswerRowReader(const CompiledCriteria& criteria, TermReader& terms)
    : criteria_(criteria),
      terms_(terms),
      textValue_(criteria.indexCount()),
      smallValue_(criteria.indexCount()) {
    for (size_t k = 0; k < criteria.indexCount(); ++k)
        missing_.push_back(
            readAnswerText(criteria.set.indices[k], "", &criteria.choiceLookups[k]).value);
}

Status AnswerRowReader::read(std::span<const uint8_t> stored, int64_t assessmentId,
                             std::span<double> row) {
    auto damaged = [&](const std::string& why) -> Status {
        return codedError("project.answers_bad", {std::to_string(assessmentId), why},
                          terms_.path());
    };
    if (!termsMapped_) {
        // Which term names which index: looked up once, for the set's own ids only.
        for (size_t k = 0; k < criteria_.indexCount(); ++k) {
            auto id = terms_.idOf(criteria_.set.indices[k].id);
            if (!id)
                return id.error();
            if (*id && **id < (1u << 24)) {
                if (**id >= indexOfTerm_.size())
                    indexOfTerm_.resize(**id + 1, -1);
                indexOfTerm_[**id] = static_cast<int>(k);
            }
        }
        termsMapped_ = true;
    }
    std::copy(missing_.begin(), missing_.end(), row.begin());
    Status failed;
    auto fail = [&](Status st) {
        failed = std::move(st);
        return false;
    };
    auto walked = walkAnswers(stored, terms_, damaged, [&](const RawAnswer& a) -> bool {
        const int k = a.key < indexOfTerm_.size() ? indexOfTerm_[a.key] : -1;
        if (k < 0)
            return true;
        const Criterion& c = criteria_.set.indices[static_cast<size_t>(k)];
        const ChoiceLookup* lookup = &criteria_.choiceLookups[static_cast<size_t>(k)];
        double& value = row[static_cast<size_t>(k)];
        // A yes, a no or a small whole number reads the same for an index every time, and
        // they are most of a million assessments' answers: each is read once, then looked up
        // (readAnswer builds a value and a reading with its problem text per call).
        const uint64_t tagged = a.number << 3 | a.tag;
        auto& small = smallValue_[static_cast<size_t>(k)];
        const bool smallKind = a.tag == False || a.tag == True || a.tag == Whole;
        if (smallKind && tagged < kCachedSmall) {
            if (tagged < small.size() && small[tagged].known) {
                value = small[tagged].value;
                return true;
            }
            if (tagged >= small.size())
                small.resize(tagged + 1);
        }
        switch (a.tag) {
            case False:
            case True:
                value = readAnswer(c, AnswerValue(a.tag == True), lookup).value;
                break;
            case Whole:
                value = readAnswer(c, AnswerValue(static_cast<double>(unZigZag(a.number))), lookup)
                            .value;
                break;
            case Number:
                value = readAnswer(c, AnswerValue(doubleOf(a)), lookup).value;
                break;
            case Inline:
                value = readAnswerText(c, textOf(a), lookup).value;
                break;
            default: {  // Term
                if (a.number > UINT32_MAX)
                    return fail(damaged("torn text"));
                auto& cache = textValue_[static_cast<size_t>(k)];
                if (a.number < kCachedTerms && a.number < cache.size() && cache[a.number].known) {
                    value = cache[a.number].value;
                    break;
                }
                auto text = terms_.term(static_cast<uint32_t>(a.number));
                if (!text)
                    return fail(text.error());
                if (!*text)
                    return fail(damaged("term " + std::to_string(a.number) + " is missing"));
                value = readAnswerText(c, **text, lookup).value;
                if (a.number < kCachedTerms) {
                    if (a.number >= cache.size())
                        cache.resize(a.number + 1);
                    cache[a.number] = {true, value};
                }
                break;
            }
        }
        if (smallKind && tagged < small.size())
            small[tagged] = {true, value};
        return true;
    });
    return failed.ok() ? walked : failed;
}

namespace {

template <class Terms>
Status putSubmitter(std::vector<uint8_t>& out, std::string_view submitter, Terms& terms) {
    uint32_t id = 0;
    if (!submitter.empty()) {
        // Every length: a province's submitters are a few hundred names, repeated.
        auto term = terms.id(submitter);
        if (!term)
            return term.error();
        id = *term;
    }
    putVarint(out, id);
    return {};
}

}  // namespace

Result<std::vector<uint8_t>> keptAnswers(std::span<const uint8_t> old, std::string_view submitter,
                                         TermWriter& terms) {
    std::vector<uint8_t> out{kKeyed};
    if (auto st = putSubmitter(out, submitter, terms); !st)
        return st.error();
    out.push_back(0);
    out.insert(out.end(), old.begin(), old.end());
    return out;
}

Result<std::vector<uint8_t>> encodeAnswers(const std::map<std::string, AnswerValue>& answers,
                                           TermWriter& terms, AnswerFormat format,
                                           std::string_view submitter) {
    std::vector<uint8_t> out;
    if (auto st = encodeAnswersInto(out, answers, terms, format, submitter); !st)
        return st.error();
    return out;
}

namespace {

// The one encoding, with the terms of a writer (which adds those it lacks) or of an encoder
// on another thread (which fails where one is missing): the bytes cannot differ.
template <class Terms>
Status encodeWith(std::vector<uint8_t>& out, const std::map<std::string, AnswerValue>& answers,
                  Terms& terms, AnswerFormat format, std::string_view submitter) {
    const bool keyed = format == AnswerFormat::Keyed;
    out.clear();
    // Enough for the usual answers (a byte or two each): grown from empty, the vector was
    // allocated five times per assessment.
    out.reserve(8 + 4 * answers.size());
    if (keyed) {
        // The key list first: every assessment of a file names the same keys, so the list
        // is one term that all of them share.
        auto listId = terms.keyListId(answers);
        if (!listId)
            return listId.error();
        out.push_back(kKeyed);
        if (auto st = putSubmitter(out, submitter, terms); !st)
            return st.error();
        putVarint(out, *listId);
    } else {
        out.assign(kMagic, kMagic + 4);
    }
    // Format 2 puts the tag in the low three bits of its number; format 1 writes the key
    // before it and the tag as a byte of its own.
    auto put = [&](Tag tag, uint64_t number, bool hasNumber) {
        if (keyed) {
            putVarint(out, (number << 3) | tag);
        } else {
            out.push_back(tag);
            if (hasNumber)
                putVarint(out, number);
        }
    };
    for (const auto& [key, value] : answers) {
        if (!keyed) {
            auto keyId = terms.id(key);
            if (!keyId)
                return keyId.error();
            putVarint(out, *keyId);
        }
        if (const auto* b = std::get_if<bool>(&value)) {
            put(*b ? True : False, 0, false);
        } else if (const auto* d = std::get_if<double>(&value)) {
            int64_t whole = 0;
            if (asWhole(*d, whole)) {
                put(Whole, zigZag(whole), true);
            } else {
                put(Number, 0, false);
                const auto bits = std::bit_cast<uint64_t>(*d);
                for (int i = 0; i < 8; ++i)
                    out.push_back(static_cast<uint8_t>(bits >> (8 * i)));
            }
        } else {
            const std::string& text = std::get<std::string>(value);
            if (text.size() <= kMaxTermBytes) {
                auto textId = terms.id(text);
                if (!textId)
                    return textId.error();
                put(Term, *textId, true);
            } else {
                put(Inline, text.size(), true);
                out.insert(out.end(), text.begin(), text.end());
            }
        }
    }
    return {};
}

}  // namespace

Status encodeAnswersInto(std::vector<uint8_t>& out,
                         const std::map<std::string, AnswerValue>& answers, TermWriter& terms,
                         AnswerFormat format, std::string_view submitter) {
    return encodeWith(out, answers, terms, format, submitter);
}

bool encodeAnswersWithKnown(std::vector<uint8_t>& out,
                            const std::map<std::string, AnswerValue>& answers, KnownTerms& terms,
                            std::string_view submitter) {
    if (terms.empty())
        return false;
    return encodeWith(out, answers, terms, AnswerFormat::Keyed, submitter).ok();
}

Status decodeAnswers(std::span<const uint8_t> stored, int64_t assessmentId, TermReader& terms,
                     std::map<std::string, AnswerValue>& out, std::string* submitter) {
    auto damaged = [&](const std::string& why) -> Status {
        return codedError("project.answers_bad", {std::to_string(assessmentId), why}, terms.path());
    };
    auto termOf = [&](uint64_t id, std::string_view& text) -> Status {
        if (id > UINT32_MAX)
            return damaged("term " + std::to_string(id) + " out of range");
        auto t = terms.term(static_cast<uint32_t>(id));
        if (!t)
            return t.error();
        if (!*t)
            return damaged("term " + std::to_string(id) + " is missing");
        text = **t;
        return {};
    };
    uint64_t submitterId = 0;
    Status failed;
    auto st = walkAnswers(
        stored, terms, damaged,
        [&](const RawAnswer& a) -> bool {
            std::string_view key;
            if (auto st = termOf(a.key, key); !st) {
                failed = std::move(st);
                return false;
            }
            AnswerValue value;
            switch (a.tag) {
                case False:
                case True:
                    value = a.tag == True;
                    break;
                case Whole:
                    value = static_cast<double>(unZigZag(a.number));
                    break;
                case Number:
                    value = doubleOf(a);
                    break;
                case Inline:
                    value = std::string(textOf(a));
                    break;
                default: {  // Term
                    std::string_view text;
                    if (auto st = termOf(a.number, text); !st) {
                        failed = std::move(st);
                        return false;
                    }
                    value = std::string(text);
                    break;
                }
            }
            out.insert_or_assign(std::string(key), std::move(value));
            return true;
        },
        &submitterId);
    if (!failed)
        return failed;
    if (!st || !submitter)
        return st;
    submitter->clear();
    if (submitterId != 0) {
        std::string_view text;
        if (auto named = termOf(submitterId, text); !named)
            return named;
        submitter->assign(text);
    }
    return {};
}

}  // namespace safemap
