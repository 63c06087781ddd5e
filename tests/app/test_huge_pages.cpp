// Huge pages for large work (app/cli/huge_pages.h): when the program starts itself again,
// and that the second start runs the same command.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/cli/huge_pages.h"
#include "cli_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

bool large(std::vector<std::string> args) {
    std::vector<char*> argv{const_cast<char*>("safemap")};
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    return namesLargeFile(argv.data());
}

}  // namespace

TEST_CASE("only an argument naming a file of 64 MB or more asks for huge pages") {
    TempDir dir;
    const std::string small = dir.file("small.gpkg");
    const std::string big = dir.file("big.gpkg");
    { std::ofstream(small) << "x"; }
    { std::ofstream(big) << "x"; }
    std::filesystem::resize_file(big, 64u << 20);  // sparse: no disk used
    const std::string almost = dir.file("almost.csv");
    { std::ofstream(almost) << "x"; }
    std::filesystem::resize_file(almost, (64u << 20) - 1);

    CHECK_FALSE(large({}));
    CHECK_FALSE(large({"list", small, "--suspend"}));
    CHECK_FALSE(large({"import-assessments", small, almost}));
    CHECK_FALSE(large({"list", dir.file("missing.gpkg")}));
    CHECK_FALSE(large({"list", dir.path().string()}));  // a folder
    CHECK(large({"list", big, "--suspend"}));
    CHECK(large({"import-assessments", small, big}));
}

TEST_CASE("started again for a large file, the command runs with the same arguments") {
    TempDir dir;
    // Not a GeoPackage, small and large: the same refusal, whether the program started
    // once or (for the large one) twice.
    const std::string small = dir.file("a.gpkg");
    const std::string big = dir.file("b.gpkg");
    { std::ofstream(small) << "not a project"; }
    { std::ofstream(big) << "not a project"; }
    std::filesystem::resize_file(big, 64u << 20);
    const CliRun once = runCli({"info", QString::fromStdString(small)});
    const CliRun twice = runCli({"info", QString::fromStdString(big)});
    CHECK(once.exitCode != 0);
    CHECK(twice.exitCode == once.exitCode);
    QString expected = once.err;
    expected.replace(QStringLiteral("a.gpkg"), QStringLiteral("b.gpkg"));
    CHECK(twice.err.toStdString() == expected.toStdString());
}
