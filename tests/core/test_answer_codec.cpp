// Answers stored densely (schema 6, core/storage/answer_codec.h): what goes in comes out,
// terms are shared, damaged bytes are refused, and version-4 projects are converted
// without changing what re-importing them does.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>

#include "core/storage/answer_codec.h"
#include "core/storage/answer_encoder.h"
#include "core/storage/assessment_store.h"
#include "core/storage/database.h"
#include "core/storage/schema.h"
#include "core/tabular/csv_reader.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

using Answers = std::map<std::string, AnswerValue>;

Database termsDatabase(const TempDir& dir) {
    auto db = Database::open(dir.file("terms.sqlite"), OpenMode::Create);
    REQUIRE(db.ok());
    REQUIRE(db->exec("CREATE TABLE answer_terms (fid INTEGER PRIMARY KEY AUTOINCREMENT, "
                     "term TEXT NOT NULL UNIQUE)")
                .ok());
    return std::move(db).value();
}

// Same keys, same kinds, same values bit for bit (NaN included).
bool sameAnswers(const Answers& a, const Answers& b) {
    if (a.size() != b.size())
        return false;
    for (const auto& [key, value] : a) {
        auto it = b.find(key);
        if (it == b.end() || it->second.index() != value.index())
            return false;
        if (const auto* d = std::get_if<double>(&value)) {
            const double e = std::get<double>(it->second);
            if (std::memcmp(d, &e, sizeof e) != 0)
                return false;
        } else if (value != it->second) {
            return false;
        }
    }
    return true;
}

}  // namespace

TEST_CASE("stored answers read back as given, numbers bit for bit, in either format") {
    const AnswerFormat format = GENERATE(AnswerFormat::Tagged, AnswerFormat::Keyed);
    INFO(static_cast<int>(format));
    TempDir dir;
    Database db = termsDatabase(dir);
    const Answers given{
        {"workers_concurrent", 176.0},
        {"negative", -3.0},
        {"big", 9007199254740992.0},
        {"bigger", 9007199254740994.0},
        {"fraction", 17.25},
        {"tiny", 1e-300},
        {"minus_zero", -0.0},
        {"not_a_number", std::numeric_limits<double>::quiet_NaN()},
        {"infinite", -std::numeric_limits<double>::infinity()},
        {"hand_washing", true},
        {"masks_worn", false},
        {"canteen_distancing", std::string("vach_ngan")},
        {"ghi_chu", std::string("Vách ngăn giữa các bàn ăn, công nhân ăn theo ca; đã kiểm tra "
                                "ngày 3 tháng 5")},
        {"empty", std::string()},
        {"số_người", 12.0},
    };
    TermWriter writer(db);
    auto stored = encodeAnswers(given, writer, format);
    REQUIRE(stored.ok());
    TermReader reader(db);
    Answers back;
    auto st = decodeAnswers(*stored, 1, reader, back);
    INFO((st.ok() ? std::string() : st.error().describe()));
    REQUIRE(st.ok());
    CHECK(sameAnswers(given, back));
    // Long free text stays inline; keys and short texts are terms.
    CHECK_FALSE(db.queryInt("SELECT 1 FROM answer_terms WHERE term LIKE 'Vách ngăn%'"));
    CHECK(db.queryInt("SELECT 1 FROM answer_terms WHERE term = 'vach_ngan'") == 1);
    CHECK(db.queryInt("SELECT 1 FROM answer_terms WHERE term = 'số_người'") == 1);
    // The small whole number takes two bytes, not eight; format 2 names its key in the
    // key list, once for all the assessments that answer the same indices.
    Answers one{{"workers_concurrent", 176.0}};
    auto small = encodeAnswers(one, writer, format);
    REQUIRE(small.ok());
    if (format == AnswerFormat::Tagged)
        CHECK(small->size() == 4 + 1 + 1 + 2);  // magic, key, tag, number
    else
        CHECK(small->size() == 1 + 1 + 1 + 2);  // format, no submitter, key list, tag and number
}

