#include "core/criteria/answer_reading.h"
#include "core/text/quoted.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/text/fold.h"

namespace safemap {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
constexpr double kInvalid = std::numeric_limits<double>::infinity();

AnswerReading answered(double v) {
    return {AnswerStatus::Answered, v, {}};
}
AnswerReading missing() {
    return {AnswerStatus::Missing, kMissing, {}};
}
AnswerReading invalid(std::string code, std::vector<std::string> args) {
    return {AnswerStatus::Invalid, kInvalid, problemOf(std::move(code), std::move(args))};
}

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    // A non-breaking space (U+00A0) is what spreadsheets put between a number and "%".
    while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0")
        s.remove_suffix(2);
    return s;
}

bool allDigits(std::string_view s) {
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

// "1.234.567" with sep '.': every group after the first has exactly three digits.
bool validGroups(std::string_view s, char sep) {
    std::size_t start = 0;
    bool first = true;
    while (true) {
        std::size_t end = s.find(sep, start);
        std::string_view g = s.substr(start, end == std::string_view::npos ? end : end - start);
        if (!allDigits(g) || (first ? g.size() > 3 : g.size() != 3))
            return false;
        if (end == std::string_view::npos)
            return true;
        first = false;
        start = end + 1;
    }
}

std::string quoted(std::string_view s) {
    return quotedForMessage(s);
}

std::string domainText(const Criterion& c) {
    const Band& first = c.bands.front();
    const Band& last = c.bands.back();
    std::string lo =
        first.min ? shortestNumber(*first.min) + (first.minInclusive ? " ≤ " : " < ") : "";
    std::string hi =
        last.max ? std::string(last.maxInclusive ? " ≤ " : " < ") + shortestNumber(*last.max) : "";
    return lo + "x" + hi;
}

AnswerReading readNumber(const Criterion& c, double v) {
    if (std::isnan(v))
        return missing();
    for (const auto& b : c.bands)
        if (b.contains(v))
            return answered(v);
    return invalid("answer.outside_bands", {shortestNumber(v), domainText(c)});
}

AnswerReading readChoice(const Criterion& c, std::string_view text, const ChoiceLookup* lookup) {
    ChoiceLookup own;
    if (!lookup) {
        own = choiceLookupFor(c);
        lookup = &own;
    }
    std::string folded;
    const std::string_view key = foldsToItself(text) ? text : (folded = foldForSearch(text));
    for (const auto& [k, pos] : *lookup)
        if (k == key)
            return answered(pos);
    std::string codes, vi, en;
    for (const auto& ch : c.choices) {
        codes += (codes.empty() ? "" : ", ") + ch.value;
        vi += (vi.empty() ? "" : "; ") + (ch.label.empty() ? ch.value : ch.label);
        en += (en.empty() ? "" : "; ") + (ch.labelEn.empty() ? ch.value : ch.labelEn);
    }
    return invalid("answer.not_an_option", {quoted(text), codes, vi, en});
}

}  // namespace

ChoiceLookup choiceLookupFor(const Criterion& criterion) {
    ChoiceLookup out;
    for (std::size_t i = 0; i < criterion.choices.size(); ++i) {
        const Choice& ch = criterion.choices[i];
        for (const std::string* s : {&ch.value, &ch.label, &ch.labelEn}) {
            std::string key = foldForSearch(*s);
            bool taken = key.empty();
            for (const auto& [k, pos] : out)
                taken = taken || k == key;
            // The first option claims a text: the parser already refuses equal codes, and
            // a label that repeats another option's code must not steal its answers.
            if (!taken)
                out.emplace_back(std::move(key), static_cast<int>(i));
        }
    }
    return out;
}

std::optional<bool> parseYesNo(std::string_view text) {
    text = trim(text);
    // The answers most forms give, before a folded copy is made for the rest.
    if (text == "có" || text == "Có")
        return true;
    if (text == "không" || text == "Không")
        return false;
    std::string folded;
    const std::string_view t = foldsToItself(text) ? text : (folded = foldForSearch(text));
    if (t == "co" || t == "yes" || t == "y" || t == "x" || t == "1" || t == "true")
        return true;
    if (t == "khong" || t == "ko" || t == "no" || t == "n" || t == "0" || t == "false")
        return false;
    return std::nullopt;
}

