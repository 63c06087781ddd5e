#pragma once

#include "core/project/login_role.h"

class QWidget;

namespace safemap {

/// Enables the window's actions (found by object name under `window`) by what `role` may
/// start: an inspector sees no site or assessment import, an analyst no criteria manager
/// nor rules. The server refuses them anyway; this spares the user a button that only fails.
void applyRoleToActions(QWidget& window, LoginRole role);

}  // namespace safemap
