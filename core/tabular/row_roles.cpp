#include "core/tabular/row_roles.h"

#include <array>

#include "core/tabular/header_row.h"
#include "core/text/fold.h"
#include "core/text/trim.h"

namespace safemap {

namespace {

// "(3)", "3", "3." → 3; anything else → -1.
long columnNumber(std::string_view cell) {
    cell = trimmed(cell);
    if (cell.size() >= 2 && cell.front() == '(' && cell.back() == ')')
        cell = cell.substr(1, cell.size() - 2);
    if (!cell.empty() && cell.back() == '.')
        cell.remove_suffix(1);
    if (cell.empty() || cell.size() > 3)
        return -1;
    long n = 0;
    for (char c : cell) {
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

bool isColumnNumberRow(const Table& table, const TableRow& row) {
    long previous = 0;
    int numbered = 0;
    for (uint32_t c = 0; c < row.cellCount; ++c) {
        const std::string_view cell = trimmed(table.cell(row, static_cast<int>(c)));
        if (cell.empty())
            continue;
        const long n = columnNumber(cell);
        if (n <= previous)
            return false;
        previous = n;
        ++numbered;
    }
    // Every named column numbered, or nearly: a form may leave a merged column out.
    const int named = static_cast<int>(table.header.size());
    return numbered >= 2 && numbered * 2 >= named;
}

bool startsWithWord(std::string_view text, std::string_view word) {
    if (text.substr(0, word.size()) != word)
        return false;
    return text.size() == word.size() || text[word.size()] == ' ' || text[word.size()] == ':';
}

}  // namespace

std::string_view firstText(const Table& table, const TableRow& row) {
    for (uint32_t c = 0; c < row.cellCount; ++c)
        if (auto cell = trimmed(table.cell(row, static_cast<int>(c))); !cell.empty())
            return cell;
    return {};
}

bool isTotalLabel(std::string_view cell) {
    std::string text = lowerVietnamese(trimmed(cell));
    // What follows a colon or an opening bracket is the figure: "Tổng cộng: 25 cơ sở".
    if (const size_t cut = text.find_first_of(":("); cut != std::string::npos)
        text.resize(cut);
    while (!text.empty() && (text.back() == ' ' || text.back() == '.'))
        text.pop_back();
    static constexpr std::array<std::string_view, 10> kLabels{
        "tổng", "tổng cộng",   "tổng số",  "cộng",      "total",
        "sum",  "grand total", "subtotal", "tong cong", "tong so"};
    for (std::string_view label : kLabels)
        if (text == label)
            return true;
    // "Cộng KCN Đồng Văn": a subtotal. "Công ty …" has another vowel, so it never gets here.
    return startsWithWord(text, "cộng") || startsWithWord(text, "tổng cộng");
}

bool isSignatureText(std::string_view cell) {
    const std::string text = foldForSearch(trimmed(cell));
    static constexpr std::array<std::string_view, 16> kWords{
        "nguoi lap",    "nguoi ky",   "ky ten",       "ky, ghi ro", "ky ghi ro", "ghi ro ho ten",
        "giam doc",     "truong ban", "truong phong", "thu truong", "chu tich",  "noi nhan",
        "xac nhan cua", "dong dau",   "can bo lap",   "nguoi duyet"};
    for (std::string_view w : kWords)
        if (text.find(w) != std::string::npos)
            return true;
    for (std::string_view prefix : {"kt.", "tm.", "tl.", "kt ", "tm "})
        if (text.substr(0, prefix.size()) == prefix && text.size() > prefix.size() + 2)
            return true;
    // "Hà Nam, ngày 26 tháng 6 năm 2021"
    const size_t day = text.find("ngay ");
    const size_t month = text.find(" thang ");
    const size_t year = text.find(" nam ");
    return day != std::string::npos && month != std::string::npos && year != std::string::npos &&
           day < month && month < year;
}

std::vector<RowRole> tableRowRoles(const Table& table) {
    RowRoleState state;
    return tableRowRoles(table, state);
}

std::vector<RowRole> tableRowRoles(const Table& table, RowRoleState& state) {
    std::vector<RowRole> roles(table.rows.size(), RowRole::Data);
    bool& inSignature = state.inSignature;
    for (size_t i = 0; i < table.rows.size(); ++i) {
        const TableRow& row = table.rows[i];
        const bool firstRow = !state.started;
        state.started = true;
        if (firstRow && isColumnNumberRow(table, row)) {
            roles[i] = RowRole::ColumnNumbers;
            continue;
        }
        const int filled = nonEmptyCells(table, row);
        if (filled <= 2) {
            bool signature = false;
            for (uint32_t c = 0; c < row.cellCount && !signature; ++c)
                signature = isSignatureText(table.cell(row, static_cast<int>(c)));
            if (signature || inSignature) {
                roles[i] = RowRole::Signature;
                inSignature = true;
                continue;
            }
        }
        inSignature = false;
        if (isTotalLabel(firstText(table, row)))
            roles[i] = RowRole::Total;
    }
    return roles;
}

}  // namespace safemap
