#include "core/tabular/csv_sniff.h"

#include <algorithm>
#include <array>
#include <vector>

namespace safemap {

namespace {

constexpr size_t kMaxRecords = 50;
constexpr size_t kMaxBytes = 64 * 1024;

/// Field counts of the first non-blank records, quote-aware.
std::vector<int> fieldCounts(std::string_view text, char delimiter) {
    std::vector<int> counts;
    int fields = 1;
    bool inQuotes = false;
    bool blank = true;
    const size_t end = std::min(text.size(), kMaxBytes);
    for (size_t i = 0; i < end && counts.size() < kMaxRecords; ++i) {
        const char c = text[i];
        if (c == '"') {
            inQuotes = !inQuotes;  // "" inside quotes toggles twice: no change
            blank = false;
        } else if (inQuotes) {
            continue;
        } else if (c == delimiter) {
            ++fields;
            blank = false;
        } else if (c == '\n' || c == '\r') {
            if (!blank)
                counts.push_back(fields);
            fields = 1;
            blank = true;
        } else {
            blank = false;
        }
    }
    if (!blank && counts.size() < kMaxRecords && end == text.size())
        counts.push_back(fields);
    return counts;
}

}  // namespace

char sniffDelimiter(std::string_view text) {
    constexpr std::array<char, 4> kCandidates{'\t', ';', ',', '|'};
    char best = ',';
    double bestShare = 0;
    int bestFields = 1;
    for (char candidate : kCandidates) {
        const std::vector<int> counts = fieldCounts(text, candidate);
        // The most common field count of two or more (title rows above the header, such as
        // "DANH SÁCH CƠ SỞ", split into one field and must not decide); ties: more fields.
        int mode = 0;
        int modeCount = 0;
        for (int n : counts) {
            if (n < 2)
                continue;
            const auto same = static_cast<int>(std::count(counts.begin(), counts.end(), n));
            if (same > modeCount || (same == modeCount && n > mode)) {
                mode = n;
                modeCount = same;
            }
        }
        if (mode < 2)
            continue;
        const double share = static_cast<double>(modeCount) / static_cast<double>(counts.size());
        if (share > bestShare || (share == bestShare && mode > bestFields)) {
            best = candidate;
            bestShare = share;
            bestFields = mode;
        }
    }
    return best;
}

char excelSeparatorLine(std::string_view text) {
    if (text.size() < 5 || text.substr(0, 4) != "sep=")
        return 0;
    const std::string_view rest = text.substr(5);
    if (!rest.empty() && rest.front() != '\n' && rest.front() != '\r')
        return 0;
    return text[4];
}

}  // namespace safemap
