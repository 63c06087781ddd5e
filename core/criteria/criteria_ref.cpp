#include "core/criteria/criteria_ref.h"

#include <charconv>

namespace safemap {

std::optional<CriteriaRef> parseCriteriaRef(std::string_view key) {
    const auto at = key.rfind('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= key.size())
        return std::nullopt;
    const std::string_view digits = key.substr(at + 1);
    int version = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits[0] == '+' ||
        version < 1 || version > 1000000)
        return std::nullopt;
    return CriteriaRef{std::string(key.substr(0, at)), version};
}

}  // namespace safemap
