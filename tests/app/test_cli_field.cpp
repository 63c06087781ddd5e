// safemap field-package, inspect and merge on the sample province, as an inspector and an
// official would run them; every file written passes GDAL's GeoPackage validator.
#include <QProcess>
#include <catch2/catch.hpp>

#include "cli_fixture.h"

using namespace safemap::test;

namespace {

QString validatorSays(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {"-m", "osgeo_utils.samples.validate_gpkg", "-k", path});
    REQUIRE(p.waitForFinished(120000));
    const QString out =
        QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
    return p.exitCode() == 0 ? out.trimmed()
                             : QStringLiteral("exit %1: %2").arg(p.exitCode()).arg(out);
}

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