TEST_CASE("format 2 carries the submitter, and answers kept as they were keep theirs") {
    TempDir dir;
    Database db = termsDatabase(dir);
    const Answers given{{"night_shift", std::string("co_it")}, {"workers", 12.0}};
    // Longer than any answer text made a term: names are terms whatever their length.
    const std::string name = "Nguyễn Thị Minh Khai, Phòng An toàn lao động";
    TermWriter writer(db);
    auto stored = encodeAnswers(given, writer, AnswerFormat::Keyed, name);
    REQUIRE(stored.ok());
    auto again = encodeAnswers(given, writer, AnswerFormat::Keyed, name);
    REQUIRE(again.ok());
    CHECK(*again == *stored);  // the name is stored once, as a term
    CHECK(db.queryInt("SELECT count(*) FROM answer_terms WHERE term = '" + name + "'") == 1);
    TermReader reader(db);
    Answers back;
    std::string submitter = "left over";
    REQUIRE(decodeAnswers(*stored, 1, reader, back, &submitter).ok());
    CHECK(sameAnswers(given, back));
    CHECK(submitter == name);
    auto nobody = encodeAnswers(given, writer, AnswerFormat::Keyed);
    REQUIRE(nobody.ok());
    REQUIRE(decodeAnswers(*nobody, 2, reader, back, &submitter).ok());
    CHECK(submitter.empty());

    // What migration 8 does with answers that do not read: the bytes and the name stay,
    // and reading them is refused as before.
    const std::vector<uint8_t> torn{'S', 'M', 'A', 1, 0x7f};
    auto kept = keptAnswers(torn, name, writer);
    REQUIRE(kept.ok());
    CHECK(std::equal(torn.begin(), torn.end(), kept->end() - static_cast<long>(torn.size())));
    auto refused = decodeAnswers(*kept, 3, reader, back, &submitter);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "project.answers_bad");
    CHECK(refused.error().describe().find("kept as they were") != std::string::npos);
}

TEST_CASE("answers share their terms across assessments and writes") {
    TempDir dir;
    Database db = termsDatabase(dir);
    const Answers a{{"night_shift", std::string("co_it")}, {"daily_masks", true}};
    const Answers b{{"night_shift", std::string("co_it")}, {"daily_masks", false}};
    {
        TermWriter writer(db);
        REQUIRE(encodeAnswers(a, writer).ok());
        REQUIRE(encodeAnswers(b, writer).ok());
    }
    TermWriter later(db);  // a later write finds the stored terms
    auto again = encodeAnswers(a, later);
    REQUIRE(again.ok());
    // Two keys, one text, and the key list both assessments share.
    CHECK(db.queryInt("SELECT count(*) FROM answer_terms") == 4);
    CHECK(db.queryText("SELECT term FROM answer_terms WHERE term LIKE '#keys:%'") ==
          "#keys:" +
              std::to_string(*db.queryInt("SELECT fid FROM answer_terms WHERE term = "
                                          "'daily_masks'")) +
              "," +
              std::to_string(*db.queryInt("SELECT fid FROM answer_terms WHERE term = "
                                          "'night_shift'")));
    TermReader reader(db);
    Answers back;
    REQUIRE(decodeAnswers(*again, 1, reader, back).ok());
    CHECK(sameAnswers(a, back));
}

