#pragma once

#include <ctime>
#include <string>

namespace safemap {

/// The moment a report or an export says it was made: now, or SOURCE_DATE_EPOCH (seconds
/// since 1970, the reproducible-builds convention) when that is set, so that tests and
/// archived runs can make byte-identical files.
std::time_t generationTime();

/// "YYYY-MM-DD HH:MM" in local time.
std::string formatLocalTimestamp(std::time_t when);

}  // namespace safemap
