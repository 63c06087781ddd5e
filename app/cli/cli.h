#pragma once

namespace safemap {

/// Entry point: a sub-command (import, info, render, ...) runs headless; no sub-command opens
/// the window.
int runMain(int argc, char** argv);

}  // namespace safemap
