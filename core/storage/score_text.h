#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/criteria/criteria_set.h"

namespace safemap {

// How every repository stores a score's masks and points as text (shared by the GeoPackage
// and the server, so a project pushed from one to the other reads the same).

/// The ids of the indices whose bits are set ("a,b,c"), in the set's order.
std::string idsOfMask(const CriteriaSet& set, uint64_t mask);
/// The ids of the vetoes whose bits are set.
std::string vetoIdsOfMask(const CriteriaSet& set, uint32_t mask);
/// "1,2,10,…": one score row's points in the set's index order.
std::string pointsText(std::span<const double> points);

/// The stored comma-separated id lists back into the set's bit masks.
template <class Items>
uint64_t maskOfIds(const Items& items, std::string_view text) {
    uint64_t mask = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find(',', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view id = text.substr(pos, end - pos);
        for (size_t k = 0; k < items.size() && k < 64; ++k)
            if (items[k].id == id)
                mask |= uint64_t{1} << k;
        pos = end + 1;
    }
    return mask;
}

}  // namespace safemap
