#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <catch2/catch.hpp>
#include <fstream>

#include "app/cli/commands.h"
#include "app/gui/import_dialog.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/text/legacy_encodings.h"
#include "test_support.h"

using namespace safemap;

namespace {

// A project with one zone, "Khu công nghiệp Thử" (Z1), a square near Hà Nội.
std::string projectWithZone(const TempDir& dir) {
    const std::string path = dir.file("p.gpkg");
    auto store = Project::create(path);
    REQUIRE(store.ok());
    SiteBatch b;
    Zone z;
    z.id = "Z1";
    z.name = "Khu công nghiệp Thử";
    z.area = {Polygon{
        {{{105.80, 21.00}, {105.82, 21.00}, {105.82, 21.02}, {105.80, 21.02}, {105.80, 21.00}}}}};
    b.zones.push_back(z);
    REQUIRE(importSites(*store, b, "zones.geojson").ok());
    return path;
}

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("safemap import: inline --mapping, --encoding, zones by name, every bad row") {
    TempDir dir;
    const std::string project = projectWithZone(dir);
    const std::string csv = dir.file("co_so.csv");
    // TCVN3 bytes; the facility without coordinates names its zone as offices write it.
    writeBytes(csv, encodeFromUtf8("Doanh nghiệp;Khu;Đông;Bắc\n"
                                   "Công ty Một;KCN Thử;105.81;21.01\n"
                                   "Công ty Hai;kcn thu;;\n",
                                   TextEncoding::Tcvn3));
    const std::string mapping =
        R"({"name": "Doanh nghiệp", "zone_id": "Khu", "longitude": "Đông", "latitude": "Bắc"})";
    CHECK(runImportCommand({project, csv, "--mapping", mapping, "--encoding", "nope"}) == 2);
    CHECK(runImportCommand({project, csv, "--mapping", mapping, "--encoding", "tcvn3"}) == 0);
    auto store = Project::open(project);
    REQUIRE(store.ok());
    const auto factories = store->repository().factories().value();
    REQUIRE(factories.size() == 2);
    for (const auto& f : factories) {
        INFO(f.name);
        CHECK(f.zoneId == "Z1");
        CHECK(f.location.lon > 105.80);
        CHECK(f.location.lon < 105.82);
    }
    CHECK((factories[0].name == "Công ty Một" || factories[1].name == "Công ty Một"));

    // Two bad rows: both refused, nothing written.
    const std::string bad = dir.file("loi.csv");
    writeBytes(bad,
               "ten,so_lao_dong,kinh_do,vi_do\nA,nhiều,105.81,21.01\nB,\"1,5\",105.81,21.01\n");
    CHECK(runImportCommand({project, bad}) == 1);
    CHECK(store->repository().factories().value().size() == 2);
}

TEST_CASE("the import dialog shows every bad row, and the notes after an import") {
    TempDir dir;
    const std::string project = projectWithZone(dir);
    auto store = Project::open(project);
    REQUIRE(store.ok());
    const std::string bad = dir.file("loi.csv");
    writeBytes(bad,
               "ten_co_so,so_lao_dong,kinh_do,vi_do\n"
               "A,nhiều,105.81,21.01\n"
               "B,10,105.81,21.01\n"
               "C,\"12,5\",105.81,21.01\n");
    {
        ImportDialog dialog(project);
        dialog.setSourceFile(QString::fromStdString(bad));
        dialog.startImport();
        REQUIRE(QTest::qWaitFor([&] { return !dialog.isRunning(); }, 10000));
        const QString error = dialog.errorText();
        INFO(error.toStdString());
        CHECK(error.contains(QStringLiteral("row 2")));
        CHECK(error.contains(QStringLiteral("row 4")));
        CHECK(store->repository().factories().value().empty());
    }
    // UTF-16 with a note: an unused column, and one facility placed inside its zone.
    const std::string good = dir.file("unicode.txt");
    writeBytes(good, encodeFromUtf8("ten_co_so\tma_khu\tkinh_do\tvi_do\tghi_chu_rieng\r\n"
                                    "Công ty Mới\tKhu công nghiệp Thử\t\t\tx\r\n",
                                    TextEncoding::Utf16Le));
    ImportDialog dialog(project);
    dialog.setSourceFile(QString::fromStdString(good));
    auto* mapName = dialog.findChild<QComboBox*>(QStringLiteral("map_name"));
    REQUIRE(mapName != nullptr);
    CHECK(mapName->currentText() == QStringLiteral("ten_co_so"));
    dialog.startImport();
    REQUIRE(QTest::qWaitFor([&] { return !dialog.isRunning(); }, 10000));
    CHECK(dialog.errorText().isEmpty());
    CHECK(dialog.summaryText().contains(QStringLiteral("1 new")));
    const QString notes = dialog.notesText();
    INFO(notes.toStdString());
    CHECK(notes.contains(QStringLiteral("ghi_chu_rieng")));
    CHECK(notes.contains(QStringLiteral("placed inside")));
    // The dialog stayed open for the notes; closing it in any way counts as imported.
    auto* messages = dialog.findChild<QPlainTextEdit*>(QStringLiteral("importError"));
    REQUIRE(messages != nullptr);
    CHECK(messages->toPlainText().contains(QStringLiteral("ghi_chu_rieng")));
    dialog.reject();
    CHECK(dialog.result() == QDialog::Accepted);
    const auto factories = store->repository().factories().value();
    REQUIRE(factories.size() == 1);
    CHECK(factories[0].name == "Công ty Mới");
    CHECK(factories[0].zoneId == "Z1");
}
