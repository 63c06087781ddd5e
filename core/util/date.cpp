#include "core/util/date.h"

#include <charconv>
#include <cstdio>

namespace safemap {

namespace {
bool number(std::string_view s, int& out) {
    if (s.empty())
        return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

std::optional<Date> make(int y, int m, int d) {
    Date date{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
              std::chrono::day(static_cast<unsigned>(d))};
    if (!date.ok() || y < 1900 || y > 2200)
        return std::nullopt;
    return date;
}
}  // namespace

std::optional<Date> parseDate(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    // Spreadsheet drivers may hand us "2021-06-01T00:00:00" or "2021/06/01 00:00:00".
    if (text.size() > 10 && (text[10] == 'T' || text[10] == ' '))
        text = text.substr(0, 10);
    int y = 0, m = 0, d = 0;
    if (text.size() == 10 && (text[4] == '-' || text[4] == '/') && text[7] == text[4]) {
        if (number(text.substr(0, 4), y) && number(text.substr(5, 2), m) &&
            number(text.substr(8, 2), d))
            return make(y, m, d);
        return std::nullopt;
    }
    // D/M/YYYY or DD/MM/YYYY
    auto s1 = text.find('/');
    auto s2 = s1 == std::string_view::npos ? s1 : text.find('/', s1 + 1);
    if (s2 == std::string_view::npos)
        return std::nullopt;
    if (number(text.substr(0, s1), d) && number(text.substr(s1 + 1, s2 - s1 - 1), m) &&
        number(text.substr(s2 + 1), y) && text.size() - s2 - 1 == 4)
        return make(y, m, d);
    return std::nullopt;
}

std::string formatDate(const Date& date) {
    // By hand rather than snprintf: a million rows per import format their dates.
    const int y = static_cast<int>(date.year());
    const unsigned m = static_cast<unsigned>(date.month()), d = static_cast<unsigned>(date.day());
    if (y < 0 || y > 9999)
        return "0000-00-00";
    std::string out(10, '-');
    out[0] = static_cast<char>('0' + y / 1000);
    out[1] = static_cast<char>('0' + y / 100 % 10);
    out[2] = static_cast<char>('0' + y / 10 % 10);
    out[3] = static_cast<char>('0' + y % 10);
    out[5] = static_cast<char>('0' + m / 10);
    out[6] = static_cast<char>('0' + m % 10);
    out[8] = static_cast<char>('0' + d / 10);
    out[9] = static_cast<char>('0' + d % 10);
    return out;
}

int daysBetween(const Date& a, const Date& b) {
    return static_cast<int>((std::chrono::sys_days(b) - std::chrono::sys_days(a)).count());
}

Date today() {
    return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

}  // namespace safemap
