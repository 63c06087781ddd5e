#pragma once
// The first row each id was seen on, for finding duplicates in a file of 100,000 sites, or
// looking ids up by the hundreds of thousands (an assessment import finds each row's
// facility by its tax code). std::unordered_map<std::string, long> allocated a node per id
// and chased it through a bucket list: it was a tenth of a factory import's reading time.
// Here the ids are copied into one buffer and found through an open-addressed table of
// plain entries.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safemap {

class FirstSeen {
public:
    /// Room for `ids` without growing (a hint; more are still taken).
    void reserve(std::size_t ids);
    /// Records `id` as seen on `row` unless it was seen before: then the row it was first
    /// seen on, and nothing changes.
    std::optional<long> add(std::string_view id, long row);
    /// The row `id` was first seen on, if it was.
    std::optional<long> find(std::string_view id) const;
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::size_t offset = 0;  ///< into text_
        std::size_t length = 0;
        long row = 0;
    };
    /// Eight bytes, so the table of 100,000 ids fits in 2 MB: the probes are the cache
    /// misses here.
    struct Slot {
        uint32_t hash = 0;   ///< the upper half of the id's hash, to skip most compares
        uint32_t entry = 0;  ///< 1 + the index into entries_; 0 for an empty slot
    };
    void grow(std::size_t slots);
    /// The slot that holds `id`, or the empty one where it would go (the table is never full).
    std::size_t probe(std::string_view id, uint64_t hash) const;
    std::string_view idOf(const Entry& e) const { return {text_.data() + e.offset, e.length}; }

    std::vector<Slot> slots_;  ///< a power of two in size, at most half full
    std::vector<Entry> entries_;
    std::string text_;  ///< every id, one after another
};

}  // namespace safemap
