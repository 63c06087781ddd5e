#include "core/model/zone_names.h"

#include <array>
#include <vector>

#include "core/text/fold.h"

namespace safemap {

namespace {

std::vector<std::string> words(std::string_view folded) {
    std::vector<std::string> out;
    std::string word;
    for (char c : folded) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum) {
            word += c;
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty())
        out.push_back(std::move(word));
    return out;
}

void append(std::vector<std::string>& out, std::initializer_list<const char*> ws) {
    for (const char* w : ws)
        out.emplace_back(w);
}

std::vector<std::string> expandAbbreviations(const std::vector<std::string>& in) {
    std::vector<std::string> out;
    for (const std::string& w : in) {
        const bool afterArea = !out.empty() && (out.back() == "khu" || out.back() == "cum");
        if (w == "kcn")
            append(out, {"khu", "cong", "nghiep"});
        else if (w == "ccn")
            append(out, {"cum", "cong", "nghiep"});
        else if (w == "kkt")
            append(out, {"khu", "kinh", "te"});
        else if (w == "kktck")
            append(out, {"khu", "kinh", "te", "cua", "khau"});
        else if (w == "kcnc")
            append(out, {"khu", "cong", "nghe", "cao"});
        else if (w == "cnc")
            append(out, {"cong", "nghe", "cao"});
        else if (w == "cn" && afterArea)
            append(out, {"cong", "nghiep"});
        else if (w == "kt" && afterArea)
            append(out, {"kinh", "te"});
        else
            out.push_back(w);
    }
    return out;
}

bool startsWith(const std::vector<std::string>& ws, std::initializer_list<const char*> prefix) {
    if (ws.size() < prefix.size())
        return false;
    size_t i = 0;
    for (const char* p : prefix)
        if (ws[i++] != p)
            return false;
    return true;
}

}  // namespace

ZoneNameKey zoneNameKey(std::string_view name) {
    std::vector<std::string> ws = expandAbbreviations(words(foldForSearch(name)));
    static constexpr std::array<std::string_view, 10> kRoman{"i",  "ii",  "iii",  "iv", "v",
                                                             "vi", "vii", "viii", "ix", "x"};
    if (ws.size() >= 2) {
        for (size_t i = 0; i < kRoman.size(); ++i)
            if (ws.back() == kRoman[i]) {
                ws.back() = std::to_string(i + 1);
                break;
            }
    }
    ZoneNameKey key;
    size_t skip = 0;
    if (startsWith(ws, {"khu", "cong", "nghiep"})) {
        key.kind = ZoneKind::IndustrialZone;
        skip = 3;
    } else if (startsWith(ws, {"cum", "cong", "nghiep"})) {
        key.kind = ZoneKind::IndustrialCluster;
        skip = 3;
    } else if (startsWith(ws, {"khu", "kinh", "te"})) {
        key.kind = ZoneKind::EconomicZone;
        skip = startsWith(ws, {"khu", "kinh", "te", "cua", "khau"}) ? 5 : 3;
    }
    for (size_t i = skip; i < ws.size(); ++i)
        key.core += (key.core.empty() ? "" : " ") + ws[i];
    return key;
}

}  // namespace safemap
