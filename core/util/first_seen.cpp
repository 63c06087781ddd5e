#include "core/util/first_seen.h"

#include <algorithm>
#include <bit>
#include <functional>

namespace safemap {

namespace {
uint64_t hashOf(std::string_view id) {
    return std::hash<std::string_view>{}(id);
}
}  // namespace

void FirstSeen::reserve(std::size_t ids) {
    entries_.reserve(ids);
    if (ids * 2 > slots_.size())
        grow(std::bit_ceil(ids * 2));
}

void FirstSeen::grow(std::size_t slots) {
    slots_.assign(slots, Slot{});
    const std::size_t mask = slots - 1;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const uint64_t hash = hashOf(idOf(entries_[i]));
        std::size_t at = hash & mask;
        while (slots_[at].entry)
            at = (at + 1) & mask;
        slots_[at] = {static_cast<uint32_t>(hash >> 32), static_cast<uint32_t>(i + 1)};
    }
}

std::size_t FirstSeen::probe(std::string_view id, uint64_t hash) const {
    const auto tag = static_cast<uint32_t>(hash >> 32);
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = hash & mask;
    for (; slots_[at].entry; at = (at + 1) & mask)
        if (slots_[at].hash == tag && idOf(entries_[slots_[at].entry - 1]) == id)
            break;
    return at;
}

std::optional<long> FirstSeen::find(std::string_view id) const {
    if (slots_.empty())
        return std::nullopt;
    const Slot& s = slots_[probe(id, hashOf(id))];
    return s.entry ? std::optional<long>(entries_[s.entry - 1].row) : std::nullopt;
}

std::optional<long> FirstSeen::add(std::string_view id, long row) {
    if ((entries_.size() + 1) * 2 > slots_.size())
        grow(std::max<std::size_t>(16, slots_.size() * 2));
    const uint64_t hash = hashOf(id);
    const std::size_t at = probe(id, hash);
    if (slots_[at].entry)
        return entries_[slots_[at].entry - 1].row;
    slots_[at] = {static_cast<uint32_t>(hash >> 32), static_cast<uint32_t>(entries_.size() + 1)};
    entries_.push_back({text_.size(), id.size(), row});
    text_.append(id);
    return std::nullopt;
}

}  // namespace safemap
