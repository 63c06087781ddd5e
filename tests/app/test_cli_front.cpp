// The command-line front (app/light_main.cpp): `safemap` runs the commands that need only
// core itself, without Qt and GDAL, and becomes safemap-full for everything else.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "cli_fixture.h"

using namespace safemap::test;

namespace {

// Shipped files (the default criteria set) from the source tree, wherever the program is.
CliRun runCopy(const std::string& program, const QStringList& args) {
    return runProgram(QString::fromStdString(program), args, {{"SAFEMAP_HOME", src("")}});
}

}  // namespace

TEST_CASE("the command-line front loads neither Qt nor GDAL") {
    const CliRun ldd = runProgram(QStringLiteral("ldd"), {QStringLiteral(SAFEMAP_BINARY)});
    REQUIRE(ldd.exitCode == 0);
    INFO(ldd.out.toStdString());
    CHECK(ldd.out.contains(QStringLiteral("libsqlite3")));
    CHECK_FALSE(ldd.out.contains(QStringLiteral("libQt6")));
    CHECK_FALSE(ldd.out.contains(QStringLiteral("libgdal")));
}

TEST_CASE("the front runs its own commands and hands the rest to safemap-full beside it") {
    TempDir dir;
    // The front alone, without safemap-full beside it: its own commands still run.
    const std::string alone = dir.file("safemap");
    std::filesystem::copy_file(SAFEMAP_BINARY, alone);
    const QString project = QString::fromStdString(dir.file("p.gpkg"));
    const CliRun made = runCopy(alone, {"generate", project, "--factories", "20", "--zones", "2"});
    INFO(made.err.toStdString());
    REQUIRE(made.exitCode == 0);
    const CliRun info = runCopy(alone, {"info", project});
    CHECK(info.exitCode == 0);
    CHECK(info.out.contains(QStringLiteral("20")));
    // Anything else needs the whole program: without it, a clear refusal.
    const CliRun render = runCopy(alone, {"render", project, "--out", project + ".png"});
    CHECK(render.exitCode == 127);
    CHECK(render.err.contains(QStringLiteral("cannot start")));
    CHECK(render.err.contains(QStringLiteral("safemap-full")));
    // The built front, with safemap-full beside it, runs both kinds.
    const CliRun version = runCli({"--version"});
    CHECK(version.exitCode == 0);
    CHECK(version.out.startsWith(QStringLiteral("safemap ")));
    const CliRun drawn = runCli({"render", project, "--out", project + ".png"});
    INFO(drawn.err.toStdString());
    CHECK(drawn.exitCode == 0);
    CHECK(std::filesystem::file_size(dir.file("p.gpkg.png")) > 0);
}
