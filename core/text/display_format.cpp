#include "core/text/display_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace safemap {

namespace {

// Inserts the group separator every three digits of an unsigned digit string.
std::string grouped(std::string_view digits, const std::string& separator) {
    std::string out;
    out.reserve(digits.size() + digits.size() / 3 * separator.size());
    const size_t lead = digits.size() % 3;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (i + 3 - lead) % 3 == 0)
            out += separator;
        out += digits[i];
    }
    return out;
}

// "1234.5" (as std::to_chars writes it) in the style: sign, grouped integer part, decimals.
std::string styled(std::string_view plain, const DisplayStyle& style) {
    std::string out;
    if (!plain.empty() && plain.front() == '-') {
        out += '-';
        plain.remove_prefix(1);
    }
    const size_t dot = plain.find('.');
    out += grouped(plain.substr(0, dot), style.groupSeparator);
    if (dot != std::string_view::npos)
        out += style.decimalPoint + std::string(plain.substr(dot + 1));
    return out;
}

}  // namespace

Language languageFromCode(std::string_view code) {
    return code == "en" ? Language::English : Language::Vietnamese;
}

std::string_view languageCode(Language language) {
    return language == Language::English ? "en" : "vi";
}

DisplayStyle displayStyle(Language language) {
    if (language == Language::English)
        return DisplayStyle{Language::English, ".", ",", DateOrder::Iso};
    return DisplayStyle{Language::Vietnamese, ",", ".", DateOrder::DayMonthYear};
}

std::string formatCount(long long value, const DisplayStyle& style) {
    return styled(std::to_string(value), style);
}

std::string formatDecimal(double value, int decimals, const DisplayStyle& style) {
    if (!std::isfinite(value))
        return "—";
    char buf[64];
    auto [end, ec] =
        std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    if (ec != std::errc())
        return "—";
    std::string_view plain(buf, static_cast<size_t>(end - buf));
    // "-0.0" reads as a mistake; a value that rounds to zero is zero.
    if (plain.front() == '-' && plain.find_first_not_of("-0.") == std::string_view::npos)
        plain.remove_prefix(1);
    return styled(plain, style);
}

std::string formatPercent(double value, const DisplayStyle& style, int decimals) {
    return formatDecimal(value, decimals, style) + " %";
}

std::string formatNumber(double value, const DisplayStyle& style) {
    if (!std::isfinite(value))
        return "—";
    // Six significant digits at most, then the trailing zeros dropped: 2.5, 7, 0.25.
    const double magnitude = std::fabs(value);
    const int integerDigits =
        magnitude < 1 ? 1 : static_cast<int>(std::floor(std::log10(magnitude))) + 1;
    const int decimals = std::clamp(6 - integerDigits, 0, 6);
    std::string text = formatDecimal(value, decimals, style);
    if (decimals > 0) {
        while (text.back() == '0')
            text.pop_back();
        if (text.size() >= style.decimalPoint.size() &&
            text.compare(text.size() - style.decimalPoint.size(), style.decimalPoint.size(),
                         style.decimalPoint) == 0)
            text.resize(text.size() - style.decimalPoint.size());
    }
    return text == "-0" ? "0" : text;
}

std::string formatLength(double metres, const DisplayStyle& style) {
    std::string out = formatNumber(metres >= 1000 ? metres / 1000 : metres, style);
    out += metres >= 1000 ? " km" : " m";
    return out;
}

std::string formatDateFor(const Date& date, const DisplayStyle& style) {
    if (style.dateOrder == DateOrder::Iso)
        return formatDate(date);
    // By hand rather than snprintf, as formatDate: a list's reasons format 100,000 dates.
    const std::string iso = formatDate(date);  // "yyyy-mm-dd", zeros outside years 0-9999
    return {iso[8], iso[9], '/', iso[5], iso[6], '/', iso[0], iso[1], iso[2], iso[3]};
}

}  // namespace safemap
