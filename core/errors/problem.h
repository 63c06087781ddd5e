#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace safemap {

/// \brief Why one value was refused, before anyone knows where it came from: a catalogue code
/// with its arguments (core/errors/error_catalogue.h). A reader that knows the file, row and
/// column turns it into an Error with at().
struct Problem {
    std::string code;
    std::vector<std::string> args;

    bool empty() const { return code.empty(); }
    /// The English sentence (what Error::message will say).
    std::string text() const;
    /// The same problem as an Error at a place.
    Error at(std::string file, long row = -1, std::string column = {}) const;
    friend bool operator==(const Problem&, const Problem&) = default;
};

inline Problem problemOf(std::string code, std::vector<std::string> args = {}) {
    return Problem{std::move(code), std::move(args)};
}

}  // namespace safemap
