#include "core/tabular/header_row.h"

#include <algorithm>
#include <unordered_set>

#include "core/errors/error_catalogue.h"
#include "core/text/fold.h"
#include "core/text/trim.h"

namespace safemap {

namespace {

bool isBlank(std::string_view cell) {
    for (char c : cell)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    return true;
}

size_t knownCells(const Table& table, const TableRow& row,
                  const std::unordered_set<std::string>& keys) {
    std::unordered_set<std::string> seen;
    for (uint32_t c = 0; c < row.cellCount; ++c) {
        const std::string_view cell = table.cell(row, static_cast<int>(c));
        if (isBlank(cell))
            continue;
        if (std::string key = foldToKey(cell); keys.count(key))
            seen.insert(std::move(key));
    }
    return seen.size();
}

size_t chooseIndex(const Table& table, const std::vector<std::string>& knownNames) {
    const size_t window = std::min(table.rows.size(), kHeaderSearchRows);
    if (!knownNames.empty()) {
        std::unordered_set<std::string> keys;
        for (const auto& n : knownNames)
            keys.insert(foldToKey(n));
        size_t best = 0;
        size_t bestHits = 0;
        for (size_t i = 0; i < window; ++i) {
            const size_t hits = knownCells(table, table.rows[i], keys);
            if (hits > bestHits) {
                best = i;
                bestHits = hits;
            }
        }
        // One known word may be chance ("X" in a title); two are a header.
        if (bestHits >= 2)
            return best;
    }
    std::vector<int> filled(window);
    int widest = 0;
    for (size_t i = 0; i < window; ++i) {
        filled[i] = nonEmptyCells(table, table.rows[i]);
        widest = std::max(widest, filled[i]);
    }
    size_t chosen = 0;
    while (chosen + 1 < window && filled[chosen] <= 2 && filled[chosen] * 2 < widest)
        ++chosen;
    return chosen;
}

}  // namespace

int nonEmptyCells(const Table& table, const TableRow& row) {
    int n = 0;
    for (uint32_t c = 0; c < row.cellCount; ++c)
        n += isBlank(table.cell(row, static_cast<int>(c))) ? 0 : 1;
    return n;
}

Status chooseHeaderRow(Table& table, const std::vector<std::string>& knownNames) {
    if (table.rows.empty())
        return codedError("table.no_header", {}, table.fileName);
    const size_t index = chooseIndex(table, knownNames);
    const TableRow headerRecord = table.rows[index];
    table.header.clear();
    for (uint32_t c = 0; c < headerRecord.cellCount; ++c)
        table.header.emplace_back(trimmed(table.cell(headerRecord, static_cast<int>(c))));
    table.headerRow = headerRecord.row;
    table.titleRows.assign(table.rows.begin(),
                           table.rows.begin() + static_cast<std::ptrdiff_t>(index));
    table.rows.erase(table.rows.begin(),
                     table.rows.begin() + static_cast<std::ptrdiff_t>(index) + 1);
    return fitRowsToHeader(table);
}

Status fitRowsToHeader(Table& table) {
    const auto width = static_cast<uint32_t>(table.header.size());
    for (TableRow& row : table.rows) {
        if (row.cellCount <= width)
            continue;
        // Trailing empty cells (a delimiter at the end of the line, a padded export) are
        // harmless; a value with no column name is not.
        uint32_t last = row.cellCount;
        while (last > width && isBlank(table.cell(row, static_cast<int>(last - 1))))
            --last;
        if (last > width)
            return codedError("table.too_many_cells", {std::to_string(last), std::to_string(width)},
                              table.fileName, row.row);
        row.cellCount = width;  // only blanks beyond: a row never has more cells than columns
    }
    return {};
}

}  // namespace safemap
