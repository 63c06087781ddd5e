#pragma once

#include <string>
#include <string_view>

#include "core/criteria/criteria_set.h"
#include "core/result.h"

namespace safemap {

/// Reads and validates a criteria set (docs/criteria-format.md). A bad file gives one Error
/// whose `file` is fileName and whose message starts with the field's path and says what
/// was expected, e.g. `indices[3].bands[1].max: expected a number, got "abc"`. Array
/// positions in paths count from 0.
Result<CriteriaSet> parseCriteriaSet(std::string_view json, const std::string& fileName);

/// Reads the file at path, then parseCriteriaSet (the error names the file's path).
Result<CriteriaSet> loadCriteriaSet(const std::string& path);

/// The JSON text of a set, in the field order of the documentation; parseCriteriaSet reads
/// it back to an equal set. Lets the application save a set a user edited.
std::string writeCriteriaSet(const CriteriaSet& set);

}  // namespace safemap
