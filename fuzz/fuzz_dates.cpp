// The date parser (core/util/date): "YYYY-MM-DD", "DD/MM/YYYY" and the forms spreadsheet
// drivers hand over. An accepted date is a real day from 1900 to 2200 that formats and reads
// back to itself.
#include "core/util/date.h"
#include "fuzz_support.h"

using namespace safemap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::bytesOf(data, size);
    const auto date = parseDate(text);
    if (!date)
        return 0;
    FUZZ_CHECK(date->ok(), std::string(text));
    const int year = static_cast<int>(date->year());
    FUZZ_CHECK(year >= 1900 && year <= 2200, std::to_string(year));
    const std::string formatted = formatDate(*date);
    const auto again = parseDate(formatted);
    FUZZ_CHECK(again && *again == *date, formatted);
    FUZZ_CHECK(daysBetween(*date, *again) == 0, formatted);
    return 0;
}
