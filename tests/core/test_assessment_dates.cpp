// Rows dated in the future are typing errors (2099 for 2019) and must not be accepted: one
// such assessment moved the lists' default date and the suspend list from 173 to 268 (issue
// 13). Long or control-character cells are shown shortened and escaped in messages.
#include <catch2/catch.hpp>

#include "core/assessments/assessment_table.h"
#include "core/assessments/inspection_table.h"
#include "core/criteria/criteria_io.h"
#include "core/tabular/csv_reader.h"
#include "core/text/quoted.h"
#include "test_support.h"

using namespace safemap;

namespace {

Table table(const std::vector<std::string>& header,
            const std::vector<std::vector<std::string_view>>& rows) {
    Table t;
    t.fileName = "danh_gia.csv";
    t.header = header;
    long r = 2;
    for (const auto& cells : rows) {
        t.addRow(r, r, cells);
        ++r;
    }
    return t;
}

SiteLookup lookup() {
    Factory f;
    f.taxCode = "9900000001";
    f.id = "MST-9900000001";
    return SiteLookup::from({f});
}

const std::vector<std::string> kHeader = {"ma_so_thue", "ngay_danh_gia", "workers_concurrent"};

}  // namespace

TEST_CASE("an assessment dated more than a day after today is refused with row and column") {
    auto set = loadCriteriaSet(sourcePath("resources/criteria/crln-1203-v1.json"));
    REQUIRE(set.ok());
    const Date today = *parseDate("2021-06-30");

    auto parsed = parseAssessmentTable(
        table(kHeader, {{"9900000001", "2021-06-14", "350"}, {"9900000001", "2099-12-31", "350"}}),
        *set, lookup(), today);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().file == "danh_gia.csv");
    CHECK(parsed.error().row == 3);
    CHECK(parsed.error().column == "ngay_danh_gia");
    CHECK(parsed.error().message ==
          "2099-12-31 is in the future (today is 2021-06-30): check the year");

    // Today and tomorrow are fine (the wall clock is UTC; Vietnam is 7 hours ahead).
    for (const char* ok : {"2021-06-30", "01/07/2021"}) {
        auto r = parseAssessmentTable(table(kHeader, {{"9900000001", ok, "350"}}), *set, lookup(),
                                      today);
        INFO(ok);
        CHECK(r.ok());
    }
    auto dayAfter = parseAssessmentTable(table(kHeader, {{"9900000001", "02/07/2021", "350"}}),
                                         *set, lookup(), today);
    REQUIRE_FALSE(dayAfter.ok());
    CHECK(dayAfter.error().row == 2);
}

TEST_CASE("without a given day, the wall clock decides: 2099-12-31 is never accepted") {
    auto set = loadCriteriaSet(sourcePath("resources/criteria/crln-1203-v1.json"));
    REQUIRE(set.ok());
    auto csv = parseCsv(
        "ma_so_thue,ngay_danh_gia,workers_concurrent\n"
        "9900000001,2021-06-14,350\n"
        "9900000001,31/12/2099,350\n",
        "tuong_lai.csv");
    REQUIRE(csv.ok());
    auto parsed = parseAssessmentTable(*csv, *set, lookup());
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().describe().rfind(
              "tuong_lai.csv, row 3, column ngay_danh_gia: 2099-12-31 is in the future", 0) == 0);
    // A date of today, by the same clock, is accepted.
    auto now = parseAssessmentTable(
        table(kHeader, {{"9900000001", formatDate(safemap::today()), "350"}}), *set, lookup());
    CHECK(now.ok());
}

TEST_CASE("an inspection dated in the future is refused too") {
    const std::vector<std::string> header = {"ma_so_thue", "ngay_kiem_tra", "dat_yeu_cau"};
    const Date today = *parseDate("2021-06-30");
    auto bad = parseInspectionTable(
        table(header, {{"9900000001", "2021-06-10", "có"}, {"9900000001", "2099-12-31", "có"}}),
        lookup(), today);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().row == 3);
    CHECK(bad.error().column == "ngay_kiem_tra");
    CHECK(bad.error().message ==
          "2099-12-31 is in the future (today is 2021-06-30): check the year");
    CHECK(parseInspectionTable(table(header, {{"9900000001", "2021-07-01", "có"}}), lookup(), today)
              .ok());
}

TEST_CASE("cells are quoted in messages shortened and with control characters escaped") {
    CHECK(quotedForMessage("nhiều") == "\"nhiều\"");
    CHECK(quotedForMessage("a\nb\tc") == "\"a\\nb\\tc\"");
    CHECK(quotedForMessage(std::string("1\0"
                                       "2",
                                       3)) == "\"1\\x002\"");
    const std::string big(10'000'000, '7');  // NOLINT(bugprone-string-constructor): 10 MB
    CHECK(quotedForMessage(big) == "\"" + std::string(60, '7') + "…\" (10000000 bytes)");
    // Cut at a character boundary: "ệ" is three bytes.
    std::string viet;
    for (int i = 0; i < 30; ++i)
        viet += "ệ";
    const std::string shown = quotedForMessage(viet, 10);
    CHECK(shown == "\"ệệệ…\" (90 bytes)");

    // A 10 MB answer no longer makes a 10 MB message.
    auto set = loadCriteriaSet(sourcePath("resources/criteria/crln-1203-v1.json"));
    REQUIRE(set.ok());
    const std::string huge(10'000'000, 'x');  // NOLINT(bugprone-string-constructor): 10 MB
    auto parsed = parseAssessmentTable(table(kHeader, {{"9900000001", "2021-06-14", huge}}), *set,
                                       lookup(), *parseDate("2021-06-30"));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().column == "workers_concurrent");
    CHECK(parsed.error().message.size() < 200);
    CHECK(parsed.error().message.find("(10000000 bytes) is not a number") != std::string::npos);
}
