#include "gis/io/csv_rows_p.h"

namespace safemap {

std::vector<long> csvDataRowNumbers(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    std::vector<long> rows;
    long row = 0;  // spreadsheet row of the record being read
    bool inQuotes = false;
    bool recordEmpty = true;
    bool headerSeen = false;
    auto endRecord = [&] {
        ++row;
        if (!recordEmpty) {
            if (headerSeen)
                rows.push_back(row);
            else
                headerSeen = true;
        }
        recordEmpty = true;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            inQuotes = !inQuotes;  // "" inside quotes toggles twice: still inside
            recordEmpty = false;
        } else if ((c == '\n' || c == '\r') && !inQuotes) {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            endRecord();
        } else {
            recordEmpty = false;
        }
    }
    if (!recordEmpty)
        endRecord();
    return rows;
}

}  // namespace safemap
