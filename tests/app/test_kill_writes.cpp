// Kill tests (issue 13, item 6): the real `safemap` commands that write — import sites, import
// assessments, score with a new criteria set, a report over an earlier one — are killed (SIGKILL)
// at points spread over their run. Afterwards the project opens, `PRAGMA integrity_check` is ok, no
// journal is left, and what it holds is exactly the state before the command or exactly the state
// after it.
#include <QFile>
#include <QProcess>
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>

#include "cli_fixture.h"
#include "core/project/project.h"
#include "core/project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

/// What the project holds, without the clock: import and change times and loaded_at differ
/// between two runs of the same command, everything else must not.
std::string stateOf(const std::string& path) {
    static const char* const queries[] = {
        "SELECT count(*) || ':' || group_concat(row, '|') FROM (SELECT quote(site_id) || "
        "quote(tax_code) || quote(name) || quote(zone_id) || quote(district) || "
        "quote(workers_total) || quote(account_issued) || quote(hex(geom)) AS row FROM "
        "factories ORDER BY fid)",
        "SELECT count(*) || ':' || group_concat(row, '|') FROM (SELECT quote(site_id) || "
        "quote(assessed_on) || quote(submitter) || quote(answers) AS row FROM assessments "
        "ORDER BY fid)",
        "SELECT count(*) || ':' || group_concat(row, '|') FROM (SELECT set_id || set_version "
        "|| first_assessment || scores || hex(entries) AS row FROM score_blocks ORDER BY fid)",
        "SELECT count(*) || ':' || group_concat(row, '|') FROM (SELECT set_id || version || "
        "definition AS row FROM criteria_sets ORDER BY fid)",
        "SELECT group_concat(key || '=' || ifnull(value, ''), '|') FROM (SELECT * FROM "
        "safemap_meta ORDER BY key)",
        "SELECT count(*) FROM rtree_factories_geom",
        "SELECT count(*) FROM import_log",
        "SELECT count(*) FROM change_log",
        "SELECT count(*) FROM inspections",
    };
    std::string all;
    for (const char* q : queries) {
        all += sqlText(path, q).value_or("NULL");
        all += '\n';
    }
    return std::to_string(std::hash<std::string>{}(all)) + " (" + std::to_string(all.size()) +
           " bytes)";
}

void copyFile(const std::string& from, const std::string& to) {
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
}

/// A site table of `n` fictitious facilities in Hà Nam, as an office would send it.
void writeSites(const std::string& path, int n) {
    std::ofstream out(path);
    out << "ma_so_thue,ten_co_so,kinh_do,vi_do,tinh,huyen,so_lao_dong\n";
    for (int i = 0; i < n; ++i)
        out << 9600000000LL + i << ",Cơ sở kiểm thử " << i << " (dữ liệu tổng hợp),"
            << 105.90 + (i % 200) * 0.0005 << ',' << 20.55 + (i / 200) * 0.0005
            << ",Hà Nam,Duy Tiên," << 50 + i % 900 << '\n';
}

/// `copies` new assessments for each row of the sample's file: same answers, another
/// submitter, so each is a new assessment and none is a duplicate.
void writeAssessments(const std::string& path, int copies) {
    std::ifstream in(sourcePath("data/assessments/danh_gia_2021-06.csv"));
    std::string header;
    std::getline(in, header);
    std::vector<std::pair<std::string, std::string>> rows;  // before and after the submitter
    for (std::string line; std::getline(in, line);) {
        const auto a = line.find(',', line.find(',') + 1);
        const auto b = line.find(',', a + 1);
        REQUIRE(b != std::string::npos);
        rows.emplace_back(line.substr(0, a + 1), line.substr(b));
    }
    std::ofstream out(path);
    out << header << '\n';
    for (int k = 0; k < copies; ++k)
        for (const auto& [before, after] : rows)
            out << before << "Người kiểm thử " << k << after << '\n';
}

