#pragma once

#include <string>
#include <string_view>

namespace safemap {

/// A 128-bit digest of `bytes` as 32 hex digits: two independent FNV-1a style hashes,
/// stable across platforms and releases (std::hash is neither). It tells whether content
/// changed or was damaged (an inspection record, a photo carried in a field package); it is
/// not a defence against someone forging content on purpose.
std::string contentHash(std::string_view bytes);

/// 32 random hex digits (128 bits from the system's random source): ids of field packages,
/// inspection records and photos, unique across every laptop that makes them.
std::string randomId();

}  // namespace safemap
