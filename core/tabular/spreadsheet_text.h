#pragma once

#include <string>
#include <string_view>

namespace safemap {

/// True when a spreadsheet would read `text` as the start of a formula if a user typed it
/// into a cell or opened it from a CSV file: it begins with = + - @, a tab or a carriage
/// return (the OWASP list for CSV injection).
inline bool looksLikeFormula(std::string_view text) {
    if (text.empty())
        return false;
    const char c = text.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/// `text` as a cell that stays text: a leading apostrophe before anything that would start a
/// formula ("=HYPERLINK(…)" becomes "'=HYPERLINK(…)"), as spreadsheets themselves mark
/// text. Other text comes back unchanged. For the text cells of CSV and XLSX exports only;
/// numbers and dates are written by the exporter, never through this.
inline std::string spreadsheetText(std::string_view text) {
    std::string out;
    if (looksLikeFormula(text)) {
        out.reserve(text.size() + 1);
        out += '\'';
    }
    out += text;
    return out;
}

}  // namespace safemap
