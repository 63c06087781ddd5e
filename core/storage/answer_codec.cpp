#include "core/storage/answer_codec.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "core/criteria/answer_reading.h"
#include "core/errors/error_catalogue.h"
#include "core/storage/database.h"
#include "core/storage/varint.h"

namespace safemap {

namespace {

constexpr uint8_t kMagic[4] = {'S', 'M', 'A', 1};

// Texts with term ids below this have their reading kept per index (16 bytes a slot):
// choice codes are among a project's first terms; free texts beyond it are read each time.
constexpr uint64_t kCachedTerms = 1u << 16;

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

}  // namespace

Result<uint32_t> TermWriter::id(std::string_view term) {
    if (auto it = ids_.find(term); it != ids_.end())
        return it->second;
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
    : criteria_(criteria), terms_(terms), textValue_(criteria.indexCount()) {
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
    if (stored.size() < 4 || !std::equal(kMagic, kMagic + 4, stored.begin()))
        return damaged("not stored answers");
    Bytes in{stored, 4};
    while (in.at < stored.size()) {
        uint64_t keyId = 0;
        if (!in.varint(keyId))
            return damaged("torn key");
        const int k = keyId < indexOfTerm_.size() ? indexOfTerm_[keyId] : -1;
        if (in.at >= stored.size())
            return damaged("torn answer");
        const uint8_t tag = stored[in.at++];
        const Criterion* c = k >= 0 ? &criteria_.set.indices[static_cast<size_t>(k)] : nullptr;
        const ChoiceLookup* lookup =
            k >= 0 ? &criteria_.choiceLookups[static_cast<size_t>(k)] : nullptr;
        double value = 0;
        switch (tag) {
            case False:
            case True:
                if (c)
                    value = readAnswer(*c, AnswerValue(tag == True), lookup).value;
                break;
            case Whole: {
                uint64_t z = 0;
                if (!in.varint(z))
                    return damaged("torn number");
                if (c)
                    value =
                        readAnswer(*c, AnswerValue(static_cast<double>(unZigZag(z))), lookup).value;
                break;
            }
            case Number: {
                if (stored.size() - in.at < 8)
                    return damaged("torn number");
                uint64_t bits = 0;
                for (int i = 0; i < 8; ++i)
                    bits |= static_cast<uint64_t>(stored[in.at + static_cast<size_t>(i)])
                            << (8 * i);
                in.at += 8;
                if (c)
                    value = readAnswer(*c, AnswerValue(std::bit_cast<double>(bits)), lookup).value;
                break;
            }
            case Inline: {
                uint64_t n = 0;
                if (!in.varint(n) || n > stored.size() - in.at)
                    return damaged("torn text");
                if (c)
                    value = readAnswerText(*c,
                                           std::string_view(
                                               reinterpret_cast<const char*>(stored.data() + in.at),
                                               static_cast<size_t>(n)),
                                           lookup)
                                .value;
                in.at += static_cast<size_t>(n);
                break;
            }
            case Term: {
                uint64_t id = 0;
                if (!in.varint(id) || id > UINT32_MAX)
                    return damaged("torn text");
                if (!c)
                    break;
                auto& cache = textValue_[static_cast<size_t>(k)];
                if (id < kCachedTerms && id < cache.size() && cache[id].known) {
                    value = cache[id].value;
                    break;
                }
                auto text = terms_.term(static_cast<uint32_t>(id));
                if (!text)
                    return text.error();
                if (!*text)
                    return damaged("term " + std::to_string(id) + " is missing");
                value = readAnswerText(*c, **text, lookup).value;
                if (id < kCachedTerms) {
                    if (id >= cache.size())
                        cache.resize(id + 1);
                    cache[id] = {true, value};
                }
                break;
            }
            default:
                return damaged("unknown tag " + std::to_string(tag));
        }
        if (c)
            row[static_cast<size_t>(k)] = value;
    }
    return {};
}

Result<std::vector<uint8_t>> encodeAnswers(const std::map<std::string, AnswerValue>& answers,
                                           TermWriter& terms) {
    std::vector<uint8_t> out(kMagic, kMagic + 4);
    for (const auto& [key, value] : answers) {
        auto keyId = terms.id(key);
        if (!keyId)
            return keyId.error();
        putVarint(out, *keyId);
        if (const auto* b = std::get_if<bool>(&value)) {
            out.push_back(*b ? True : False);
        } else if (const auto* d = std::get_if<double>(&value)) {
            int64_t whole = 0;
            if (asWhole(*d, whole)) {
                out.push_back(Whole);
                putVarint(out, zigZag(whole));
            } else {
                out.push_back(Number);
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
                out.push_back(Term);
                putVarint(out, *textId);
            } else {
                out.push_back(Inline);
                putVarint(out, text.size());
                out.insert(out.end(), text.begin(), text.end());
            }
        }
    }
    return out;
}

Status decodeAnswers(std::span<const uint8_t> stored, int64_t assessmentId, TermReader& terms,
                     std::map<std::string, AnswerValue>& out) {
    auto damaged = [&](const std::string& why) -> Status {
        return codedError("project.answers_bad", {std::to_string(assessmentId), why}, terms.path());
    };
    if (stored.size() < 4 || !std::equal(kMagic, kMagic + 4, stored.begin()))
        return damaged("not stored answers");
    Bytes in{stored, 4};
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
    while (in.at < stored.size()) {
        uint64_t keyId = 0;
        if (!in.varint(keyId))
            return damaged("torn key");
        std::string_view key;
        if (auto st = termOf(keyId, key); !st)
            return st;
        if (in.at >= stored.size())
            return damaged("torn answer");
        const uint8_t tag = stored[in.at++];
        AnswerValue value;
        switch (tag) {
            case False:
            case True:
                value = tag == True;
                break;
            case Whole: {
                uint64_t z = 0;
                if (!in.varint(z))
                    return damaged("torn number");
                value = static_cast<double>(unZigZag(z));
                break;
            }
            case Number: {
                if (stored.size() - in.at < 8)
                    return damaged("torn number");
                uint64_t bits = 0;
                for (int i = 0; i < 8; ++i)
                    bits |= static_cast<uint64_t>(stored[in.at + static_cast<size_t>(i)])
                            << (8 * i);
                in.at += 8;
                value = std::bit_cast<double>(bits);
                break;
            }
            case Inline: {
                uint64_t n = 0;
                if (!in.varint(n) || n > stored.size() - in.at)
                    return damaged("torn text");
                value = std::string(reinterpret_cast<const char*>(stored.data() + in.at),
                                    static_cast<size_t>(n));
                in.at += static_cast<size_t>(n);
                break;
            }
            case Term: {
                uint64_t id = 0;
                if (!in.varint(id))
                    return damaged("torn text");
                std::string_view text;
                if (auto st = termOf(id, text); !st)
                    return st;
                value = std::string(text);
                break;
            }
            default:
                return damaged("unknown tag " + std::to_string(tag));
        }
        out.insert_or_assign(std::string(key), std::move(value));
    }
    return {};
}

}  // namespace safemap
