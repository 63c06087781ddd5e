#pragma once

#include <string>

#include "core/util/date.h"

namespace safemap {

/// \brief An inspection of a facility (kiểm tra) and what it found.
struct Inspection {
    std::string siteId;
    Date date{};
    std::string inspector;
    bool measuresOk = true;  ///< false: the inspection found measures not implemented
    std::string finding;
    std::string source;  ///< the file (or package) it came from
    friend bool operator==(const Inspection&, const Inspection&) = default;
};

}  // namespace safemap