TEST_CASE("an encoder off the writing thread makes the writer's bytes, or leaves the row") {
    // The reading thread of an import encodes with the terms the writer has published
    // (SharedTerms): where it has them all its bytes are the writer's; where one is missing
    // it leaves the row (no bytes) for the writer, never guessing an id.
    TempDir dir;
    Database db = termsDatabase(dir);
    const Answers a{
        {"night_shift", std::string("co_it")}, {"daily_masks", true}, {"workers", 120.0}};
    const Answers b{{"night_shift", std::string("khong")}, {"daily_masks", false}};
    auto shared = std::make_shared<SharedTerms>();
    GpkgAnswerEncoder encoder(shared);
    EncodedAnswers out;
    encoder.refresh();
    Assessment row;
    row.answers = a;
    row.submitter = "Trần Thị Ánh";
    encoder.encode(row, out);  // nothing published yet
    CHECK(out.of(0).empty());

    TermWriter writer(db);
    auto written = encodeAnswers(a, writer, AnswerFormat::Keyed, row.submitter);
    REQUIRE(written.ok());
    shared->publish(writer.known());
    encoder.encode(row, out);  // published, but not taken in before refresh()
    CHECK(out.of(1).empty());
    encoder.refresh();
    encoder.encode(row, out);
    CHECK(std::vector<uint8_t>(out.of(2).begin(), out.of(2).end()) == *written);

    Assessment other;
    other.answers = b;  // another key list and a new code: unknown to the encoder
    other.submitter = "Trần Thị Ánh";
    encoder.encode(other, out);
    CHECK(out.of(3).empty());
    auto writtenB = encodeAnswers(b, writer, AnswerFormat::Keyed, other.submitter);
    REQUIRE(writtenB.ok());
    shared->publish(writer.known());
    encoder.refresh();
    encoder.encode(other, out);
    encoder.encode(row, out);  // back to the first key list
    CHECK(std::vector<uint8_t>(out.of(4).begin(), out.of(4).end()) == *writtenB);
    CHECK(std::vector<uint8_t>(out.of(5).begin(), out.of(5).end()) == *written);
    CHECK(out.ends.size() == 6);
}

TEST_CASE("damaged stored answers are refused with the assessment named") {
    const AnswerFormat format = GENERATE(AnswerFormat::Tagged, AnswerFormat::Keyed);
    INFO(static_cast<int>(format));
    TempDir dir;
    Database db = termsDatabase(dir);
    const Answers given{{"workers", 123456.0},
                        {"share", 0.5},
                        {"choice", std::string("duoi_1m")},
                        {"note", std::string(40, 'x')}};
    TermWriter writer(db);
    auto stored = encodeAnswers(given, writer, format);
    REQUIRE(stored.ok());
    TermReader reader(db);
    // Every cut short of the whole either fails cleanly or (at an answer's boundary)
    // reads fewer answers; none reads past the end.
    size_t refused = 0;
    for (size_t n = 0; n < stored->size(); ++n) {
        Answers back;
        auto st = decodeAnswers(std::span<const uint8_t>(stored->data(), n), 42, reader, back);
        if (!st.ok()) {
            ++refused;
            CHECK(st.error().code == "project.answers_bad");
            CHECK(st.error().describe().find("42") != std::string::npos);
        } else {
            // Format 2 lists its keys first: a cut short of them is always refused.
            CHECK(format == AnswerFormat::Tagged);
            CHECK(back.size() < given.size());
        }
    }
    CHECK(refused > stored->size() / 2);
    auto with = [&](size_t at, uint8_t value) {
        auto b = *stored;
        b[at] = value;
        Answers back;
        std::string submitter;
        return decodeAnswers(b, 7, reader, back, &submitter);
    };
    CHECK_FALSE(with(0, 'X').ok());  // not stored answers
    if (format == AnswerFormat::Tagged) {
        CHECK_FALSE(with(4, 99).ok());  // a term the project does not have
        CHECK_FALSE(with(5, 9).ok());   // an unknown tag
    } else {
        CHECK_FALSE(with(1, 99).ok());  // a submitter the project does not have
        CHECK_FALSE(with(2, 99).ok());  // a key list the project does not have
        const auto choice = db.queryInt("SELECT fid FROM answer_terms WHERE term = 'duoi_1m'");
        REQUIRE(choice);
        CHECK_FALSE(with(2, static_cast<uint8_t>(*choice)).ok());  // a term, not a key list
        CHECK_FALSE(with(2, 0).ok());     // answers kept as they were: refused
        CHECK_FALSE(with(3, 0x07).ok());  // an unknown tag
        // "share" (0.5, an other number) comes third in key order, before "workers"
        // (123456: three varint bytes): its varint is the tag alone, then eight bytes.
        const size_t share = stored->size() - 3 - 8 - 1;
        REQUIRE((*stored)[share] == 3);
        CHECK(with(share, 3).ok());
        CHECK_FALSE(with(share, 3 | 8).ok());  // stray bits after the tag
        auto longer = *stored;
        longer.push_back(0);
        Answers back;
        CHECK_FALSE(decodeAnswers(longer, 7, reader, back).ok());  // more answers than keys
    }
}

