#include "app/gui/app_resources.h"

#include <QtCore/qglobal.h>

// Q_INIT_RESOURCE declares the generated initialiser at the scope it is used in; it must be
// the global one, not safemap's.
static void initResourcesQrc() {
    Q_INIT_RESOURCE(resources);
}

namespace safemap {

void registerAppResources() {
    initResourcesQrc();
}

}  // namespace safemap
