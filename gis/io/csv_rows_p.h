#pragma once

#include <string_view>
#include <vector>

namespace safemap {

/// For each data record of a CSV text, in order, the row number a spreadsheet program shows
/// for it (header = row 1). GDAL numbers records, not lines: it skips empty lines and keeps
/// a quoted value with line breaks in one record; a spreadsheet shows the empty lines as
/// rows, so the two numberings drift apart without this.
std::vector<long> csvDataRowNumbers(std::string_view text);

}  // namespace safemap
