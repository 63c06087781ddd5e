#include "core/util/content_hash.h"

#include <cstdint>
#include <random>

namespace safemap {

namespace {

void appendHex(std::string& out, std::uint64_t v) {
    static constexpr char kDigits[] = "0123456789abcdef";
    for (int shift = 60; shift >= 0; shift -= 4)
        out += kDigits[(v >> shift) & 0xf];
}

}  // namespace

std::string contentHash(std::string_view bytes) {
    std::uint64_t a = 1469598103934665603ULL, b = 0x84222325cbf29ce4ULL ^ 0x5bd1e995ULL;
    for (unsigned char c : bytes) {
        a = (a ^ c) * 1099511628211ULL;
        b = (b ^ (c + 0x9eU)) * 0x100000001b3ULL + 0x7f4a7c15ULL;
    }
    std::string out;
    out.reserve(32);
    appendHex(out, a);
    appendHex(out, b);
    return out;
}

std::string randomId() {
    // One generator per thread, seeded from the system's random source once.
    thread_local std::mt19937_64 generator = [] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device(), device(), device()};
        return std::mt19937_64(seed);
    }();
    std::string out;
    out.reserve(32);
    appendHex(out, generator());
    appendHex(out, generator());
    return out;
}

}  // namespace safemap
