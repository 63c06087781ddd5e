#pragma once

class QMenu;

namespace safemap {

class MainWindow;

/// Project → Create field package… (PackageDialog), Merge field package… (MergeDialog) and
/// Print facility sheets… (sheets_action.h),
/// added to `menu`; objectNames createPackageAction and mergePackageAction.
void addFieldActions(MainWindow& window, QMenu& menu);

}  // namespace safemap
