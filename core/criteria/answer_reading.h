#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/criteria/criteria_set.h"
#include "core/errors/problem.h"
#include "core/model/assessment.h"

namespace safemap {

/// What became of one raw answer once read against its index.
enum class AnswerStatus {
    Answered,  ///< a usable value
    Missing,   ///< no entry, an empty text, or NaN: scored as the index's points_max
    Invalid,   ///< unreadable or outside every band: also scored as points_max, with a reason
};

/// \brief One answer read against its index, in the dense encoding the batch scorer uses:
/// Bands/Percent the number itself; YesNo 1 = yes, 0 = no; Choice the option's position
/// in `choices` (0, 1, …). Missing is NaN and Invalid is +infinity, which no index accepts.
struct AnswerReading {
    AnswerStatus status = AnswerStatus::Missing;
    double value = 0;
    Problem problem;  ///< for Invalid: why, e.g. number.not_a_number "\"nhiều\" is not a number"
};

/// \brief Folded answer texts of a Choice index (each option's code and both labels) →
/// position; build it once per set instead of folding the labels for every answer.
using ChoiceLookup = std::vector<std::pair<std::string, int>>;
ChoiceLookup choiceLookupFor(const Criterion& criterion);

/// Reads a raw answer for `criterion`. Texts are read as an enterprise fills a form:
/// yes/no accepts có/không, yes/no, x (ticked), 1/0 and true/false, in any case and with or
/// without accents; numbers accept a decimal point or comma ("2.5", "2,5") and thousands
/// groups when unambiguous ("1.234.567", "1,234.5"); a single separator followed by exactly
/// three digits ("1.200") is refused as ambiguous; percent answers may end in "%"; a choice
/// accepts its code or either label. `lookup` may be null (it is then built for this call).
AnswerReading readAnswer(const Criterion& criterion, const AnswerValue& raw,
                         const ChoiceLookup* lookup = nullptr);
AnswerReading readAnswerText(const Criterion& criterion, std::string_view text,
                             const ChoiceLookup* lookup = nullptr);

/// "có"/"yes"/"x"/"1"/"true" → true, "không"/"no"/"0"/"false" → false, otherwise nothing.
std::optional<bool> parseYesNo(std::string_view text);
/// A number as written in a Vietnamese or English spreadsheet (see readAnswer); on failure
/// `problem` (if given) says why.
std::optional<double> parseNumberText(std::string_view text, Problem* problem = nullptr);

}  // namespace safemap
