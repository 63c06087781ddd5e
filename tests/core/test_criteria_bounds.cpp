// Criteria values must stay within the documented bounds (docs/criteria-format.md, "Bounds"):
// a set that could make a score infinite or NaN is refused when it is read, with the path of
// the field, instead of rating facilities without hand washing "very low" (issue 13, point 4).
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/criteria/criteria_io.h"
#include "core/scoring/compiled_criteria.h"
#include "core/scoring/score.h"
#include "test_support.h"

using namespace safemap;
using Json = nlohmann::ordered_json;

namespace {

std::string crlnText() {
    std::ifstream in(sourcePath("resources/criteria/crln-1203-v1.json"), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string errorOf(const std::string& text) {
    auto r = parseCriteriaSet(text, "bounds.json");
    if (r.ok())
        return "ok";
    CHECK(r.error().file == "bounds.json");
    return r.error().message;
}

std::string boundsErrorAfter(const std::function<void(Json&)>& change) {
    Json j = Json::parse(crlnText());
    change(j);
    return errorOf(j.dump(2));
}

// Index 2 of the CRLN set is hand_washing (yes_no, yes → 1, no → 10).
void hugeHandWashing(Json& j) {
    Json& hw = j["indices"][2];
    REQUIRE(hw["id"] == "hand_washing");
    hw["points_max"] = 1.7e308;
    hw["yes_no"]["no"] = 1.7e308;
    hw.erase("mandatory_fail_at");
}

}  // namespace

TEST_CASE("points of 1.7e308 are refused, naming the field") {
    // On main this set was accepted: points_max summed to +Inf, every percentage became 0 and
    // a facility without hand washing was rated "very low".
    CHECK(boundsErrorAfter(hugeHandWashing) ==
          "indices[2].points_max: expected a number from 0 to 1000, got 1.7e+308");
    // Two such indices made the sum Inf + Inf and the percentage NaN.
    CHECK(boundsErrorAfter([](Json& j) {
              for (int i : {2, 3}) {
                  j["indices"][i]["points_max"] = 1.7e308;
                  j["indices"][i].erase("mandatory_fail_at");
              }
          }) == "indices[2].points_max: expected a number from 0 to 1000, got 1.7e+308");
}

TEST_CASE("every kind of points value is bounded 0..1000") {
    CHECK(boundsErrorAfter([](Json& j) { j["indices"][0]["points_max"] = 1001; }) ==
          "indices[0].points_max: expected a number from 0 to 1000, got 1001");
    CHECK(boundsErrorAfter([](Json& j) { j["indices"][0]["points_max"] = 1000; }) == "ok");
    CHECK(boundsErrorAfter([](Json& j) { j["indices"][0]["points_min"] = 2000; }) ==
          "indices[0].points_min: expected a number from 0 to 1000, got 2000");
    CHECK(boundsErrorAfter([](Json& j) { j["indices"][0]["points_min"] = -0.5; }) ==
          "indices[0].points_min: expected a number from 0 to 1000, got -0.5");
    CHECK(boundsErrorAfter([](Json& j) { j["vetoes"][0]["any_index_at_least"] = 1e300; }) ==
          "vetoes[0].any_index_at_least: expected a number from 0 to 1000, got 1e+300");
    CHECK(boundsErrorAfter([](Json& j) { j["vetoes"][0]["any_index_at_least"] = -1; }) ==
          "vetoes[0].any_index_at_least: expected a number from 0 to 1000, got -1");
}

TEST_CASE("numbers too large for a double are refused, not read as infinity") {
    // JSON has no Inf or NaN, but 1e400 overflows to +Inf in the parser.
    std::string text = crlnText();
    const std::string from = "\"points_max\": 10";
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), "\"points_max\": 1e400");
    CHECK(errorOf(text) == "indices[0].points_max: the number 1e400 is too large to be read");

    std::string edge = crlnText();
    const std::string max100 = "\"max\": 100,";
    const auto at2 = edge.find(max100);
    REQUIRE(at2 != std::string::npos);
    edge.replace(at2, max100.size(), "\"max\": -1e999,");
    CHECK(errorOf(edge) == "indices[0].bands[0].max: the number -1e999 is too large to be read");
}

