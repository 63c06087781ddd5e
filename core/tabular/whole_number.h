#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/errors/problem.h"

namespace safemap {

/// \brief A cell read as a count (workers, people): a whole number, or why it is not one.
struct WholeNumberReading {
    std::optional<long long> value;  ///< empty for a blank cell or a problem
    Problem problem;                 ///< empty when the cell is fine or blank
};

/// Reads a count as offices write it. A count has no fraction, so a '.', ',' or space
/// between groups of three digits can only separate thousands: "1250", "1.250", "1,250",
/// "1 250" and "1.250.000" are whole numbers, as are spreadsheet forms with zero decimals
/// ("1250.0", "1.250,00"). Anything with a real fraction ("12.5", "1,5", "1.25") is refused
/// rather than guessed, as is text that is no number. A leading '-' gives a negative value
/// (the caller decides whether that is allowed).
WholeNumberReading readWholeNumber(std::string_view text);

}  // namespace safemap
