#include "core/util/timestamp.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace safemap {

std::time_t generationTime() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        long long seconds = 0;
        const char* end = epoch + std::strlen(epoch);
        auto [p, ec] = std::from_chars(epoch, end, seconds);
        if (ec == std::errc() && p == end && seconds >= 0)
            return static_cast<std::time_t>(seconds);
    }
    return std::time(nullptr);
}

std::string formatLocalTimestamp(std::time_t when) {
    std::tm local{};
    localtime_r(&when, &local);
    char buf[64];  // room for any int year, so -Wformat-truncation has nothing to say
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", local.tm_year + 1900,
                  local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min);
    return buf;
}

}  // namespace safemap
