#pragma once

#include <map>
#include <string>
#include <variant>

#include "core/util/date.h"

namespace safemap {

/// One raw answer as the enterprise gave it: a number (worker count, m², %, days), a
/// yes/no, or text ("có", "không", a choice's code or label, or a number still as text).
/// Interpreting it is the criteria set's job (see parseAnswerText), not the model's.
using AnswerValue = std::variant<double, bool, std::string>;

/// \brief An enterprise's self-assessment of its infection risk on one day.
///
/// Answers are kept raw so that the same assessment can be re-scored under another
/// criteria set or version; an index with no entry (or an empty text) is unanswered.
struct Assessment {
    std::string siteId;                          ///< Factory::id of the assessed facility
    Date date{};                                 ///< ngày đánh giá
    std::string submitter;                       ///< người nộp
    std::map<std::string, AnswerValue> answers;  ///< index id → raw answer
    friend bool operator==(const Assessment&, const Assessment&) = default;
};

}  // namespace safemap
