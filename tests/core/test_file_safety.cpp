// Files beside the project (issue 13 items 6 and 7): a journal left by a writer killed before
// it wrote the journal's header is removed when the project is next opened, and files SafeMap
// writes (images, exports, reports) replace the old file whole or not at all, even when the
// disk fills up half way.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/util/atomic_file.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {
std::string contentsOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("a journal a killed writer left without a header is removed on the next open") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    {
        auto project = Project::create(path);
        REQUIRE(project.ok());
        SiteBatch b;
        Factory f;
        f.taxCode = "9700000001";
        f.id = factoryIdFor(f.taxCode, "", "", "");
        f.name = "Cơ sở thử";
        f.location = {105.9, 20.6};
        b.factories = {f};
        REQUIRE(importSites(*project, b, "a.csv").ok());
    }
    // What SQLite leaves when killed after creating the journal and before its header: an
    // empty file, which it never treats as hot and so never removes.
    std::ofstream(path + "-journal").flush();
    REQUIRE(std::filesystem::exists(path + "-journal"));
    const auto bytesBefore = contentsOf(path);
    {
        auto project = Project::open(path);
        REQUIRE(project.ok());
        CHECK(project->repository().factories().value().size() == 1);
    }
    CHECK_FALSE(std::filesystem::exists(path + "-journal"));
    CHECK(contentsOf(path) == bytesBefore);  // removing it changed nothing in the project
}

TEST_CASE("a full disk while writing a file leaves the previous file whole") {
    TempDir dir;
    const auto path = dir.file("map.png");
    const std::string previous = "the previous map, 40 bytes of it........";
    std::ofstream(path, std::ios::binary) << previous;
    const std::string next(1 << 20, 'n');  // 1 MiB: more than the "disk" below can hold

    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The file size limit stands in for a full disk: writes past 64 KiB fail (EFBIG)
        // instead of raising SIGXFSZ, as they fail with ENOSPC on a full one.
        signal(SIGXFSZ, SIG_IGN);
        rlimit limit{64 * 1024, 64 * 1024};
        if (setrlimit(RLIMIT_FSIZE, &limit) != 0)
            _exit(3);
        const Status st = writeFileAtomically(path, next);
        _exit(st.ok() ? 0 : 1);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);  // the write failed, and said so
    CHECK(contentsOf(path) == previous);
    CHECK_FALSE(std::filesystem::exists(temporaryPathFor(path)));
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        CHECK(entry.path().filename() == "map.png");  // no partial file left behind

    // Without the limit the same write replaces the file.
    REQUIRE(writeFileAtomically(path, next).ok());
    CHECK(contentsOf(path) == next);
}
