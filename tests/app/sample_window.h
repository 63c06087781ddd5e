#pragma once
// The main window on a fresh copy of the sample project, as the window tests start.

#include <QString>
#include <catch2/catch.hpp>
#include <string>

#include "app/gui/main_window.h"
#include "cli_fixture.h"
#include "test_support.h"

namespace safemap::test {

/// The window, 1200 × 800 and shown, with `name` (the sample project, made in a temporary
/// folder) open and loaded.
struct SampleWindow {
    TempDir dir;
    QString project;
    MainWindow w;
    explicit SampleWindow(const std::string& name = "Hà Nam.gpkg")
        : project(QString::fromStdString(dir.file(name))) {
        makeSampleProject(project);
        w.resize(1200, 800);
        w.show();
        REQUIRE(w.openProject(project, true));
        w.waitForIdle();
    }
};

}  // namespace safemap::test