TEST_CASE("band edges are finite and at most 1e15 in size") {
    CHECK(boundsErrorAfter([](Json& j) { j["indices"][0]["bands"][4]["min"] = 1e16; }) ==
          "indices[0].bands[4].min: expected a number from -1e+15 to 1e+15, got 1e+16");
    CHECK(boundsErrorAfter([](Json& j) {
              j["indices"][0]["bands"][0]["min"] = -1e15;
              j["indices"][0]["bands"][4]["max"] = 1e15;
              j["indices"][0]["bands"][4]["max_inclusive"] = true;
          }) == "ok");
}

TEST_CASE("level thresholds are percentages") {
    CHECK(boundsErrorAfter([](Json& j) { j["levels"][0]["upper"] = 1e308; }) ==
          "levels[0].upper: expected a percentage above 0 and at most 100, got 1e+308");
}

TEST_CASE("within the bounds a score is always a finite percentage from 0 to 100") {
    // The largest set the bounds allow: 64 indices of 0..1000 points.
    Json j = Json::parse(crlnText());
    Json hw = j["indices"][2];
    hw["points_min"] = 0;
    hw["points_max"] = 1000;
    hw["yes_no"] = {{"yes", 0}, {"no", 1000}};
    hw["mandatory_fail_at"] = 1000;
    j["indices"] = Json::array();
    for (int i = 0; i < 64; ++i) {
        hw["id"] = std::string("q").append(std::to_string(i));
        j["indices"].push_back(hw);
    }
    j.erase("vetoes");
    auto set = parseCriteriaSet(j.dump(), "max.json");
    REQUIRE(set.ok());
    const CompiledCriteria cc = compileCriteria(*set);
    std::vector<double> answers(std::size_t{64} * 3);
    for (std::size_t k = 0; k < 64; ++k) {
        answers[k] = 0;                                 // every answer "no"
        answers[64 + k] = 1;                            // every answer "yes"
        answers[128 + k] = static_cast<double>(k % 2);  // half and half
    }
    std::vector<ScoreSummary> out(3);
    REQUIRE(scoreBatch(cc, answers, out).ok());
    CHECK(out[0].percent == 100);
    CHECK(out[0].level == RiskLevel::VeryHigh);
    CHECK(out[1].percent == 0);
    CHECK(out[2].percent == 50);
    for (const auto& s : out)
        CHECK(std::isfinite(s.points));
}

TEST_CASE("200,000 keys in one object are checked for duplicates without hanging") {
    // On main the duplicate-key check compared each key with every earlier one: 200,000 keys
    // took about 31 s. The checks are on the result; bench_criteria times it.
    std::string keys;
    keys.reserve(std::size_t{200000} * 16);
    for (int i = 0; i < 200000; ++i)
        keys += "\"_c" + std::to_string(i) + "\": 0, ";

    // Comments are allowed anywhere, so a set with 200,000 of them still loads.
    std::string ok = crlnText();
    const auto brace = ok.find('{');
    REQUIRE(brace != std::string::npos);
    ok.insert(brace + 1, keys);
    auto set = parseCriteriaSet(ok, "many.json");
    REQUIRE(set.ok());
    CHECK(set->indices.size() == 10);

    // The same with the last key given again: the duplicate is found and named.
    std::string dup = ok;
    dup.insert(brace + 1, "\"_c199999\": 1, ");
    CHECK(errorOf(dup) == "_c199999: the field is given twice");

    // And in a nested object, with its path.
    std::string nested = crlnText();
    const auto total = nested.find("\"method\"");
    REQUIRE(total != std::string::npos);
    nested.insert(total, keys + "\"_c7\": 1, ");
    CHECK(errorOf(nested) == "total._c7: the field is given twice");
}

TEST_CASE("absurdly deep nesting is refused with a clear message") {
    std::string deep = "{\"_x\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    CHECK(errorOf(deep) == "_x[0][0][0]…: nested more than 32 levels deep");
}
