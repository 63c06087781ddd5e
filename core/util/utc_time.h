#pragma once

#include <string>

namespace safemap {

/// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ" (the form the store's logs use).
std::string utcTimestamp();

}  // namespace safemap