std::optional<double> parseNumberText(std::string_view text, Problem* problem) {
    auto refuse = [&](std::string code, std::vector<std::string> args) -> std::optional<double> {
        if (problem)
            *problem = problemOf(std::move(code), std::move(args));
        return std::nullopt;
    };
    std::string_view s = trim(text);
    if (s.empty())
        return refuse("number.empty", {});
    // A plain whole number, as most answers are (workers, m², %): read without the copies
    // below. Up to 15 digits it is exact, as from_chars would give it.
    if (s.size() <= 15 && allDigits(s)) {
        std::uint64_t whole = 0;
        for (const char c : s)
            whole = whole * 10 + static_cast<std::uint64_t>(c - '0');
        return static_cast<double>(whole);
    }
    std::string body(s);
    bool negative = false;
    if (body.front() == '-' || body.front() == '+') {
        negative = body.front() == '-';
        body.erase(0, 1);
    }
    const auto dot = body.find('.'), comma = body.find(',');
    const bool hasDot = dot != std::string::npos, hasComma = comma != std::string::npos;
    std::string digits;
    if (hasDot && hasComma) {
        // "1.234,5" (Vietnamese) or "1,234.5" (English): the last separator is the decimal one.
        const char dec = body.rfind('.') > body.rfind(',') ? '.' : ',';
        const char group = dec == '.' ? ',' : '.';
        const auto decPos = body.rfind(dec);
        const std::string intPart = body.substr(0, decPos), frac = body.substr(decPos + 1);
        if (!validGroups(intPart, group) || !allDigits(frac))
            return refuse("number.not_a_number", {quoted(s)});
        for (char c : intPart)
            if (c != group)
                digits += c;
        digits += '.' + frac;
    } else if (hasDot || hasComma) {
        const char sep = hasDot ? '.' : ',';
        const std::size_t count =
            static_cast<std::size_t>(std::count(body.begin(), body.end(), sep));
        const auto pos = body.find(sep);
        const std::string intPart = body.substr(0, pos), frac = body.substr(pos + 1);
        if (count > 1) {
            if (!validGroups(body, sep))
                return refuse("number.not_a_number", {quoted(s)});
            for (char c : body)
                if (c != sep)
                    digits += c;
        } else if (frac.size() == 3 && intPart.size() <= 3 && allDigits(intPart) &&
                   intPart != "0" && allDigits(frac)) {
            // "1.200" is 1200 in Vietnamese usage and 1.2 in English: guessing either way
            // can move a factory by several bands, so ask for it to be written plainly.
            // "1234.567" cannot be a thousands group (that is "1.234.567"), so it is a decimal.
            std::string dec = frac;
            while (!dec.empty() && dec.back() == '0')
                dec.pop_back();
            return refuse("number.ambiguous",
                          {quoted(s), intPart + frac, intPart + (dec.empty() ? "" : "." + dec),
                           intPart + (dec.empty() ? "" : "," + dec)});
        } else {
            if (!allDigits(frac) || (!intPart.empty() && !allDigits(intPart)) ||
                (intPart.empty() && frac.empty()))
                return refuse("number.not_a_number", {quoted(s)});
            digits = (intPart.empty() ? "0" : intPart) + "." + frac;
        }
    } else {
        if (!allDigits(body))
            return refuse("number.not_a_number", {quoted(s)});
        digits = body;
    }
    double v = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(v))
        return refuse("number.not_a_number", {quoted(s)});
    return negative ? -v : v;
}

AnswerReading readAnswerText(const Criterion& criterion, std::string_view text,
                             const ChoiceLookup* lookup) {
    std::string_view t = trim(text);
    if (t.empty())
        return missing();
    switch (criterion.input) {
        case InputType::YesNo: {
            if (auto b = parseYesNo(t))
                return answered(*b ? 1.0 : 0.0);
            return invalid("answer.not_yes_no", {quoted(t)});
        }
        case InputType::Choice:
            return readChoice(criterion, t, lookup);
        case InputType::Percent:
            if (t.back() == '%')
                t = trim(t.substr(0, t.size() - 1));
            [[fallthrough]];
        case InputType::Bands: {
            Problem why;
            if (auto v = parseNumberText(t, &why))
                return readNumber(criterion, *v);
            return {AnswerStatus::Invalid, kInvalid, std::move(why)};
        }
    }
    return invalid("answer.unknown_input", {});
}

AnswerReading readAnswer(const Criterion& criterion, const AnswerValue& raw,
                         const ChoiceLookup* lookup) {
    if (const auto* text = std::get_if<std::string>(&raw))
        return readAnswerText(criterion, *text, lookup);
    if (const auto* b = std::get_if<bool>(&raw)) {
        if (criterion.input == InputType::YesNo)
            return answered(*b ? 1.0 : 0.0);
        return invalid("answer.bool_not_valid", {*b ? "true" : "false"});
    }
    const double v = std::get<double>(raw);
    if (std::isnan(v))
        return missing();
    switch (criterion.input) {
        case InputType::YesNo:
            if (v == 1.0 || v == 0.0)
                return answered(v);
            return invalid("answer.number_not_yes_no", {shortestNumber(v)});
        case InputType::Choice:
            return readChoice(criterion, shortestNumber(v), lookup);
        case InputType::Bands:
        case InputType::Percent:
            return readNumber(criterion, v);
    }
    return invalid("answer.unknown_input", {});
}

}  // namespace safemap
