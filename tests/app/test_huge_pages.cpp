// Huge pages for large work (app/cli/huge_pages.h): when the program starts itself again,
// and that the second start runs the same command.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
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
    CHECK(isLargeFile(big.c_str()));
    CHECK_FALSE(isLargeFile(almost.c_str()));
    CHECK_FALSE(isLargeFile(""));
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

TEST_CASE("the window runs with huge pages: always through the front, else for a large project") {
#if defined(SAFEMAP_SANITIZED) || !defined(__linux__)
    return;  // sanitizers' allocators are their own: no second start (huge_pages.h)
#endif
    TempDir dir;
    const std::string small = dir.file("small.gpkg");
    const std::string big = dir.file("big.gpkg");
    { std::ofstream(small) << "not a project"; }
    { std::ofstream(big) << "not a project"; }
    std::filesystem::resize_file(big, 64u << 20);  // sparse: no disk used
    const std::filesystem::path config = dir.path() / "config";
    std::filesystem::create_directories(config / "SafeMap");

    // The environment the window runs with, from /proc; empty once it has gone.
    auto environment = [](qint64 pid) {
        std::ifstream in("/proc/" + std::to_string(pid) + "/environ", std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const QString front = QStringLiteral(SAFEMAP_BINARY);
    const QString full = QStringLiteral(SAFEMAP_FULL_BINARY);
    struct Case {
        QString program;
        std::string last;  ///< the project the window reopens
        bool asks;
    };
    // safemap-full started directly (as an old desktop entry might) asks only for a large
    // project it reopens, by starting again; through the front it always has the tunable.
    for (const auto& [program, last, asks] :
         {Case{full, big, true}, Case{full, small, false}, Case{front, small, true}}) {
        INFO(program.toStdString() << " reopening " << last);
        {
            std::ofstream(config / "SafeMap" / "SafeMap.conf")
                << "[project]\nlast=" << last << "\n";
        }
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), QString::fromStdString(config.string()));
        env.remove(QStringLiteral("GLIBC_TUNABLES"));
        env.remove(QStringLiteral("SAFEMAP_HUGE_PAGES"));
        p.setProcessEnvironment(env);
        p.start(program, {});
        REQUIRE(p.waitForStarted(10000));
        // The second start comes before the window is made; two seconds is ample for it.
        bool tunable = false;
        for (int i = 0; i < 40 && !tunable; ++i) {
            tunable =
                environment(p.processId()).find("glibc.malloc.hugetlb=1") != std::string::npos;
            p.waitForFinished(50);
        }
        p.kill();
        p.waitForFinished(10000);
        CHECK(tunable == asks);
    }
}

TEST_CASE("SAFEMAP_HUGE_PAGES=0 keeps the tunable out of the whole program too") {
#if defined(SAFEMAP_SANITIZED) || !defined(__linux__)
    return;
#endif
    TempDir dir;
    const std::filesystem::path config = dir.path() / "config";
    std::filesystem::create_directories(config / "SafeMap");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QString::fromStdString(config.string()));
    env.remove(QStringLiteral("GLIBC_TUNABLES"));
    env.insert(QStringLiteral("SAFEMAP_HUGE_PAGES"), QStringLiteral("0"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SAFEMAP_BINARY), {});
    REQUIRE(p.waitForStarted(10000));
    // Long enough for the front to have become the whole program and made its window.
    p.waitForFinished(1500);
    std::ifstream in("/proc/" + std::to_string(p.processId()) + "/environ", std::ios::binary);
    const std::string environ(std::istreambuf_iterator<char>(in), {});
    CHECK(environ.find("SAFEMAP_HUGE_PAGES=0") != std::string::npos);  // the window's, read
    CHECK(environ.find("glibc.malloc.hugetlb") == std::string::npos);
    p.kill();
    p.waitForFinished(10000);
}
