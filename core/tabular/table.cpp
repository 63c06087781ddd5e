#include "core/tabular/table.h"

#include "core/text/fold.h"

namespace safemap {

int Table::column(std::string_view name) const {
    const std::string wanted = foldForSearch(name);
    for (size_t i = 0; i < header.size(); ++i) {
        if (foldForSearch(header[i]) == wanted)
            return static_cast<int>(i);
    }
    return -1;
}

std::string_view Table::cell(const TableRow& row, int column) const {
    if (column < 0 || static_cast<uint32_t>(column) >= row.cellCount)
        return {};
    const uint32_t index = row.firstCell + static_cast<uint32_t>(column);
    const uint32_t begin = index == 0 ? 0 : cellEnds[index - 1];
    return std::string_view(cellText).substr(begin, cellEnds[index] - begin);
}

void Table::addRow(long row, long line, const std::vector<std::string_view>& cells) {
    TableRow r;
    r.row = row;
    r.line = line;
    r.firstCell = static_cast<uint32_t>(cellEnds.size());
    r.cellCount = static_cast<uint32_t>(cells.size());
    for (std::string_view c : cells) {
        cellText.append(c);
        cellEnds.push_back(static_cast<uint32_t>(cellText.size()));
    }
    rows.push_back(r);
}

int Table::firstColumn(std::initializer_list<std::string_view> names) const {
    for (std::string_view n : names)
        if (int c = column(n); c >= 0)
            return c;
    return -1;
}

}  // namespace safemap
