#pragma once
// Numbers and dates written for people: the one place that decides how each language writes
// them. Core produces values (percentages, counts, dates); whatever a person reads — the
// window's cells, tooltips and status bar, the reasons of a list, the human columns of an
// export — is worded here, so "91,0 %" in a cell and its tooltip never disagree.

#include <string>
#include <string_view>

#include "core/util/date.h"

namespace safemap {

/// The languages people read SafeMap in.
enum class Language { Vietnamese, English };

/// "vi" → Vietnamese, "en" → English; anything else → Vietnamese (SafeMap's default).
Language languageFromCode(std::string_view code);
std::string_view languageCode(Language language);  ///< "vi", "en"

/// How a date is written for people.
enum class DateOrder {
    DayMonthYear,  ///< 26/06/2021, as Vietnamese documents write it
    Iso,           ///< 2021-06-26: unambiguous for every English reader
};

/// \brief How numbers and dates are written for people in one language.
struct DisplayStyle {
    Language language = Language::Vietnamese;
    std::string decimalPoint = ",";
    std::string groupSeparator = ".";
    DateOrder dateOrder = DateOrder::DayMonthYear;
    friend bool operator==(const DisplayStyle&, const DisplayStyle&) = default;
};

/// The style of each language: Vietnamese 65.457 / 91,0 % / 26/06/2021; English 65,457 /
/// 91.0 % / 2021-06-26. The window derives its style from the locale (app/gui/display.h),
/// which gives the same separators for vi_VN and for the usual English locales.
DisplayStyle displayStyle(Language language);

/// A whole number with thousands groups: 65.457 (vi), 65,457 (en); -1.250.
std::string formatCount(long long value, const DisplayStyle& style);
/// A number with exactly `decimals` decimals, grouped: 1.234,5 (vi), 1,234.5 (en).
std::string formatDecimal(double value, int decimals, const DisplayStyle& style);
/// A percentage with `decimals` decimals and a space before the sign: 91,0 % (vi), 91.0 % (en).
std::string formatPercent(double value, const DisplayStyle& style, int decimals = 1);
/// A measured value as short as it can be written exactly to 6 significant digits: 7, 2,5,
/// 0,25, 1.250 (vi); 7, 2.5, 0.25, 1,250 (en). For points, answers and thresholds.
std::string formatNumber(double value, const DisplayStyle& style);
/// A length on the ground as a scale bar labels it: metres below 1 km, else kilometres, the
/// number written as formatNumber does: 500 m, 2 km, 0,5 km never (1-2-5 lengths), 2.000 km
/// (vi), 2,000 km (en).
std::string formatLength(double metres, const DisplayStyle& style);
/// A date: 26/06/2021 (vi), 2021-06-26 (en).
std::string formatDateFor(const Date& date, const DisplayStyle& style);

}  // namespace safemap
