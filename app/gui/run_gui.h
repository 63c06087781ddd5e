#pragma once

namespace safemap {

/// Starts the QApplication and the main window; argv may name a project to open.
int runGui(int argc, char** argv);

}  // namespace safemap
