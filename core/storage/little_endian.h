#pragma once

#include <bit>
#include <cstdint>
#include <type_traits>

namespace safemap::le {

// Fixed-size values in stored blobs are little-endian whatever the host: a project file
// moves between machines.
template <class T>
using Bits =
    std::conditional_t<sizeof(T) == 8, uint64_t,
                       std::conditional_t<sizeof(T) == 4, uint32_t,
                                          std::conditional_t<sizeof(T) == 2, uint16_t, uint8_t>>>;

/// Writes `value` at `p` and returns the byte after it.
template <class T>
uint8_t* put(uint8_t* p, T value) {
    const auto bits = std::bit_cast<Bits<T>>(value);
    for (size_t i = 0; i < sizeof(T); ++i)
        *p++ = static_cast<uint8_t>(bits >> (8 * i));
    return p;
}

template <class T>
T get(const uint8_t* p) {
    Bits<T> bits = 0;
    for (size_t i = 0; i < sizeof(T); ++i)
        bits = static_cast<Bits<T>>(bits | (static_cast<Bits<T>>(p[i]) << (8 * i)));
    return std::bit_cast<T>(bits);
}

}  // namespace safemap::le
