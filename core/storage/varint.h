#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace safemap {

// LEB128 varints, as the stored answers and score blocks use them: small numbers (term
// ids, masks, id steps) in a byte or two instead of a fixed eight.

inline void putVarint(std::vector<uint8_t>& out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<uint8_t>(v));
}

inline uint64_t zigZag(int64_t v) {
    return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}

inline int64_t unZigZag(uint64_t v) {
    return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
}

/// Stored bytes read from the front; every read fails rather than run past the end.
struct Bytes {
    std::span<const uint8_t> data;
    size_t at = 0;

    size_t left() const { return data.size() - at; }

    bool varint(uint64_t& v) {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= data.size())
                return false;
            const uint8_t b = data[at++];
            v |= static_cast<uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80))
                return true;
        }
        return false;
    }

    bool byte(uint8_t& v) {
        if (at >= data.size())
            return false;
        v = data[at++];
        return true;
    }
};

}  // namespace safemap
