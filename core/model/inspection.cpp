#include "core/model/inspection.h"

namespace safemap {

std::string_view outcomeCode(InspectionOutcome outcome) {
    switch (outcome) {
        case InspectionOutcome::Keep:
            return "keep";
        case InspectionOutcome::Fix:
            return "fix";
        case InspectionOutcome::Suspend:
            return "suspend";
    }
    return "keep";
}

std::optional<InspectionOutcome> outcomeFromCode(std::string_view code) {
    for (auto o : {InspectionOutcome::Keep, InspectionOutcome::Fix, InspectionOutcome::Suspend})
        if (outcomeCode(o) == code)
            return o;
    return std::nullopt;
}

}  // namespace safemap
