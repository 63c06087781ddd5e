#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/util/date.h"

namespace safemap {

/// What an inspector decided on site (the field form's outcome).
enum class InspectionOutcome {
    Keep,     ///< keep operating (duy trì hoạt động)
    Fix,      ///< fix the findings by a date (khắc phục trước ngày)
    Suspend,  ///< propose suspension (đề xuất tạm dừng hoạt động)
};

/// "keep", "fix", "suspend": the store's and the command line's words.
std::string_view outcomeCode(InspectionOutcome outcome);
std::optional<InspectionOutcome> outcomeFromCode(std::string_view code);

/// \brief An inspection of a facility (kiểm tra) and what it found.
struct Inspection {
    std::string siteId;
    Date date{};
    std::string inspector;
    bool measuresOk = true;  ///< false: the inspection found measures not implemented
    std::string finding;
    std::string source;  ///< the file (or package) it came from
    /// Recorded with the inspection form (window, field package, `safemap inspect`); empty
    /// for inspections imported from a table, which say only whether measures were in place.
    std::optional<InspectionOutcome> outcome;
    friend bool operator==(const Inspection&, const Inspection&) = default;
};

}  // namespace safemap
