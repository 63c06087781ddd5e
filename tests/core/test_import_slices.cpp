// An assessment import reads and scores slices on one thread while it stores them on another
// (issue 8): the hand-over between them, the slices, and the scores of the rows stored.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <deque>
#include <fstream>
#include <set>
#include <thread>

#include "core/assessments/assessment_table.h"
#include "core/project/import_slices.h"
#include "core/project/imports.h"
#include "core/tabular/csv_chunks.h"
#include "core/util/handover.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

TEST_CASE("a hand-over keeps the order, holds no more than its capacity and ends on close") {
    SECTION("values arrive in order and the taker learns the end") {
        Handover<int> h(3);
        int refused = 0;  // counted there, checked here: Catch's checks are for one thread
        std::thread producer([&] {
            for (int i = 0; i < 10000; ++i)
                refused += h.put(i) ? 0 : 1;
            h.close();
        });
        int expected = 0;
        bool inOrder = true;
        while (auto v = h.take()) {
            inOrder = inOrder && *v == expected;
            ++expected;
        }
        producer.join();
        CHECK(inOrder);
        CHECK(refused == 0);
        CHECK(expected == 10000);
    }
    SECTION("a full hand-over makes the giver wait, and a close ends the wait with a refusal") {
        Handover<int> h(2);
        REQUIRE(h.put(1));
        REQUIRE(h.put(2));
        bool third = true;
        std::thread giver([&] { third = h.put(3); });
        // Without the capacity the third value would go in at once, long before the close.
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        h.close();
        giver.join();
        CHECK_FALSE(third);
        CHECK(h.take() == 1);  // what was handed over before the close is still taken
        CHECK(h.take() == 2);
        CHECK_FALSE(h.take().has_value());
    }
}

TEST_CASE("the scores of the rows stored are the same whichever thread scored them") {
    // Five rows of different answers; rows 0 and 2 were stored already (id 0).
    const auto set = criteriaFrom(kCrlnFile);
    const CompiledCriteria compiled = compileCriteria(*set);
    const Table t = tableOf(kAssessmentHeader, {{"9900000001", "2021-06-01", "A", "50"},
                                                {"9900000002", "2021-06-02", "B", "6000", "1"},
                                                {"9900000003", "2021-06-03", "C", "70", "5"},
                                                {"9900000001", "2021-06-04", "D", "", "7", "có"},
                                                {"9900000002", "2021-06-05", "E", "90", "2"}});
    const auto lookup = SiteLookup::from(threeFactories());
    auto reader = AssessmentRowReader::open(t, *set, lookup);
    REQUIRE(reader.ok());
    ScoredSlice byReader, byWriter;
    REQUIRE(reader->read(0, 5, byReader.parsed).ok());
    REQUIRE(reader->read(0, 5, byWriter.parsed).ok());
    REQUIRE(byReader.parsed.assessments.size() == 5);
    for (const Assessment& a : byReader.parsed.assessments)
        appendScore(compiled, a, 0, byReader.scored);
    byReader.scoredHere = true;
    byWriter.scoredHere = false;
    const std::vector<int64_t> ids = {0, 7, 0, 9, 12};
    scoresOfStored(byReader, ids, compiled);
    scoresOfStored(byWriter, ids, compiled);
    REQUIRE(byReader.scored.rows.size() == 3);
    REQUIRE(byWriter.scored.rows.size() == 3);
    std::set<double> percents;
    for (size_t k = 0; k < 3; ++k) {
        const ScoreRow& x = byReader.scored.rows[k];
        const ScoreRow& y = byWriter.scored.rows[k];
        CHECK(x.assessmentId == ids[k == 0 ? 1 : k + 2]);
        CHECK(x.assessmentId == y.assessmentId);
        CHECK(x.summary.percent == y.summary.percent);
        CHECK(x.worstIndex == y.worstIndex);
        percents.insert(x.summary.percent);
    }
    CHECK(percents.size() == 3);  // a score shifted to a neighbour's row would show
    CHECK(byReader.scored.points == byWriter.scored.points);
    scoresOfStored(byReader, std::vector<int64_t>{0, 0, 0, 0, 0}, compiled);
    CHECK(byReader.scored.rows.empty());
    CHECK(byReader.scored.points.empty());
}

