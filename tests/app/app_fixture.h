#pragma once
// Widget tests run under Catch2's main(), so the QApplication is created lazily on first use
// and lives for the whole run.

#include <QApplication>
#include <QColor>
#include <catch2/catch.hpp>
#include <string>

namespace safemap::test {

inline QApplication& app() {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char arg0[] = "test_app";
    static char* argv[] = {arg0, nullptr};
    static QApplication instance(argc, argv);
    return instance;
}

}  // namespace safemap::test

namespace Catch {
template <>
struct StringMaker<QColor> {
    static std::string convert(const QColor& c) {
        return "rgba(" + std::to_string(c.red()) + "," + std::to_string(c.green()) + "," +
               std::to_string(c.blue()) + "," + std::to_string(c.alpha()) + ")";
    }
};
}  // namespace Catch
