// The window's icon is compiled into the app library's resources; a static library's
// resource object reaches the binary only when registered (app/gui/app_resources.h).
#include <catch2/catch.hpp>

#include <QFile>
#include <QIcon>

#include "app/gui/app_resources.h"

using namespace safemap;

TEST_CASE("the window icon is in the binary once the app's resources are registered") {
    registerAppResources();
    registerAppResources();  // a second call is harmless
    CHECK(QFile::exists(QStringLiteral(":/icons/safemap.svg")));
    const QIcon icon(QStringLiteral(":/icons/safemap.svg"));
    REQUIRE_FALSE(icon.isNull());
    const QImage image = icon.pixmap(64, 64).toImage();
    REQUIRE_FALSE(image.isNull());
    // Drawn, not blank: some pixel is opaque.
    bool opaque = false;
    for (int y = 0; y < image.height() && !opaque; ++y)
        for (int x = 0; x < image.width() && !opaque; ++x)
            opaque = qAlpha(image.pixel(x, y)) == 255;
    CHECK(opaque);
}
