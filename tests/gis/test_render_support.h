#pragma once
// Helpers for the rendering tests: a lazily created QGuiApplication (Catch2 owns main) and
// layers placed at exact Web Mercator coordinates.

#include <QGuiApplication>
#include <QImage>
#include <catch2/catch.hpp>
#include <string>

#include "gis/render/layer_data.h"
#include "gis/render/web_mercator.h"

namespace safemap::test {

/// Text and fonts need a QGuiApplication; the offscreen platform needs no display.
inline void ensureGuiApp() {
    if (QCoreApplication::instance())
        return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char arg0[] = "test_gis";
    static char* argv[] = {arg0, nullptr};
    static QGuiApplication app(argc, argv);
}

/// The lon/lat whose Web Mercator position is (x, y) metres.
inline GeoPoint at(double x, double y) {
    return fromMercator(QPointF(x, y));
}

/// A closed axis-aligned square ring in Mercator metres, as lon/lat.
inline Ring squareRing(double minX, double minY, double maxX, double maxY) {
    return {at(minX, minY), at(maxX, minY), at(maxX, maxY), at(minX, maxY), at(minX, minY)};
}

inline QColor pixel(const QImage& image, int x, int y) {
    return image.pixelColor(x, y);
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