TEST_CASE("a version-4 project's answers are converted and re-importing adds nothing") {
    TempDir dir;
    const auto path = copyOfV4Sample(dir);
    // What version 4 stored, read as version 4 did.
    std::map<int64_t, Answers> before;
    std::map<int64_t, std::string> submitters;
    {
        auto db = Database::open(path, OpenMode::ReadOnly);
        REQUIRE(db.ok());
        auto st = db->prepare("SELECT fid, answers, submitter FROM assessments");
        REQUIRE(st.ok());
        while (st->step()) {
            before[st->integer(0)] = answersFromJson(st->text(1));
            submitters[st->integer(0)] = st->text(2);
        }
    }
    const auto names = sqlInt(path, "SELECT count(DISTINCT submitter) FROM assessments");
    REQUIRE(names > 100);
    REQUIRE(before.size() == 480);

    auto project = Project::open(path);
    REQUIRE(project.ok());
    CHECK(project->repository().schemaVersion() == latestSchemaVersion());
    CHECK(sqlInt(path, "SELECT count(*) FROM assessments WHERE typeof(answers) = 'blob'") == 480);
    CHECK(sqlText(path,
                  "SELECT type FROM pragma_table_info('assessments') WHERE name = "
                  "'answers'") == "BLOB");
    // Index ids, choice codes, a key list or two, and (since schema 8) the submitters.
    CHECK(sqlInt(path, "SELECT count(*) FROM answer_terms") < 60 + *names);
    CHECK(sqlInt(path,
                 "SELECT count(*) FROM pragma_table_info('assessments') WHERE name = "
                 "'submitter'") == 0);
    size_t same = 0;
    auto visit = project->repository().forEachAssessment(
        [&](std::span<const StoredAssessment> batch) -> Status {
            for (const auto& s : batch)
                same += before.count(s.id) && sameAnswers(before[s.id], s.assessment.answers) &&
                        submitters[s.id] == s.assessment.submitter;
            return {};
        });
    REQUIRE(visit.ok());
    CHECK(same == 480);

    auto table = readCsvFile(sourcePath("data/assessments/danh_gia_2021-06.csv"), std::nullopt);
    REQUIRE(table.ok());
    auto again = importAssessments(*project, *table, AssessmentImportRequest{});
    REQUIRE(again.ok());
    CHECK(again->inserted == 0);
    CHECK(again->alreadyPresent == 480);
    CHECK(sqlInt(path, "SELECT count(*) FROM assessments") == 480);
}

