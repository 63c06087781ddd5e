#include "core/criteria/risk_level.h"

#include <array>

namespace safemap {

namespace {
struct LevelNames {
    std::string_view code;
    std::string_view vi;
    std::string_view en;
};

constexpr std::array<LevelNames, kRiskLevelCount> kNames{{
    {"very_low", "nguy cơ rất thấp", "very low risk"},
    {"low", "nguy cơ thấp", "low risk"},
    {"medium", "nguy cơ trung bình", "medium risk"},
    {"high", "nguy cơ cao", "high risk"},
    {"very_high", "nguy cơ rất cao", "very high risk"},
}};

const LevelNames& names(RiskLevel level) {
    return kNames[static_cast<std::size_t>(level)];
}
}  // namespace

std::string_view riskLevelCode(RiskLevel level) {
    return names(level).code;
}
std::string_view riskLevelLabelVi(RiskLevel level) {
    return names(level).vi;
}
std::string_view riskLevelLabelEn(RiskLevel level) {
    return names(level).en;
}

std::optional<RiskLevel> riskLevelFromCode(std::string_view code) {
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i].code == code)
            return static_cast<RiskLevel>(i);
    return std::nullopt;
}

}  // namespace safemap
