#pragma once

#include <optional>
#include <string_view>

namespace safemap {

/// Risk levels of Decision 1203/QĐ-BCĐ (and of the national risk map), lowest first.
/// The numeric order is the severity order, so levels compare with < and >.
enum class RiskLevel { VeryLow, Low, Medium, High, VeryHigh };

inline constexpr int kRiskLevelCount = 5;

/// "very_low", "low", "medium", "high", "very_high": the codes used in files and the store.
std::string_view riskLevelCode(RiskLevel level);
std::optional<RiskLevel> riskLevelFromCode(std::string_view code);
/// "nguy cơ rất thấp" … "nguy cơ rất cao", the wording of the decisions.
std::string_view riskLevelLabelVi(RiskLevel level);
/// "very low risk" … "very high risk".
std::string_view riskLevelLabelEn(RiskLevel level);

}  // namespace safemap
