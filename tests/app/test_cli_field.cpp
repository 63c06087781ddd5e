// safemap field-package, inspect and merge on the sample province, as an inspector and an
// official would run them; every file written passes GDAL's GeoPackage validator.
#include <QProcess>
#include <catch2/catch.hpp>

#include "cli_fixture.h"

using namespace safemap::test;

namespace {

/// The site ids of the package's route, in visiting order (from `safemap list` of the package).
int countLines(const QString& text, const QString& needle) {
    return static_cast<int>(text.count(needle));
}

}  // namespace

TEST_CASE("a district's inspection list goes to the field and comes back", "[cli][field]") {
    TempDir dir;
    const QString master = QString::fromStdString(dir.file("tinh.gpkg"));
    const QString package = QString::fromStdString(dir.file("duy_tien.gpkg"));
    const QString photo = QString::fromStdString(dir.file("anh.jpg"));
    makeSampleProject(master);
    {
        QFile f(photo);
        REQUIRE(f.open(QIODevice::WriteOnly));
        QByteArray jpeg("\xFF\xD8\xFF\xE0", 4);
        jpeg.append(QByteArray(4000, 'x'));
        f.write(jpeg);
    }
    const QByteArray masterBefore = digest(master);

    const CliRun made = runCli({"field-package", master, package, "--inspect", "--filter",
                                R"({"version":1,"districts":["Duy Tiên"]})", "--top", "5",
                                "--route", "--start", "105.9120,20.5410", "--by", "Nguyễn Văn An"});
    INFO(made.err.toStdString());
    REQUIRE(made.exitCode == 0);
    CHECK(made.out.contains("5 facilities"));
    CHECK(digest(master) == masterBefore);  // the project is only read
    CHECK(validatorSays(package).isEmpty());

    // The package is a project of its own: the list shows its five facilities.
    const CliRun listed = runCli({"list", package, "--inspect", "--no-filter"});
    REQUIRE(listed.exitCode == 0);
    CHECK(countLines(listed.out, "Duy Tiên") == 5);
    const QString firstSite = listed.out.split('\n').at(1).split(',').at(3);
    REQUIRE(firstSite.startsWith("MST-"));

    const CliRun inspected =
        runCli({"inspect", package, "--site", firstSite, "--date", "2021-07-02", "--inspector",
                "Trần Thị Bình", "--outcome", "fix", "--fix-by", "2021-07-20", "--findings",
                "Nhà ăn chưa có vách ngăn", "--photo", photo});
    INFO(inspected.err.toStdString());
    REQUIRE(inspected.exitCode == 0);
    CHECK(runCli({"inspect", package, "--site", firstSite, "--date", "2021-07-03", "--inspector",
                  "Trần Thị Bình", "--outcome", "maybe"})
              .exitCode == 2);
    CHECK(validatorSays(package).isEmpty());

    const QByteArray packageBefore = digest(package);
    const CliRun merged = runCli({"merge", master, package});
    INFO(merged.err.toStdString());
    REQUIRE(merged.exitCode == 0);
    CHECK(merged.out.contains("added 1 inspections with 1 photos"));
    CHECK(digest(package) == packageBefore);
    CHECK(validatorSays(master).isEmpty());

    const QByteArray masterMerged = digest(master);
    const CliRun again = runCli({"merge", master, package});
    REQUIRE(again.exitCode == 0);
    CHECK(again.out.contains("nothing new"));
    CHECK(digest(master) == masterMerged);

    // A package is not merged into a project it was not made from.
    const QString other = QString::fromStdString(dir.file("other.gpkg"));
    makeSampleProject(other);
    const QByteArray otherBefore = digest(other);
    const CliRun refused = runCli({"merge", other, package});
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains("another project"));
    CHECK(digest(other) == otherBefore);
}

