#pragma once
// Errors and numbers as the window shows them: in the UI language the user chose.

#include <QString>

#include "core/result.h"
#include "core/text/display_format.h"

namespace safemap {

/// The language the window is shown in (the default QLocale's) as core's Language.
Language uiLanguage();
/// How the window writes numbers and dates: the style of the UI language (91,0 %, 65.457,
/// 26/06/2021 in Vietnamese), the same core uses for reasons and exports.
DisplayStyle uiDisplayStyle();
/// Numbers, dates and lengths in uiDisplayStyle(), as Qt text.
QString uiCount(long long value);
QString uiDecimal(double value, int decimals);
QString uiDate(const Date& date);
QString uiLength(double metres);

/// An error for people in the UI language: its catalogue sentence with file, row and column
/// ("data.csv, dòng 3, cột so_lao_dong: …"), one line per further problem.
QString errorText(const Error& error);

}  // namespace safemap
