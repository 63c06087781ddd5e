#pragma once

#include <string>

#include "core/project/project.h"
#include "core/result.h"
#include "core/text/display_format.h"

namespace safemap {

/// \brief Who is working on the project: on a file, its user; on a server, the login's role
/// (docs/server.md). The database enforces the roles; this only tells the window what to
/// offer, so that nobody is shown a button the server will refuse.
enum class LoginRole { FileUser, Official, Analyst, Inspector, NoRole };

/// \brief What a role may start from the window.
struct RoleAllows {
    bool importSites = true;
    bool importAssessments = true;
    bool importInspections = true;
    bool chooseCriteria = true;  ///< the criteria manager: store and choose sets
    bool changeRules = true;     ///< the thresholds of the lists
};

[[nodiscard]] Result<LoginRole> loginRole(const Project& project);
[[nodiscard]] RoleAllows allowedTo(LoginRole role);
/// The role for people ("thanh tra viên"); empty for a file's user.
[[nodiscard]] std::string roleLabel(LoginRole role, Language language);

}  // namespace safemap
