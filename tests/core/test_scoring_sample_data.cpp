#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "core/criteria/criteria_io.h"
#include "core/scoring/score.h"
#include "test_support.h"

using namespace safemap;

namespace {

// Just enough CSV for the sample file (RFC 4180 quotes, CRLF); the real importer is elsewhere.
std::vector<std::vector<std::string>> readCsv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    const std::string text = s.str();
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(cell));
            cell.clear();
        } else if (c == '\n') {
            rows.back().push_back(std::move(cell));
            cell.clear();
            rows.emplace_back();
        } else if (c != '\r') {
            cell += c;
        }
    }
    if (rows.back().empty())
        rows.pop_back();
    return rows;
}

}  // namespace

TEST_CASE("the sample assessments read and score as the generator intends") {
    const auto rows = readCsv(sourcePath("data/assessments/danh_gia_2021-06.csv"));
    REQUIRE(rows.size() > 100);
    const CompiledCriteria ext = compileCriteria(
        loadCriteriaSet(sourcePath("resources/criteria/extended-letters-v1.json")).value());
    const CompiledCriteria crln = compileCriteria(
        loadCriteriaSet(sourcePath("resources/criteria/crln-1203-v1.json")).value());

    const auto& header = rows[0];
    REQUIRE(header.size() == 3 + ext.indexCount());
    CHECK(header[0] == "ma_so_thue");
    CHECK(header[1] == "ngay_danh_gia");
    CHECK(header[2] == "nguoi_nop");
    for (std::size_t k = 0; k < ext.indexCount(); ++k)
        CHECK(header[3 + k] == ext.set.indices[k].id);

    std::set<RiskLevel> extLevels, crlnLevels;
    std::set<double> percents;
    std::vector<std::string> problems;
    std::size_t missing = 0;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        REQUIRE(rows[r].size() == header.size());
        Assessment a;
        a.siteId = "MST-" + rows[r][0];
        CHECK_FALSE(rows[r][0].empty());
        auto date = parseDate(rows[r][1]);
        REQUIRE(date.has_value());
        a.date = *date;
        a.submitter = rows[r][2];
        for (std::size_t c = 3; c < header.size(); ++c)
            a.answers[header[c]] = rows[r][c];

        const ScoreResult e = scoreAssessment(ext, a);
        extLevels.insert(e.level);
        percents.insert(e.percent);
        missing += e.missing.size();
        for (const auto& s : e.indices)
            if (s.status == AnswerStatus::Invalid)
                problems.push_back(s.problem);
        const ScoreResult c = scoreAssessment(crln, a);
        crlnLevels.insert(c.level);
        CHECK(c.unknownAnswers.size() == 6);  // the extended set's extra columns
    }
    CHECK(extLevels.size() == kRiskLevelCount);
    CHECK(crlnLevels.size() == kRiskLevelCount);
    for (double p : {10.0, 30.0, 50.0, 80.0})
        CHECK(percents.count(p) == 1);
    CHECK(missing > 0);
    // Everything in the sample is readable: the cells spoilt on purpose are in loi_mau.csv.
    CHECK(problems.empty());
}