TEST_CASE("answers read straight into scorer rows are the rows read through the assessments") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    const auto sites = threeFactories();
    // Every kind of answer the scorer meets: numbers (whole, fractional, as text with a
    // thousands dot, not a number), yes/no as booleans and as words, choices by code, by
    // label and by number, long free text, empty text, keys no set knows, and no answer.
    std::vector<Assessment> list;
    for (int i = 0; i < 900; ++i) {
        Assessment a;
        a.siteId = sites[static_cast<size_t>(i % 3)].id;
        a.date = *parseDate(i % 2 ? "2021-06-14" : "2021-06-15");
        a.submitter = "Người nộp " + std::to_string(i);
        auto& x = a.answers;
        if (i % 11 != 0)
            x["workers_concurrent"] = i % 5 == 0   ? AnswerValue(std::string("1.200"))
                                      : i % 7 == 0 ? AnswerValue(std::string("nhiều"))
                                                   : AnswerValue(double(i * 3));
        // Small whole numbers, negative ones too, come back many times: the reader looks
        // them up after the first (answer_codec.h), and must read them as the first time.
        x["floor_area_per_worker"] = i % 4 == 0   ? AnswerValue(12.75)
                                     : i % 4 == 1 ? AnswerValue(double(i % 7 - 3))
                                                  : AnswerValue(-0.0);
        x["hand_washing"] = i % 3 == 0   ? AnswerValue(i % 2 == 0)
                            : i % 3 == 1 ? AnswerValue(std::string("có"))
                                         : AnswerValue(std::string("không"));
        x["masks_worn"] = i % 5 == 0    ? AnswerValue(2.0)
                          : i % 13 == 0 ? AnswerValue(-1.0)
                                        : AnswerValue(1.0);
        x["temperature_check"] = AnswerValue(std::string(i % 6 == 0 ? "" : "98,5"));
        const char* choices[] = {"vach_ngan", "Ngồi cách nhau dưới 1 m, có chia ca ăn", "khong",
                                 "không rõ"};
        if (i % 5 == 4)
            x["canteen_distancing"] = AnswerValue(3.0);
        else
            x["canteen_distancing"] = AnswerValue(std::string(choices[i % 4]));
        x["night_shift"] = AnswerValue(std::string(
            i % 9 == 0 ? "Có ca đêm từ 22 giờ đến 6 giờ sáng, khoảng 120 người" : "co_it"));
        x["dormitory"] = AnswerValue(std::string(i % 2 ? "dat_chuan" : "chua_dat"));
        x["ghi_chu_" + std::to_string(i % 4)] = AnswerValue(std::string("không có"));
        list.push_back(std::move(a));
    }
    {
        auto tx = project.repository().beginWrite();
        REQUIRE(tx.ok());
        std::vector<int64_t> ids;
        REQUIRE(project.repository().appendAssessments(list, {}, 0, ids).ok());
        REQUIRE((*tx)->commit().ok());
    }
    for (const auto& file : {kCrlnFile, kExtendedFile}) {
        INFO(file);
        const auto criteria = compileCriteria(*criteriaFrom(file));
        auto collect = [](std::vector<int64_t>& ids, std::vector<double>& rows) {
            return [&](std::span<const int64_t> i, std::span<const double> r) -> Status {
                ids.insert(ids.end(), i.begin(), i.end());
                rows.insert(rows.end(), r.begin(), r.end());
                return {};
            };
        };
        std::vector<int64_t> fastIds, slowIds;
        std::vector<double> fast, slow;
        const ProjectRepository& repo = project.repository();
        REQUIRE(repo.forEachAnswerRow(criteria, {}, collect(fastIds, fast)).ok());
        REQUIRE(
            repo.ProjectRepository::forEachAnswerRow(criteria, {}, collect(slowIds, slow)).ok());
        REQUIRE(fastIds.size() == 900);
        CHECK(fastIds == slowIds);
        REQUIRE(fast.size() == slow.size());
        REQUIRE(fast.size() == 900 * criteria.indexCount());
        CHECK(std::memcmp(fast.data(), slow.data(), fast.size() * sizeof(double)) == 0);
        // The rows mean something: some answers read as numbers, some as missing.
        CHECK(std::count_if(fast.begin(), fast.end(), [](double v) { return std::isnan(v); }) > 0);
        CHECK(std::count_if(fast.begin(), fast.end(), [](double v) { return v > 100; }) > 0);
    }
}

TEST_CASE("a project upgraded by rebuilding its assessments does not keep the old pages") {
    TempDir dir;
    const auto path = copyOfV4Sample(dir);
    // Ten times the sample's assessments (new content keys), so that the rebuilt table
    // leaves most of the file free.
    for (int i = 0; i < 10; ++i)
        sqlExec(path,
                "INSERT INTO assessments (site_id, assessed_on, submitter, answers, import_id, "
                "source_row, content_key) SELECT site_id, assessed_on, submitter, answers, "
                "import_id, source_row, randomblob(16) FROM assessments WHERE fid <= 480");
    const auto before = std::filesystem::file_size(path);
    REQUIRE(sqlInt(path, "PRAGMA page_size") == 4096);
    auto project = Project::open(path);
    REQUIRE(project.ok());
    CHECK(sqlInt(path, "SELECT count(*) FROM assessments WHERE typeof(answers) = 'blob'") == 5280);
    CHECK(sqlInt(path, "PRAGMA freelist_count") == 0);
    CHECK(sqlInt(path, "PRAGMA page_size") == 16384);  // compacting gave it a new file's pages
    CHECK(std::filesystem::file_size(path) < before * 3 / 4);
    CHECK(sqlText(path, "PRAGMA integrity_check") == "ok");
}
