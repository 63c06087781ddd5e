#include "core/tabular/whole_number.h"

#include <limits>
#include <vector>

#include "core/text/trim.h"

namespace safemap {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

/// Splits "1.250,00" into its digit runs and the separators between them. False if the text
/// holds anything but digits and separators, or two separators in a row.
bool splitGroups(std::string_view s, std::vector<std::string_view>& groups,
                 std::string& separators) {
    size_t i = 0;
    while (i < s.size()) {
        const size_t start = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i == start)
            return false;
        groups.push_back(s.substr(start, i - start));
        if (i == s.size())
            break;
        // A no-break or thin space (UTF-8) separates thousands as a space does.
        if (s.substr(i, 2) == "\xC2\xA0") {
            separators += ' ';
            i += 2;
        } else if (s.substr(i, 3) == "\xE2\x80\xAF" || s.substr(i, 3) == "\xE2\x80\x89") {
            separators += ' ';
            i += 3;
        } else if (s[i] == '.' || s[i] == ',' || s[i] == ' ' || s[i] == '\'') {
            separators += s[i];
            ++i;
        } else {
            return false;
        }
        if (i == s.size())
            return false;
    }
    return !groups.empty();
}

bool allZeros(std::string_view digits) {
    for (char c : digits)
        if (c != '0')
            return false;
    return true;
}

}  // namespace

WholeNumberReading readWholeNumber(std::string_view text) {
    WholeNumberReading r;
    const std::string_view raw = trimmed(text);
    if (raw.empty())
        return r;
    std::string_view s = raw;
    bool negative = false;
    if (s.front() == '-' || s.front() == '+') {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    std::string quoted = "\"";  // appended: g++ 12 -O3 -Wrestrict false positive on "\"" + string&&
    quoted += raw;
    quoted += '"';
    std::vector<std::string_view> groups;
    std::string seps;
    if (!splitGroups(s, groups, seps)) {
        r.problem = quoted + " is not a number";
        return r;
    }
    // Zero decimals as spreadsheets write them: "1250.0", "1.250,00". The decimal mark is the
    // last separator, different from the thousands ones before it (or the only one, followed
    // by something other than three digits).
    if (groups.size() >= 2 && allZeros(groups.back()) &&
        (seps.back() == '.' || seps.back() == ',')) {
        const bool onlyOne = seps.size() == 1 && groups.back().size() != 3;
        const bool differs = seps.size() >= 2 && seps.back() != seps[seps.size() - 2];
        if (onlyOne || differs) {
            groups.pop_back();
            seps.pop_back();
        }
    }
    bool thousands = true;
    for (size_t i = 1; i < groups.size() && thousands; ++i)
        thousands = groups[i].size() == 3 && seps[i - 1] == seps[0];
    if (groups.size() > 1 && (!thousands || groups[0].size() > 3)) {
        const bool decimal = groups.size() == 2 && (seps[0] == '.' || seps[0] == ',');
        r.problem = decimal ? quoted +
                                  " is not a whole number: a count has no fraction (for "
                                  "thousands write 1250, 1.250 or 1,250)"
                            : quoted + " is not a number";
        return r;
    }
    long long value = 0;
    for (std::string_view g : groups)
        for (char c : g) {
            if (value > (std::numeric_limits<long long>::max() - 9) / 10) {
                r.problem = quoted + " is too large";
                return r;
            }
            value = value * 10 + (c - '0');
        }
    r.value = negative ? -value : value;
    return r;
}

}  // namespace safemap
