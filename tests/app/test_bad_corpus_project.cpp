// The bad-input corpus (tests/data/bad/, issue 13 item 5) at the level a user meets it: each
// refused file is given to the real `safemap` command that reads its kind, on the sample
// project. The command fails, names the file (and the row and column where the manifest
// says), and the project is byte for byte as it was.
#include <catch2/catch.hpp>

#include <filesystem>

#include "bad_corpus.h"
#include "cli_fixture.h"

using namespace safemap::test;

namespace {

QStringList commandFor(const bad_corpus::Case& c, const QString& project, const QString& file) {
    if (c.kind == "assessments")
        return {"import-assessments", project, file};
    if (c.kind == "inspections")
        return {"import-inspections", project, file};
    if (c.kind == "criteria")
        return {"score", project, "--criteria", file};
    if (c.kind == "sites")
        return {"import", project, file};
    FAIL("manifest kind without a command: " << c.kind);
    return {};
}

}  // namespace

TEST_CASE("every refused file of the bad-input corpus leaves the project byte for byte as it was",
          "[cli][corpus]") {
    TempDir dir;
    const QString base = QString::fromStdString(dir.file("base.gpkg"));
    makeSampleProject(base);
    const QString project = QString::fromStdString(dir.file("p.gpkg"));
    int refused = 0;
    for (const bad_corpus::Case& c : bad_corpus::manifest()) {
        if (c.expect != "error")
            continue;
        std::filesystem::copy_file(base.toStdString(), project.toStdString(),
                                   std::filesystem::copy_options::overwrite_existing);
        const QByteArray before = digest(project);
        const std::string file = bad_corpus::pathOf(c, dir);
        const QByteArray sourceBefore = digest(QString::fromStdString(file));
        const CliRun r = runCli(commandFor(c, project, QString::fromStdString(file)));
        INFO(c.file << " (" << c.kind << "): exit " << r.exitCode << "\n"
                    << r.err.left(600).toStdString());
        CHECK(r.exitCode == 1);
        CHECK(digest(project) == before);
        CHECK(digest(QString::fromStdString(file)) == sourceBefore);  // sources never change
        CHECK_FALSE(std::filesystem::exists(project.toStdString() + "-journal"));
        const std::string name = std::filesystem::path(file).filename().string();
        CHECK(r.err.contains(QString::fromStdString(name)));
        if (c.row >= 0)
            CHECK(r.err.contains(QStringLiteral("row %1").arg(c.row)));
        if (!c.column.empty())
            CHECK(r.err.contains(QString::fromStdString(c.column)));
        ++refused;
    }
    CHECK(refused >= 20);  // the corpus has not been emptied
}
