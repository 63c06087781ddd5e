// safemap push / pull / --db through the real binary: the sample province pushed to a server
// database and pulled back reads the same (scores and lists, byte for byte), the pulled file
// is a valid GeoPackage, and the file pushed from is not changed. Skipped (saying why)
// without SAFEMAP_TEST_PG.
#include <QProcess>
#include <catch2/catch.hpp>

#include "cli_fixture.h"
#include "core/pg_fixture.h"

using namespace safemap::test;

namespace {

QString ok(const CliRun& r, const QStringList& args) {
    INFO(args.join(' ').toStdString() << "\n" << r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    return r.out;
}

QString run(const QStringList& args) {
    return ok(runCli(args), args);
}

}  // namespace

TEST_CASE("safemap push and pull: the sample province round-trips through the server",
          "[postgresql]") {
    if (!postgresAvailable()) {
        WARN(kNoPostgres);
        return;
    }
    TempDir dir;
    PgDatabases databases;
    const QString url = QString::fromStdString(pgAdminUrl(databases.create()));
    const QString file = QString::fromStdString(dir.file("tinh.gpkg"));
    makeSampleProject(file);
    const QByteArray before = digest(file);

    const QString pushed = run({"push", file, url});
    CHECK(pushed.contains("new assessments"));
    CHECK(digest(file) == before);
    // The same project on the server: every command through --db reads the same.
    CHECK(run({"--db", url, "scores"}) == run({"scores", file}));
    CHECK(run({"--db", url, "list", "--suspend"}) == run({"list", file, "--suspend"}));
    CHECK(run({"--db", url, "list", "--inspect"}) == run({"list", file, "--inspect"}));
    // Imports into the server project are idempotent as into the file.
    run({"--db", url, "import-inspections", src("data/inspections/kiem_tra_2021-06.csv")});
    run({"--db", url, "import", src("data/sites/factories.csv")});
    CHECK(run({"--db", url, "scores"}) == run({"scores", file}));
    // A second push adds nothing.
    CHECK(run({"push", file, url}).contains("0 new assessments, 0 new inspections"));

    const QString back = QString::fromStdString(dir.file("ve.gpkg"));
    run({"pull", url, back});
    CHECK(validatorSays(back).isEmpty());
    CHECK(run({"scores", back}) == run({"scores", file}));
    CHECK(run({"list", back, "--suspend"}) == run({"list", file, "--suspend"}));

    // One district: only its facilities.
    const QString part = QString::fromStdString(dir.file("ba_vi.gpkg"));
    run({"pull", url, part, "--district", "Ba Vì"});
    CHECK(validatorSays(part).isEmpty());
    const QStringList rows = run({"scores", part}).split('\n', Qt::SkipEmptyParts);
    const QStringList all = run({"scores", file}).split('\n', Qt::SkipEmptyParts);
    REQUIRE(rows.size() > 1);
    CHECK(rows.size() < all.size());

    // Pulling over an existing file is refused and leaves it as it was.
    const QByteArray backBefore = digest(back);
    const CliRun again = runCli({"pull", url, back});
    CHECK(again.exitCode == 1);
    CHECK(again.err.contains("already exists"));
    CHECK(digest(back) == backBefore);
}

TEST_CASE("safemap --db URL package create and merge: field work on a server project",
          "[postgresql][field]") {
    if (!postgresAvailable()) {
        WARN(kNoPostgres);
        return;
    }
    TempDir dir;
    PgDatabases databases;
    const QString url = QString::fromStdString(pgAdminUrl(databases.create()));
    const QString file = QString::fromStdString(dir.file("tinh.gpkg"));
    makeSampleProject(file);
    run({"push", file, url});

    const QString package = QString::fromStdString(dir.file("duy_tien.gpkg"));
    const QString made =
        run({"--db", url, "package", "create", "--out", package, "--list", "inspect", "--district",
             "Duy Tien", "--top", "4", "--start", "105.9120,20.5410"});
    CHECK(made.contains("4 facilities"));
    CHECK(validatorSays(package).isEmpty());
    const QString listed = run({"list", package, "--inspect", "--no-filter"});
    const QString site = listed.split('\n').at(1).split(',').at(3);
    run({"inspect", package, "--site", site, "--date", "2021-07-02", "--inspector", "Trần Thị Bình",
         "--outcome", "keep"});

    const QString dry = run({"--db", url, "package", "merge", package, "--dry-run"});
    CHECK(dry.contains("would add 1 inspections"));
    CHECK(run({"--db", url, "package", "merge", package}).contains("added 1 inspections"));
    CHECK(run({"--db", url, "package", "merge", package}).contains("nothing new"));

    // Pulled back, the file holds the record merged on the server.
    const QString back = QString::fromStdString(dir.file("ve.gpkg"));
    const QString pulled = run({"pull", url, back});
    CHECK(pulled.contains("1 new inspection records"));
    CHECK(validatorSays(back).isEmpty());
}