/// Runs `safemap <first> PROJECT <rest>` and returns how long it took; REQUIREs success.
double runToEnd(const QString& sub, const QString& project, const QStringList& rest) {
    const auto start = std::chrono::steady_clock::now();
    const CliRun r = runCli(QStringList{sub, project} + rest);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

/// Starts the command, kills it after `ms` milliseconds (if it has not finished), and
/// says whether the kill landed.
bool runAndKill(const QString& sub, const QString& project, const QStringList& rest, int ms) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SAFEMAP_BINARY), QStringList{sub, project} + rest);
    REQUIRE(p.waitForStarted(10000));
    const bool finished = p.waitForFinished(ms);
    if (!finished)
        p.kill();  // SIGKILL: no handler, no cleanup, as a power cut or the OOM killer
    if (p.state() != QProcess::NotRunning)  // waitForFinished is false on a finished process
        REQUIRE(p.waitForFinished(60000));
    return !finished && p.exitStatus() == QProcess::CrashExit;
}

void checkKills(const std::string& base, const QString& sub, const QStringList& rest,
                const TempDir& dir) {
    const std::string before = stateOf(base);
    const std::string whole = dir.file("whole.gpkg");
    copyFile(base, whole);
    const double ms = runToEnd(sub, QString::fromStdString(whole), rest);
    const std::string after = stateOf(whole);
    WARN(sub.toStdString() << " runs " << ms << " ms uninterrupted");
    REQUIRE(after != before);
    int landed = 0;
    constexpr int kPoints = 6;
    for (int k = 0; k < kPoints; ++k) {
        // From just after start-up to just before the end: the kill lands while reading, while
        // writing, and during the commit.
        const int at = static_cast<int>(ms * (0.1 + 0.85 * k / (kPoints - 1)));
        const std::string killed = dir.file("killed.gpkg");
        copyFile(base, killed);
        if (runAndKill(sub, QString::fromStdString(killed), rest, at))
            ++landed;
        INFO(sub.toStdString() << " killed after " << at << " of " << ms << " ms");
        {
            auto project = Project::open(killed);  // rolls a hot journal back
            REQUIRE(project.ok());
        }
        CHECK(sqlText(killed, "PRAGMA integrity_check") == "ok");
        CHECK_FALSE(std::filesystem::exists(killed + "-journal"));
        const std::string now = stateOf(killed);
        CHECK((now == before || now == after));
    }
    // Most kills must land mid-run, or the test would prove nothing.
    CHECK(landed >= kPoints / 2);
}

}  // namespace

TEST_CASE("a command killed at any point leaves the project before or after it", "[cli][kill]") {
    // Under ASan the commands run about ten times slower: a quarter of the rows still keeps
    // each run long enough for the kills to land in it (checked: most must land mid-run).
    constexpr int kShare = kSanitizedBuild ? 4 : 1;
    TempDir dir;
    const std::string base = dir.file("base.gpkg");
    makeSampleProject(QString::fromStdString(base));

    SECTION("import sites") {
        const std::string sites = dir.file("co_so.csv");
        writeSites(sites, 5000 / kShare);
        checkKills(base, QStringLiteral("import"), {QString::fromStdString(sites)}, dir);
    }
    SECTION("import assessments") {
        const std::string rows = dir.file("danh_gia.csv");
        writeAssessments(rows, 40 / kShare);  // 19,200 rows (4,800 under ASan)
        checkKills(base, QStringLiteral("import-assessments"), {QString::fromStdString(rows)}, dir);
    }
    SECTION("score with a new criteria set") {
        // Enough assessments that scoring takes a while to kill.
        const std::string rows = dir.file("danh_gia.csv");
        writeAssessments(rows, 40 / kShare);
        runToEnd(QStringLiteral("import-assessments"), QString::fromStdString(base),
                 {QString::fromStdString(rows)});
        checkKills(
            base, QStringLiteral("score"),
            {QStringLiteral("--criteria"), src("resources/criteria/extended-letters-v1.json")},
            dir);
    }
}

