#pragma once
// Core and gis speak UTF-8 std::string; every widget speaks QString. The one conversion the
// window's files share, so each does not carry its own copy.

#include <QString>
#include <string_view>

namespace safemap {

inline QString qs(std::string_view utf8) {
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

}  // namespace safemap
