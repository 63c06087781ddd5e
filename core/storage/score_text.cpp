#include "core/storage/score_text.h"

#include <charconv>

namespace safemap {

std::string idsOfMask(const CriteriaSet& set, uint64_t mask) {
    std::string out;
    for (size_t k = 0; k < set.indices.size() && k < 64; ++k)
        if (mask >> k & 1) {
            if (!out.empty())
                out += ',';
            out += set.indices[k].id;
        }
    return out;
}

std::string vetoIdsOfMask(const CriteriaSet& set, uint32_t mask) {
    std::string out;
    for (size_t v = 0; v < set.vetoes.size() && v < 32; ++v)
        if (mask >> v & 1) {
            if (!out.empty())
                out += ',';
            out += set.vetoes[v].id;
        }
    return out;
}

std::string pointsText(std::span<const double> points) {
    std::string text;
    char buf[32];
    for (size_t j = 0; j < points.size(); ++j) {
        if (j)
            text += ',';
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, points[j]);
        text.append(buf, ec == std::errc() ? static_cast<size_t>(end - buf) : 0);
    }
    return text;
}

}  // namespace safemap
