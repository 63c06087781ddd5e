#pragma once
// Widget tests run under Catch2's main(), so the QApplication is created lazily on first use
// and lives for the whole run.

#include <QApplication>
#include <QColor>
#include <catch2/catch.hpp>
#include <string>

namespace safemap::test {

/// The QApplication that tests/app/app_main.cpp creates for the whole run.
inline QApplication& app() {
    return *static_cast<QApplication*>(QCoreApplication::instance());
}

/// A QString as UTF-8, for Catch's messages.
inline std::string toStd(const QString& text) {
    return text.toStdString();
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