TEST_CASE("an import into a new project killed at any point leaves no project or the whole one",
          "[cli][kill]") {
    // A first import builds the file beside its name and renames it into place when complete
    // (buildNewProject): a kill must leave no file at the project's path, or the whole project.
    constexpr int kShare = kSanitizedBuild ? 4 : 1;
    TempDir dir;
    const std::string sites = dir.file("co_so.csv");
    writeSites(sites, 20000 / kShare);
    const std::string whole = dir.file("whole.gpkg");
    const double ms = runToEnd(QStringLiteral("import"), QString::fromStdString(whole),
                               {QString::fromStdString(sites)});
    // Each new project gets its own id; the rest must be the same.
    const std::string sameId = "UPDATE safemap_meta SET value = 'p' WHERE key = 'project.id'";
    sqlExec(whole, sameId);
    const std::string after = stateOf(whole);
    WARN("import into a new project runs " << ms << " ms uninterrupted");
    int landed = 0, absent = 0;
    constexpr int kPoints = 6;
    for (int k = 0; k < kPoints; ++k) {
        const int at = static_cast<int>(ms * (0.1 + 0.85 * k / (kPoints - 1)));
        const std::string killed = dir.file("killed-" + std::to_string(k) + ".gpkg");
        if (runAndKill(QStringLiteral("import"), QString::fromStdString(killed),
                       {QString::fromStdString(sites)}, at))
            ++landed;
        INFO("killed after " << at << " of " << ms << " ms");
        CHECK_FALSE(std::filesystem::exists(killed + "-journal"));
        if (!std::filesystem::exists(killed)) {
            ++absent;
            continue;
        }
        {
            auto project = Project::open(killed);
            REQUIRE(project.ok());
        }
        CHECK(sqlText(killed, "PRAGMA integrity_check") == "ok");
        sqlExec(killed, sameId);
        CHECK(stateOf(killed) == after);
    }
    CHECK(landed >= kPoints / 2);
    // Some kills must land before the rename, while the file is being written, or the test
    // would prove nothing. (One that lands after it, while the process exits, rightly finds
    // the whole project: under ASan the exit takes a while.)
    CHECK(absent >= 1);
}

namespace {

/// A PDF that ends with its trailer: what a finished write leaves, never a cut-off one.
bool wholePdf(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = f.readAll();
    return bytes.startsWith("%PDF-") && bytes.trimmed().endsWith("%%EOF");
}

}  // namespace

TEST_CASE("a report killed at any point leaves the previous report whole", "[cli][kill]") {
    // A report replaces the file an analyst took to the last meeting: a kill must leave that
    // file as it was or the new report complete, never a truncated PDF.
    TempDir dir;
    const QString project = QString::fromStdString(dir.file("p.gpkg"));
    makeSampleProject(project);
    const QString out = QString::fromStdString(dir.file("bao_cao.pdf"));
    runToEnd(QStringLiteral("report"), project, {QStringLiteral("--out"), out});
    const QByteArray projectBefore = digest(project);
    const QStringList rest = {QStringLiteral("--out"), out, QStringLiteral("--template"),
                              QStringLiteral("action-lists")};
    const QString scratch = QString::fromStdString(dir.file("scratch.pdf"));
    const double ms = runToEnd(QStringLiteral("report"), project,
                               {QStringLiteral("--out"), scratch, QStringLiteral("--template"),
                                QStringLiteral("action-lists")});
    int landed = 0;
    constexpr int kPoints = 6;
    for (int k = 0; k < kPoints; ++k) {
        const int at = static_cast<int>(ms * (0.1 + 0.85 * k / (kPoints - 1)));
        if (runAndKill(QStringLiteral("report"), project, rest, at))
            ++landed;
        INFO("report killed after " << at << " of " << ms << " ms");
        // The previous report or a new one written to its end, never a cut-off file.
        CHECK(wholePdf(out));
        CHECK(digest(project) == projectBefore);  // a report only reads the project
    }
    CHECK(landed >= kPoints / 2);
}