TEST_CASE("safemap package create and merge: the issue's names", "[cli][field]") {
    TempDir dir;
    const QString master = QString::fromStdString(dir.file("tinh.gpkg"));
    makeSampleProject(master);
    const QByteArray masterBefore = digest(master);

    SECTION("the help names them, and the first names stay") {
        const CliRun help = runCli({"--help"});
        CHECK(help.out.contains("package "));
        CHECK(help.out.contains("field-package"));
        const CliRun sub = runCli({"package", "create", "--help"});
        CHECK(sub.exitCode == 0);
        CHECK(sub.out.contains("--list inspect"));
        CHECK(runCli({"package"}).exitCode == 2);
        CHECK(runCli({"package", "pack"}).exitCode == 2);
    }

    SECTION("a whole district, accents and case ignored") {
        const QString package = QString::fromStdString(dir.file("kim_bang.gpkg"));
        const CliRun made = runCli({"package", "create", master, "--out", package, "--district",
                                    "kim bang", "--no-filter"});
        INFO(made.err.toStdString());
        REQUIRE(made.exitCode == 0);
        CHECK(made.out.contains("12 facilities"));  // data/sites/factories.csv: 12 in Kim Bảng
        CHECK(validatorSays(package).isEmpty());
        CHECK(digest(master) == masterBefore);
    }

    SECTION("a district's inspection list as a route, then merged back once") {
        const QString package = QString::fromStdString(dir.file("duy_tien.gpkg"));
        const CliRun made =
            runCli({"package", "create", master, "--out", package, "--list", "inspect",
                    "--district", "Duy Tien", "--top", "4", "--start", "105.9120,20.5410"});
        INFO(made.err.toStdString());
        REQUIRE(made.exitCode == 0);
        CHECK(made.out.contains("4 facilities"));
        CHECK(made.out.contains("from the start point"));
        CHECK(made.err.contains("route:"));
        const CliRun listed = runCli({"list", package, "--inspect", "--no-filter"});
        REQUIRE(listed.exitCode == 0);
        CHECK(countLines(listed.out, "Duy Tiên") == 4);
        const QString site = listed.out.split('\n').at(1).split(',').at(3);
        REQUIRE(runCli({"inspect", package, "--site", site, "--date", "2021-07-02", "--inspector",
                        "Trần Thị Bình", "--outcome", "keep"})
                    .exitCode == 0);
        const CliRun dry = runCli({"package", "merge", master, package, "--dry-run"});
        CHECK(dry.exitCode == 0);
        CHECK(dry.out.contains("would add 1 inspections"));
        CHECK(digest(master) == masterBefore);
        const CliRun merged = runCli({"package", "merge", master, package});
        INFO(merged.err.toStdString());
        REQUIRE(merged.exitCode == 0);
        CHECK(merged.out.contains("added 1 inspections"));
        const CliRun again = runCli({"package", "merge", master, package});
        CHECK(again.out.contains("nothing new"));
    }

    SECTION("facilities by tax code, ordered from the first") {
        const QString package = QString::fromStdString(dir.file("hai.gpkg"));
        const CliRun made = runCli({"package", "create", master, "--out", package, "--sites",
                                    "9965230100,9950882057", "--route"});
        INFO(made.err.toStdString());
        REQUIRE(made.exitCode == 0);
        CHECK(made.out.contains("2 facilities"));
    }

    SECTION("mistakes are refused and make no file") {
        const QString package = QString::fromStdString(dir.file("sai.gpkg"));
        const CliRun district =
            runCli({"package", "create", master, "--out", package, "--district", "Nowhere"});
        CHECK(district.exitCode == 1);
        CHECK(district.err.contains("Nowhere"));
        CHECK(district.err.contains("Kim Bảng"));  // the districts it could have been
        CHECK(runCli({"package", "create", master, "--out", package, "--sites", "9965230100",
                      "--list", "inspect"})
                  .exitCode == 2);
        CHECK(
            runCli({"package", "create", master, "--out", package, "--list", "suspend"}).exitCode ==
            2);
        CHECK(runCli({"package", "create", master, "--sites", "9965230100"}).exitCode == 2);
        CHECK(runCli({"package", "create", master, "--out", package}).exitCode == 2);
        CHECK_FALSE(QFile::exists(package));
        CHECK(digest(master) == masterBefore);
    }
}