namespace {

// Takes every slice readScoredSlices hands over, handing each back to be filled again, and
// notes what it saw.
struct SliceLog {
    long assessments = 0;
    long lastRow = 0;
    bool rowsInOrder = true;
    bool oneScorePerRow = true;
    long long lastProgress = 0;
    bool progressInOrder = true;
    std::optional<Error> error;
    bool afterError = false;  ///< a slice came after the one with the error
    int slices = 0;
};

SliceLog takeAll(SliceHandover& empty, SliceHandover& full) {
    SliceLog log;
    while (auto s = full.take()) {
        ++log.slices;
        ScoredSlice& slice = **s;
        log.afterError = log.afterError || log.error.has_value();
        if (!slice.status) {
            log.error = slice.status.error();
            continue;
        }
        log.assessments += static_cast<long>(slice.parsed.assessments.size());
        for (long row : slice.parsed.rows) {
            log.rowsInOrder = log.rowsInOrder && row > log.lastRow;
            log.lastRow = row;
        }
        // Scored there, or left to the writer: never half.
        log.oneScorePerRow =
            log.oneScorePerRow &&
            slice.scored.rows.size() == (slice.scoredHere ? slice.parsed.assessments.size() : 0);
        log.progressInOrder = log.progressInOrder && slice.progress >= log.lastProgress;
        log.lastProgress = slice.progress;
        (void)empty.put(std::move(*s));
    }
    return log;
}

}  // namespace

TEST_CASE("slices read on a thread of their own come in file order, scored, and end at a bad row") {
    TempDir dir;
    std::string csv = "Mã số thuế,Ngày đánh giá,Người nộp,workers_concurrent\n";
    for (int i = 0; i < 90000; ++i)
        csv += "990000000" + std::to_string(1 + i % 3) + ",2021-06-02,Trần Thị Ánh " +
               std::to_string(i) + "," + std::to_string(50 + i % 400) + "\n";
    const std::string good = dir.file("tot.csv");
    { std::ofstream(good, std::ios::binary) << csv; }
    const std::string bad = dir.file("xau.csv");
    { std::ofstream(bad, std::ios::binary) << csv << "9900000002,2021-06-03,X,nhiều\n"; }
    const auto set = criteriaFrom(kCrlnFile);
    const CompiledCriteria compiled = compileCriteria(*set);
    const std::vector<Factory> factories = threeFactories();
    const SiteLookup sites = SiteLookup::from(factories);

    auto run = [&](const std::string& file, int slots, bool giveUpAtOnce) {
        auto chunks = CsvChunks::open(file, {}, 8192);
        REQUIRE(chunks.ok());
        REQUIRE((*chunks)->streamed());
        auto reader = AssessmentRowReader::open((*chunks)->head(), *set, sites);
        REQUIRE(reader.ok());
        SliceHandover empty, full;
        for (int i = 0; i < slots; ++i)
            REQUIRE(empty.put(std::make_unique<ScoredSlice>()));
        std::thread reading(readScoredSlices, std::ref(**chunks), std::ref(*reader),
                            std::cref(compiled), nullptr, size_t{1000}, std::ref(empty),
                            std::ref(full), nullptr);
        SliceLog log;
        if (giveUpAtOnce) {
            // The writer fails at the first slice: the reader must stop, not wait forever.
            (void)full.take();
            empty.close();
            full.close();
        } else {
            log = takeAll(empty, full);
        }
        reading.join();
        if (!giveUpAtOnce && !log.error)
            CHECK(log.lastProgress == (*chunks)->total());
        return log;
    };

    const SliceLog whole = run(good, 3, false);
    CHECK_FALSE(whole.error);
    CHECK(whole.assessments == 90000);
    CHECK(whole.lastRow == 90001);
    CHECK(whole.rowsInOrder);
    CHECK(whole.oneScorePerRow);
    CHECK(whole.progressInOrder);
    // The 2 MB head gives slices of 1,000 rows; each later piece of 8 KB a slice of its own.
    CHECK(whole.slices > 100);

    const SliceLog oneSlot = run(good, 1, false);
    CHECK(oneSlot.assessments == 90000);
    CHECK(oneSlot.rowsInOrder);

    const SliceLog failed = run(bad, 3, false);
    REQUIRE(failed.error);
    CHECK(failed.error->row == 90002);
    CHECK(failed.error->column == "workers_concurrent");
    CHECK_FALSE(failed.afterError);  // the error ends the slices
    // The rows of the slices before the one with the bad row (its own good rows are not
    // handed over: that slice carries only the error).
    CHECK(failed.assessments > 89000);
    CHECK(failed.assessments < 90000);
    CHECK(failed.rowsInOrder);

    run(good, 3, true);  // returns: the reader stopped when the writer gave up
}

