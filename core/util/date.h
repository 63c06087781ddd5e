#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace safemap {

using Date = std::chrono::year_month_day;

/// Parses "YYYY-MM-DD" and also "DD/MM/YYYY" (how Vietnamese spreadsheets write dates).
std::optional<Date> parseDate(std::string_view text);
/// Always "YYYY-MM-DD", the form the store keeps.
std::string formatDate(const Date& date);
/// Whole days from a to b (b - a).
int daysBetween(const Date& a, const Date& b);
Date today();

}  // namespace safemap
