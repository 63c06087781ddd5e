// Project → Connect to server…: the dialog's fields make the libpq URL (each part
// percent-encoded), recent logins are remembered WITHOUT their passwords, and (with
// SAFEMAP_TEST_PG) a server project opens in the window, its title and settings free of
// the password.
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTest>
#include <catch2/catch.hpp>

#include "app/gui/connect_dialog.h"
#include "app/gui/main_window.h"
#include "app_fixture.h"
#include "core/pg_fixture.h"
#include "core/project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

/// Every value QSettings holds, as text (nested arrays included).
QString allSettingsText() {
    QSettings settings;
    QString out;
    for (const QString& key : settings.allKeys())
        out += key + QLatin1Char('=') + settings.value(key).toString() + QLatin1Char('\n');
    return out;
}

}  // namespace

TEST_CASE("the connect dialog builds the connection URL and never stores the password",
          "[app][server]") {
    app();
    QSettings().clear();
    ConnectDialog dialog;
    auto* host = dialog.findChild<QLineEdit*>(QStringLiteral("host"));
    auto* port = dialog.findChild<QSpinBox*>(QStringLiteral("port"));
    auto* database = dialog.findChild<QLineEdit*>(QStringLiteral("database"));
    auto* user = dialog.findChild<QLineEdit*>(QStringLiteral("user"));
    auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("password"));
    auto* ssl = dialog.findChild<QComboBox*>(QStringLiteral("sslMode"));
    REQUIRE((host && port && database && user && password && ssl));
    CHECK(password->echoMode() == QLineEdit::Password);

    host->clear();
    QTest::keyClicks(host, QStringLiteral("db.hanam.gov.vn"));
    port->setValue(6543);
    QTest::keyClicks(database, QStringLiteral("safemap"));
    QTest::keyClicks(user, QStringLiteral("chi"));
    const QString secret = QStringLiteral("mật khẩu@1/2");
    password->setText(secret);  // QTest types ASCII only
    ssl->setCurrentIndex(ssl->findData(QStringLiteral("require")));
    const ServerLogin login = dialog.login();
    CHECK(serverUrl(login) ==
          QStringLiteral("postgresql://chi:m%E1%BA%ADt%20kh%E1%BA%A9u%401%2F2@db.hanam.gov.vn:6543/"
                         "safemap?connect_timeout=10&sslmode=require"));
    CHECK(serverDisplayName(login) == QStringLiteral("chi@db.hanam.gov.vn:6543/safemap"));
    ServerLogin noPassword = login;
    noPassword.password.clear();  // libpq then reads ~/.pgpass
    CHECK(serverUrl(noPassword) == QStringLiteral("postgresql://chi@db.hanam.gov.vn:6543/"
                                                  "safemap?connect_timeout=10&sslmode=require"));

    dialog.accept();
    const QString stored = allSettingsText();
    INFO(stored.toStdString());
    CHECK(stored.contains(QStringLiteral("db.hanam.gov.vn")));
    CHECK_FALSE(stored.contains(QStringLiteral("khẩu")));
    CHECK_FALSE(stored.contains(QStringLiteral("kh%E1%BA%A9u")));
    QSettings settings;
    const auto recent = recentServerLogins(settings);
    REQUIRE(recent.size() == 1);
    CHECK(recent[0] == noPassword);

    // Opened again, the dialog offers the last login, password empty.
    ConnectDialog again;
    CHECK(again.login() == noPassword);
    QSettings().clear();
}

TEST_CASE("a server project opens in the window; its password is shown and stored nowhere",
          "[app][server][postgresql]") {
    if (!postgresAvailable()) {
        WARN(kNoPostgres);
        return;
    }
    app();
    QSettings().clear();
    PgLogins logins;
    PgDatabases databases;
    const std::string db = databases.create();
    const std::string analyst = logins.add("analyst", "safemap_analyst", "mk-phan-tich-9");
    { Project made = projectWith(pgAdminUrl(db), threeFactories()); }
    const QString url = QString::fromStdString(pgUserUrl(db, analyst, "mk-phan-tich-9"));

    MainWindow w;
    REQUIRE(w.openProject(url, true));
    CHECK(w.hasProject());
    // The window's workers open their own connections with the same login: the facilities
    // arrive (a worker without the password would find none).
    w.waitForIdle();
    CHECK(w.factoryCount() == 3);
    CHECK(w.windowTitle().contains(QString::fromStdString(db)));
    CHECK_FALSE(w.windowTitle().contains(QStringLiteral("mk-phan-tich-9")));
    const QString stored = allSettingsText();
    INFO(stored.toStdString());
    CHECK_FALSE(stored.contains(QStringLiteral("mk-phan-tich-9")));

    // The login's role is shown, and what it may not start is not offered: an analyst
    // imports but neither chooses criteria sets nor changes the lists' rules.
    auto enabled = [](const MainWindow& window, const char* name) {
        auto* action = window.findChild<QAction*>(QString::fromLatin1(name));
        REQUIRE(action != nullptr);
        return action->isEnabled();
    };
    auto* role = w.findChild<QLabel*>(QStringLiteral("roleLabel"));
    REQUIRE(role != nullptr);
    CHECK(role->text().contains(QStringLiteral("analyst")));
    CHECK(w.windowTitle().contains(QStringLiteral("analyst")));
    CHECK(enabled(w, "importSitesAction"));
    CHECK(enabled(w, "importAssessmentsAction"));
    CHECK_FALSE(enabled(w, "criteriaAction"));
    CHECK_FALSE(enabled(w, "rulesAction"));

    // An inspector records inspections only: no site or assessment import either.
    const std::string inspector = logins.add("inspector", "safemap_inspector", "mk-kiem-tra-9");
    MainWindow field;
    REQUIRE(
        field.openProject(QString::fromStdString(pgUserUrl(db, inspector, "mk-kiem-tra-9")), true));
    field.waitForIdle();
    CHECK(field.windowTitle().contains(QStringLiteral("inspector")));
    CHECK_FALSE(enabled(field, "importSitesAction"));
    CHECK_FALSE(enabled(field, "importAssessmentsAction"));
    CHECK(enabled(field, "importInspectionsAction"));
    CHECK_FALSE(enabled(field, "criteriaAction"));

    // A file's user may do all the file allows, and no role is shown.
    TempDir dir;
    const std::string file = dir.file("tep.gpkg");
    { Project made = projectWith(file, threeFactories()); }
    REQUIRE(field.openProject(QString::fromStdString(file), true));
    CHECK(enabled(field, "importSitesAction"));
    CHECK(enabled(field, "criteriaAction"));
    CHECK(field.findChild<QLabel*>(QStringLiteral("roleLabel"))->isHidden());
    QSettings().clear();
}