TEST_CASE("an import of stored and new rows mixed scores each new row as its own") {
    // The reading thread scores every row before the writer knows which are stored already;
    // the writer keeps only the new rows' scores. A shift there would give a row the score
    // of its neighbour.
    TempDir dir;
    // Row i: facility i % 3, a day of its own, the worst answers on even rows and good ones
    // on odd rows, so neighbours score differently.
    std::deque<std::string> keep;
    auto mixed = [&](int from, int to) {
        std::vector<std::vector<std::string_view>> rows;
        for (int i = from; i < to; ++i) {
            keep.push_back("990000000" + std::to_string(1 + i % 3));
            const std::string_view tax = keep.back();
            char day[16];
            std::snprintf(day, sizeof day, "2021-%02d-%02d", 1 + (i / 28) % 12, 1 + i % 28);
            keep.emplace_back(day);
            const std::string_view date = keep.back();
            if (i % 2 == 0)
                rows.push_back({tax, date, "X", "6000", "1", "không", "không", "0", "khong", "100",
                                "20", "không", "co"});
            else
                rows.push_back({tax, date, "X", "50", "20", "có", "có", "100", "vach_ngan", "0",
                                "1", "có", "khong"});
        }
        return tableOf(kAssessmentHeader, rows);
    };
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    const auto onePath = dir.file("one.gpkg");
    Project once = projectWith(onePath, threeFactories());
    REQUIRE(importAssessments(once, mixed(0, 150), request).ok());

    const auto twoPath = dir.file("two.gpkg");
    Project twice = projectWith(twoPath, threeFactories());
    // An odd number of rows stored already: a score shifted by them would be its neighbour's.
    REQUIRE(importAssessments(twice, mixed(41, 90), request).ok());
    auto second = importAssessments(twice, mixed(0, 150), request);
    REQUIRE(second.ok());
    CHECK(second->alreadyPresent > 0);
    CHECK(second->inserted > 0);

    const auto crln = compileCriteria(*criteriaFrom(kCrlnFile));
    auto a = once.repository().scoreTimeline(crln);
    auto b = twice.repository().scoreTimeline(crln);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(a->siteIds == b->siteIds);
    REQUIRE(a->entries.size() == b->entries.size());
    std::set<double> percents;
    for (size_t i = 0; i < a->entries.size(); ++i) {
        CHECK(a->entries[i].day == b->entries[i].day);
        CHECK(a->entries[i].percent == b->entries[i].percent);
        CHECK(a->entries[i].level == b->entries[i].level);
        percents.insert(a->entries[i].percent);
    }
    CHECK(percents.size() >= 2);
}

TEST_CASE("answers encoded on the reading thread are the bytes the writer would store") {
    // From the second slice on, the reading thread encodes the rows with the terms the writer
    // met in the slices before; rows with a term not met yet (a new submitter, a new answer
    // code, far into the file) go to the writer. The stored bytes and terms must be those of
    // the same rows appended without an encoder.
    TempDir dir;
    std::deque<std::string> keep;
    std::vector<std::vector<std::string_view>> rows;
    for (int i = 0; i < 20000; ++i) {
        keep.push_back("990000000" + std::to_string(1 + i % 3));
        const std::string_view tax = keep.back();
        char day[16];
        std::snprintf(day, sizeof day, "20%02d-%02d-%02d", i / 336 % 20, 1 + (i / 28) % 12,
                      1 + i % 28);
        keep.emplace_back(day);
        const std::string_view date = keep.back();
        // A new submitter every 3,000 rows; a code first used at row 15,000.
        keep.push_back("Người nộp " + std::to_string(i / 3000));
        const std::string_view who = keep.back();
        const std::string_view canteen = i >= 15000 && i % 7 == 0 ? "khong_an_tap_trung"
                                         : i % 2                  ? "vach_ngan"
                                                                  : "khong";
        rows.push_back({tax, date, who, "50", "20", "có", i % 5 ? "có" : "không", "100", canteen,
                        "0", "1", "có", "khong"});
    }
    const Table table = tableOf(kAssessmentHeader, rows);
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    const auto viaImport = dir.file("import.gpkg");
    Project imported = projectWith(viaImport, threeFactories());
    auto outcome = importAssessments(imported, table, request);
    INFO((outcome.ok() ? std::string() : outcome.error().describe()));
    REQUIRE(outcome.ok());
    CHECK(outcome->inserted == 20000);

    // The same rows appended by the writer alone, in the same order.
    const auto set = criteriaFrom(kCrlnFile);
    const auto lookup = SiteLookup::from(threeFactories());
    auto parsed = parseAssessmentTable(table, *set, lookup);
    REQUIRE(parsed.ok());
    const auto viaWriter = dir.file("writer.gpkg");
    Project written = projectWith(viaWriter, threeFactories());
    {
        auto tx = written.repository().beginWrite();
        REQUIRE(tx.ok());
        std::vector<int64_t> ids;
        REQUIRE(
            written.repository().appendAssessments(parsed->assessments, parsed->rows, 0, ids).ok());
        REQUIRE((*tx)->commit().ok());
    }
    const char* answers =
        "SELECT group_concat(hex(answers), '/') FROM (SELECT answers FROM "
        "assessments ORDER BY fid)";
    const char* terms =
        "SELECT group_concat(fid || '=' || term, '/') FROM (SELECT * FROM "
        "answer_terms ORDER BY fid)";
    CHECK(sqlText(viaImport, terms) == sqlText(viaWriter, terms));
    CHECK(sqlText(viaImport, answers) == sqlText(viaWriter, answers));
    CHECK(sqlInt(viaImport,
                 "SELECT count(DISTINCT term) FROM answer_terms WHERE term LIKE "
                 "'Người nộp %'") == 7);
}
