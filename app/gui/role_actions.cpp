#include "app/gui/role_actions.h"

#include <QAction>
#include <QWidget>

namespace safemap {

void applyRoleToActions(QWidget& window, LoginRole role) {
    const RoleAllows allows = allowedTo(role);
    const struct {
        const char* name;
        bool allowed;
    } actions[] = {
        {"importSitesAction", allows.importSites},
        {"importAssessmentsAction", allows.importAssessments},
        {"importInspectionsAction", allows.importInspections},
        {"criteriaAction", allows.chooseCriteria},
        {"rulesAction", allows.changeRules},
    };
    for (const auto& a : actions)
        if (auto* action = window.findChild<QAction*>(QString::fromLatin1(a.name)))
            action->setEnabled(a.allowed);
}

}  // namespace safemap
