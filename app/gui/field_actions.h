#pragma once

class QMenu;

namespace safemap {

class MainWindow;

/// Project → Create field package… (PackageDialog) and Merge field package… (MergeDialog),
/// added to `menu`; objectNames createPackageAction and mergePackageAction.
void addFieldActions(MainWindow& window, QMenu& menu);

}  // namespace safemap
