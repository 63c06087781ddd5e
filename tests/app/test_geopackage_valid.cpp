// Every file SafeMap writes is a valid GeoPackage: GDAL's own validator says nothing about
// new projects, imported ones, migrated ones, generated ones, copies and saved settings.
#include <QFile>
#include <QProcess>
#include <catch2/catch.hpp>

#include "cli_fixture.h"
#include "core/project/project.h"
#include "core/project/project_settings.h"

using namespace safemap;
using namespace safemap::test;

TEST_CASE("every project SafeMap writes passes GDAL's GeoPackage validator", "[gpkg]") {
    TempDir dir;
    auto file = [&](const char* name) { return QString::fromStdString(dir.file(name)); };

    const QString empty = file("empty.gpkg");
    REQUIRE(runCli({"generate", empty, "--factories", "0", "--zones", "0"}).exitCode == 0);
    CHECK(validatorSays(empty).isEmpty());

    const QString sample = file("sample.gpkg");
    makeSampleProject(sample);
    CHECK(validatorSays(sample).isEmpty());

    // Settings, a second criteria set and its scores.
    {
        auto project = Project::open(sample.toStdString());
        REQUIRE(project.ok());
        ProjectSettings s;
        s.view.extent = BBox{11700000, 2300000, 11800000, 2400000};
        s.filter.districts = {"Duy Tiên"};
        // A context layer (a file beside the project, in VN-2000) with its style.
        ContextLayer context;
        context.id = "context-1";
        context.title = "Cụm công nghiệp Lạng Sơn";
        context.path = src("data/sites/lang_son_ccn_vn2000/lang_son_ccn_vn2000.shp").toStdString();
        context.style.fillColour = "#10c0a080";
        context.style.labelField = "name";
        s.contextLayers.push_back(context);
        REQUIRE(saveProjectSettings(*project, s).ok());
    }
    REQUIRE(
        runCli({"score", sample, "--criteria", src("resources/criteria/extended-letters-v1.json")})
            .exitCode == 0);
    CHECK(validatorSays(sample).isEmpty());

    const QString generated = file("generated.gpkg");
    REQUIRE(runCli({"generate", generated, "--factories", "2000", "--zones", "40"}).exitCode == 0);
    CHECK(validatorSays(generated).isEmpty());

    // Projects of released versions (2, and 4 with one row per score), upgraded by writing
    // to them.
    for (const char* name : {"v2-early.gpkg", "v2-final.gpkg", "v4-sample.gpkg"}) {
        INFO(name);
        const QString old = file(name);
        REQUIRE(QFile::copy(
            QString::fromStdString(std::string(SAFEMAP_TEST_DATA) + "/projects/" + name), old));
        QFile::setPermissions(old, QFile::ReadOwner | QFile::WriteOwner);
        REQUIRE(runCli({"import-inspections", old, src("data/inspections/kiem_tra_2021-06.csv")})
                    .exitCode == 0);
        CHECK(validatorSays(old).isEmpty());
    }

    // "Save as" copies.
    const QString copy = file("copy.gpkg");
    {
        auto project = Project::open(sample.toStdString());
        REQUIRE(project.ok());
        REQUIRE(project->repository().saveCopy(copy.toStdString()).ok());
    }
    CHECK(validatorSays(copy).isEmpty());

    // The validator does speak up on a broken file, so silence above means something.
    const QString broken = file("broken.gpkg");
    REQUIRE(QFile::copy(sample, broken));
    {
        QProcess p;
        p.start(
            QStringLiteral("sqlite3"),
            {broken, "UPDATE gpkg_geometry_columns SET srs_id = 9999 WHERE table_name = 'zones'"});
        REQUIRE(p.waitForFinished());
    }
    CHECK_FALSE(validatorSays(broken).isEmpty());
}
