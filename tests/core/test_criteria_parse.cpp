#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "core/criteria/criteria_io.h"
#include "core/errors/error_catalogue.h"
#include "core/text/display_format.h"
#include "test_support.h"

using namespace safemap;
using Json = nlohmann::ordered_json;

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string kCrlnPath = sourcePath("resources/criteria/crln-1203-v1.json");
const std::string kExtendedPath = sourcePath("resources/criteria/extended-letters-v1.json");

// The shipped CRLN file with one change applied, parsed; returns the error message (or
// "ok" if it parsed, which these tests never expect).
std::string errorAfter(const std::function<void(Json&)>& change) {
    Json j = Json::parse(readText(kCrlnPath));
    change(j);
    auto r = parseCriteriaSet(j.dump(2), "crln.json");
    if (r.ok())
        return "ok";
    CHECK(r.error().file == "crln.json");
    return r.error().message;
}

std::string errorOfText(const std::string& text) {
    auto r = parseCriteriaSet(text, "t.json");
    return r.ok() ? "ok" : r.error().message;
}

}  // namespace

TEST_CASE("the shipped CRLN set loads with the decision's bands and levels") {
    auto set = loadCriteriaSet(kCrlnPath);
    REQUIRE(set.ok());
    CHECK(set->id == "crln-1203");
    CHECK(set->version == 1);
    CHECK(set->source == "Quyết định 1203/QĐ-BCĐ, TP.HCM, 6/4/2020");
    REQUIRE(set->indices.size() == 10);
    CHECK(set->pointsMaxSum() == 100);

    const Criterion& workers = set->indices[0];
    CHECK(workers.id == "workers_concurrent");
    CHECK(workers.input == InputType::Bands);
    CHECK(workers.provenance == Provenance::Decision);
    REQUIRE(workers.bands.size() == 5);
    CHECK(workers.bands[1] == Band{100.0, true, 500.0, false, 2, "100–499"});
    CHECK(workers.bands[4].min == 5000.0);
    CHECK_FALSE(workers.bands[4].max.has_value());

    // Indices 1–4 are the decision's; 5–10 are SafeMap's proposal and say so.
    for (std::size_t i = 0; i < 10; ++i)
        CHECK(set->indices[i].provenance ==
              (i < 4 ? Provenance::Decision : Provenance::SafeMapProposal));
    CHECK(set->find("hand_washing")->mandatory);
    CHECK(set->find("masks_worn")->mandatory);
    CHECK_FALSE(set->find("night_shift")->mandatory);

    REQUIRE(set->levels.size() == 5);
    CHECK(set->levels[0].level == RiskLevel::VeryLow);
    CHECK(set->levels[0].upper == 10.0);
    CHECK(set->levels[0].upperInclusive);
    CHECK(set->levels[1].upper == 30.0);
    CHECK_FALSE(set->levels[1].upperInclusive);
    CHECK(set->levels[2].safeToOperate);
    CHECK_FALSE(set->levels[3].safeToOperate);
    CHECK_FALSE(set->levels[4].upper.has_value());
    REQUIRE(set->vetoes.size() == 1);
    CHECK(set->vetoes[0].whenLevel == RiskLevel::Medium);
    CHECK(set->vetoes[0].anyIndexAtLeast == 7);
    CHECK(set->vetoes[0].indices.empty());
}

TEST_CASE("levelFor applies the documented boundary rule") {
    auto set = loadCriteriaSet(kCrlnPath);
    REQUIRE(set.ok());
    CHECK(set->levelFor(10).level == RiskLevel::VeryLow);
    CHECK(set->levelFor(10.0001).level == RiskLevel::Low);
    CHECK(set->levelFor(29.9999).level == RiskLevel::Low);
    CHECK(set->levelFor(30).level == RiskLevel::Medium);
    CHECK(set->levelFor(50).level == RiskLevel::High);
    CHECK(set->levelFor(80).level == RiskLevel::VeryHigh);
    CHECK(set->levelFor(100).level == RiskLevel::VeryHigh);
}

TEST_CASE("the shipped extended set adds six cited indices to the ten") {
    auto crln = loadCriteriaSet(kCrlnPath);
    auto set = loadCriteriaSet(kExtendedPath);
    REQUIRE(crln.ok());
    REQUIRE(set.ok());
    CHECK(set->id == "extended-letters");
    REQUIRE(set->indices.size() == 16);
    CHECK(set->pointsMaxSum() == 160);
    for (std::size_t i = 0; i < 10; ++i)
        CHECK(set->indices[i] == crln->indices[i]);
    const std::vector<std::string> extra{"isolation_room",   "out_of_province_share",
                                         "dormitory",        "testing_interval_days",
                                         "vaccinated_share", "shifts_by_residence"};
    for (std::size_t i = 0; i < extra.size(); ++i) {
        CHECK(set->indices[10 + i].id == extra[i]);
        CHECK_FALSE(set->indices[10 + i].source.empty());
    }
    CHECK(set->find("isolation_room")->source.find("635/UBND-KT") != std::string::npos);
    CHECK(set->find("out_of_province_share")->source.find("1001/UBND-KGVX") != std::string::npos);
    CHECK(set->find("shifts_by_residence")->source.find("1987/UBND-KT") != std::string::npos);
    CHECK(set->find("testing_interval_days")->source.find("2787/QĐ-BYT") != std::string::npos);
    CHECK(set->find("isolation_room")->mandatory);
    CHECK(set->find("shifts_by_residence")->mandatory);
    CHECK_FALSE(set->find("vaccinated_share")->mandatory);
    CHECK(set->levels == crln->levels);
}

TEST_CASE("a written set reads back equal") {
    for (const auto& path :
         {kCrlnPath, kExtendedPath, std::string(SAFEMAP_TEST_DATA "/criteria/minimal-v1.json")}) {
        auto set = loadCriteriaSet(path);
        REQUIRE(set.ok());
        const std::string text = writeCriteriaSet(*set);
        auto again = parseCriteriaSet(text, "written.json");
        INFO(path);
        REQUIRE(again.ok());
        CHECK(*again == *set);
        CHECK(writeCriteriaSet(*again) == text);
    }
}

TEST_CASE("the minimal test set reads optional features") {
    auto set = loadCriteriaSet(SAFEMAP_TEST_DATA "/criteria/minimal-v1.json");
    REQUIRE(set.ok());
    CHECK(set->version == 3);
    CHECK_FALSE(set->indices[0].bands[0].min.has_value());
    CHECK(set->indices[0].bands[1].points == 2.5);
    CHECK(set->indices[1].failAt() == 3);
    CHECK(set->indices[0].failAt() == 5);  // not mandatory: the default is points_max
    CHECK(set->levels.front().level == RiskLevel::Low);
    CHECK(set->vetoes[0].indices == std::vector<std::string>{"crowd"});
}

TEST_CASE("files that cannot be read or parsed name the file") {
    auto missing = loadCriteriaSet("/nonexistent/criteria.json");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().file == "/nonexistent/criteria.json");

    auto syntax = loadCriteriaSet(SAFEMAP_TEST_DATA "/criteria/bad-syntax.json");
    REQUIRE_FALSE(syntax.ok());
    CHECK(syntax.error().file.find("bad-syntax.json") != std::string::npos);
    CHECK(syntax.error().message.rfind("not valid JSON: at line 6, ", 0) == 0);

    auto gapped = loadCriteriaSet(SAFEMAP_TEST_DATA "/criteria/gapped-bands.json");
    REQUIRE_FALSE(gapped.ok());
    CHECK(gapped.error().message ==
          "indices[0].bands[1].min: gap: bands[0] ends at 10 but this band starts at 12");
    CHECK(gapped.error().describe().find("gapped-bands.json: indices[0].bands[1].min") !=
          std::string::npos);

    CHECK(errorOfText("[1, 2]") == "top level: expected an object, got an array");
    CHECK(errorOfText("").rfind("not valid JSON", 0) == 0);
}

TEST_CASE("required top-level fields and their types are checked") {
    CHECK(errorAfter([](Json& j) { j.erase("id"); }) == "id: required field is missing");
    CHECK(errorAfter([](Json& j) { j.erase("version"); }) == "version: required field is missing");
    CHECK(errorAfter([](Json& j) { j["version"] = "1"; }) ==
          "version: expected a whole number from 1, got \"1\"");
    CHECK(errorAfter([](Json& j) { j["version"] = 0; }) ==
          "version: expected a whole number from 1, got 0");
    CHECK(errorAfter([](Json& j) { j["version"] = 1.5; }) ==
          "version: expected a whole number from 1, got 1.5");
    CHECK(errorAfter([](Json& j) { j.erase("format_version"); }) ==
          "format_version: required field is missing");
    CHECK(errorAfter([](Json& j) { j["format_version"] = 2; }) ==
          "format_version: unsupported format version 2 (this SafeMap reads version 1)");
    CHECK(errorAfter([](Json& j) { j["id"] = "CRLN 1203"; }) ==
          "id: expected an ASCII id (a-z first, then a-z, 0-9, _, - or .), got \"CRLN 1203\"");
    CHECK(errorAfter([](Json& j) { j["name"] = ""; }) ==
          "name: expected a non-empty string, got \"\"");
    CHECK(errorAfter([](Json& j) { j.erase("source"); }) == "source: required field is missing");
    CHECK(errorAfter([](Json& j) { j["indices"] = Json::array(); }) ==
          "indices: expected at least 1 entry, got 0");
    CHECK(errorAfter([](Json& j) { j["indices"] = Json::object(); }) ==
          "indices: expected an array, got an object");
    CHECK(errorAfter([](Json& j) { j["colour"] = "red"; }) == "colour: unknown field");
    CHECK(errorAfter([](Json& j) { j["_comment"] = "ignored"; }) == "ok");
    CHECK(errorAfter([](Json& j) { j["total"]["method"] = "average"; }) ==
          "total.method: unknown method \"average\" (expected \"sum_over_max\")");
}

TEST_CASE("index fields are checked with their path") {
    CHECK(errorAfter([](Json& j) { j["indices"][1]["bands"][1]["max"] = "abc"; }) ==
          "indices[1].bands[1].max: expected a number, got \"abc\"");
    CHECK(
        errorAfter([](Json& j) { j["indices"][3]["id"] = "Khẩu trang"; }) ==
        "indices[3].id: expected an ASCII id (a-z first, then a-z, 0-9 or _), got \"Khẩu trang\"");
    CHECK(errorAfter([](Json& j) { j["indices"][3]["id"] = "workers_concurrent"; }) ==
          "indices[3].id: \"workers_concurrent\" is already used by indices[0]");
    CHECK(errorAfter([](Json& j) { j["indices"][2]["input"] = "slider"; }) ==
          "indices[2].input: unknown input type \"slider\" (expected bands, yes_no, choice or "
          "percent)");
    CHECK(errorAfter([](Json& j) { j["indices"][2].erase("input"); }) ==
          "indices[2].input: required field is missing");
    CHECK(errorAfter([](Json& j) { j["indices"][2]["provenance"] = "letter"; }) ==
          "indices[2].provenance: expected \"decision\" or \"safemap_proposal\", got \"letter\"");
    CHECK(errorAfter([](Json& j) { j["indices"][2].erase("mandatory"); }) ==
          "indices[2].mandatory: required field is missing");
    CHECK(errorAfter([](Json& j) { j["indices"][2]["mandatory"] = "có"; }) ==
          "indices[2].mandatory: expected true or false, got \"có\"");
    CHECK(errorAfter([](Json& j) { j["indices"][0]["points_max"] = 1; }) ==
          "indices[0].points_max: must be greater than points_min (1)");
    CHECK(errorAfter([](Json& j) { j["indices"][0]["points_min"] = -1; }) ==
          "indices[0].points_min: expected a number from 0 to 1000, got -1");
    CHECK(errorAfter([](Json& j) { j["indices"][0]["bands"][0]["points"] = 11; }) ==
          "indices[0].bands[0].points: 11 is outside points_min..points_max (1..10)");
    CHECK(errorAfter([](Json& j) { j["indices"][2]["yes_no"]["no"] = 0; }) ==
          "indices[2].yes_no.no: 0 is outside points_min..points_max (1..10)");
    CHECK(errorAfter([](Json& j) { j["indices"][2]["yes_no"].erase("yes"); }) ==
          "indices[2].yes_no.yes: required field is missing");
    CHECK(errorAfter([](Json& j) { j["indices"][2]["bands"] = Json::array(); }) ==
          "indices[2].bands: not used by input type \"yes_no\"");
    CHECK(errorAfter([](Json& j) { j["indices"][0]["mandatory_fail_at"] = 7; }) ==
          "indices[0].mandatory_fail_at: only allowed when mandatory is true");
    CHECK(errorAfter([](Json& j) { j["indices"][0]["bands"][0]["max_inclusve"] = true; }) ==
          "indices[0].bands[0].max_inclusve: unknown field");
}

TEST_CASE("overlapping, gapped, empty and unbounded bands are refused") {
    auto band = [](Json& j, int i, int b) -> Json& { return j["indices"][i]["bands"][b]; };
    CHECK(errorAfter([&](Json& j) { band(j, 0, 1)["min"] = 90; }) ==
          "indices[0].bands[1].min: overlaps bands[0], which ends at 100, exclusive (bands must "
          "be in ascending order, without overlap)");
    CHECK(errorAfter([&](Json& j) { band(j, 0, 1)["min"] = 110; }) ==
          "indices[0].bands[1].min: gap: bands[0] ends at 100 but this band starts at 110");
    CHECK(errorAfter([&](Json& j) { band(j, 0, 0)["max_inclusive"] = true; }) ==
          "indices[0].bands[1].min_inclusive: overlap: 100 is in both bands[0] and this band; "
          "make one bound exclusive");
    CHECK(errorAfter([&](Json& j) { band(j, 0, 1)["min_inclusive"] = false; }) ==
          "indices[0].bands[1].min_inclusive: gap: 100 is in neither bands[0] nor this band; "
          "make one bound inclusive");
    CHECK(errorAfter([&](Json& j) { std::swap(band(j, 0, 1), band(j, 0, 2)); }) ==
          "indices[0].bands[1].min: gap: bands[0] ends at 100 but this band starts at 500");
    CHECK(errorAfter([&](Json& j) { std::swap(band(j, 0, 0), band(j, 0, 1)); }) ==
          "indices[0].bands[1].min: overlaps bands[0], which ends at 500, exclusive (bands must "
          "be in ascending order, without overlap)");
    CHECK(errorAfter([&](Json& j) {
              band(j, 0, 2).erase("min");
              band(j, 0, 2).erase("min_inclusive");
          }) == "indices[0].bands[2].min: only the first band may have no min");
    CHECK(errorAfter([&](Json& j) {
              band(j, 0, 2).erase("max");
              band(j, 0, 2).erase("max_inclusive");
          }) == "indices[0].bands[2].max: only the last band may have no max");
    CHECK(errorAfter([&](Json& j) { band(j, 0, 0).erase("min_inclusive"); }) ==
          "indices[0].bands[0].min_inclusive: required field is missing");
    CHECK(errorAfter([&](Json& j) { band(j, 0, 0).erase("min"); }) ==
          "indices[0].bands[0].min_inclusive: given without min");
    CHECK(errorAfter([&](Json& j) { band(j, 0, 1)["max"] = 50; }) ==
          "indices[0].bands[1].max: the band is empty (min 100, inclusive, max 50, exclusive)");
    CHECK(errorAfter([&](Json& j) { band(j, 4, 3)["max_inclusive"] = false; }) ==
          "indices[4].bands[3].max: the band is empty (min 100, inclusive, max 100, exclusive)");
    CHECK(errorAfter([&](Json& j) { j["indices"][0]["bands"] = Json::array(); }) ==
          "indices[0].bands: expected at least 1 entry, got 0");
}

TEST_CASE("percent bands must cover exactly 0 to 100") {
    auto band = [](Json& j, int b) -> Json& { return j["indices"][4]["bands"][b]; };
    CHECK(errorAfter([&](Json& j) { band(j, 0)["min"] = 10; }) ==
          "indices[4].bands[0].min: a percent index's bands must start at 0, inclusive");
    CHECK(errorAfter([&](Json& j) {
              band(j, 3)["min"] = 100;
              band(j, 3)["max"] = 120;
          }) == "indices[4].bands[3].max: a percent index's bands must end at 100, inclusive");
}

TEST_CASE("choices need distinct codes, compared without case or accents") {
    CHECK(errorAfter([](Json& j) { j["indices"][5]["choices"][3]["value"] = "Vách_Ngăn"; }) ==
          "indices[5].choices[3].value: \"Vách_Ngăn\" is the same as choices[1].value (case and "
          "accents are ignored)");
    CHECK(errorAfter([](Json& j) {
              auto& c = j["indices"][5]["choices"];
              c.erase(c.begin() + 1, c.end());
          }) == "indices[5].choices: expected at least 2 entries, got 1");
    CHECK(errorAfter([](Json& j) { j["indices"][5]["choices"][0].erase("label_en"); }) ==
          "indices[5].choices[0].label_en: required field is missing");
}

TEST_CASE("levels must be known, ordered and end open") {
    CHECK(errorAfter([](Json& j) { j["levels"][2]["upper"] = 25; }) ==
          "levels[2].upper: 25 is not above levels[1].upper (30); thresholds must increase");
    CHECK(errorAfter([](Json& j) { j["levels"][2]["upper"] = 30; }) ==
          "levels[2].upper: 30 is not above levels[1].upper (30); thresholds must increase");
    CHECK(errorAfter([](Json& j) { std::swap(j["levels"][1]["id"], j["levels"][2]["id"]); }) ==
          "levels[2].id: \"low\" comes after \"medium\"; levels must go from lowest to highest "
          "risk, each once");
    CHECK(errorAfter([](Json& j) { j["levels"][2]["id"] = "moderate"; }) ==
          "levels[2].id: unknown level \"moderate\" (expected very_low, low, medium, high or "
          "very_high)");
    CHECK(errorAfter([](Json& j) { j["levels"][4]["upper"] = 100; }) ==
          "levels[4].upper: the last level must have no upper bound (it takes every percentage "
          "above the level before it)");
    CHECK(errorAfter([](Json& j) { j["levels"][1].erase("upper"); }) ==
          "levels[1].upper: required field is missing (only the last level has no upper bound)");
    CHECK(errorAfter([](Json& j) { j["levels"][1].erase("upper_inclusive"); }) ==
          "levels[1].upper_inclusive: required field is missing");
    CHECK(errorAfter([](Json& j) { j["levels"][1]["upper"] = 130; }) ==
          "levels[1].upper: expected a percentage above 0 and at most 100, got 130");
    CHECK(errorAfter([](Json& j) { j["levels"][3].erase("safe_to_operate"); }) ==
          "levels[3].safe_to_operate: required field is missing");
    CHECK(errorAfter([](Json& j) { j["levels"] = Json::array({j["levels"][4]}); }) ==
          "levels: expected at least 2 entries, got 1");
}

TEST_CASE("vetoes must refer to defined levels and indices") {
    CHECK(errorAfter([](Json& j) { j["vetoes"][0]["when_level"] = "moderate"; }) ==
          "vetoes[0].when_level: level \"moderate\" is not defined in levels");
    CHECK(errorAfter([](Json& j) { j["vetoes"][0]["then"] = "warn"; }) ==
          "vetoes[0].then: expected \"unsafe\", got \"warn\"");
    CHECK(errorAfter([](Json& j) {
              j["vetoes"][0]["indices"] = {"masks_worn", "masks"};
          }) == "vetoes[0].indices[1]: no index has id \"masks\"");
    CHECK(errorAfter([](Json& j) { j["vetoes"][0]["any_index_at_least"] = "7"; }) ==
          "vetoes[0].any_index_at_least: expected a number, got \"7\"");
    CHECK(errorAfter([](Json& j) { j["vetoes"].push_back(j["vetoes"][0]); }) ==
          "vetoes[1].id: \"medium_any_index_7\" is already used by vetoes[0]");
    CHECK(errorAfter([](Json& j) { j.erase("vetoes"); }) == "ok");
}

TEST_CASE("a field given twice in one object is reported with its path") {
    Json j = Json::parse(readText(kCrlnPath));
    std::string text = j.dump(1);
    const std::string once = "\"points_min\": 1,";
    const auto at = text.find(once, text.find("\"hand_washing\""));
    REQUIRE(at != std::string::npos);
    text.insert(at, "\"points_min\": 0, ");
    CHECK(errorOfText(text) == "indices[2].points_min: the field is given twice");
    CHECK(errorOfText(R"({"id": "a", "id": "b"})") == "id: the field is given twice");
}

namespace {

// The error of the shipped CRLN file with one change, worded in Vietnamese as the window
// shows it (errorMessage: the sentence, without the file's place).
std::string vietnameseErrorAfter(const std::function<void(Json&)>& change) {
    Json j = Json::parse(readText(kCrlnPath));
    change(j);
    auto r = parseCriteriaSet(j.dump(2), "crln.json");
    if (r.ok())
        return "ok";
    CHECK(r.error().code == "criteria_file.invalid");
    return errorMessage(r.error(), Language::Vietnamese);
}

const std::string kFrame =
    "tệp tiêu chí không đúng quy cách (chi tiết kỹ thuật cho người soạn tệp: ";

}  // namespace

TEST_CASE("a criteria file's schema details are worded in Vietnamese, the JSON path exact") {
    auto band = [](Json& j, int i, int b) -> Json& { return j["indices"][i]["bands"][b]; };
    CHECK(vietnameseErrorAfter([](Json& j) { j["indices"][2]["yes_no"].erase("yes"); }) ==
          kFrame + "indices[2].yes_no.yes: thiếu mục bắt buộc)");
    CHECK(vietnameseErrorAfter([&](Json& j) { band(j, 0, 1)["min"] = 110; }) ==
          kFrame +
              "indices[0].bands[1].min: bị hở: bands[0] kết thúc ở 100 nhưng khoảng này "
              "bắt đầu ở 110)");
    CHECK(vietnameseErrorAfter([&](Json& j) { band(j, 0, 1)["max"] = 50; }) ==
          kFrame +
              "indices[0].bands[1].max: khoảng giá trị rỗng (min 100, tính cả điểm này; "
              "max 50, không tính điểm này))");
    CHECK(vietnameseErrorAfter([](Json& j) { j["indices"] = Json::object(); }) ==
          kFrame + "indices: cần một mảng JSON ([…]), nhưng gặp một đối tượng)");
    CHECK(vietnameseErrorAfter([](Json& j) { j["indices"][0]["input"] = "slider"; }) ==
          kFrame +
              "indices[0].input: kiểu câu trả lời \"slider\" không xác định (cần bands, "
              "yes_no, choice hoặc percent))");
    CHECK(vietnameseErrorAfter([](Json& j) { j["levels"][0]["id"] = "extreme"; }) ==
          kFrame +
              "levels[0].id: mức \"extreme\" không xác định (cần very_low, low, medium, high "
              "hoặc very_high))");
    // No English word of the detail is left in the Vietnamese sentence.
    const std::string unknown =
        vietnameseErrorAfter([](Json& j) { j["indices"][0]["max_inclusve"] = true; });
    CHECK(unknown.find("unknown field") == std::string::npos);
    CHECK(unknown.find("indices[0].max_inclusve: mục không có trong quy cách") !=
          std::string::npos);
}

TEST_CASE("every detail the criteria parser can give has a catalogue entry in both languages") {
    // The codes are the literals passed to fail(…, "code") and expected(…, "what") in
    // criteria_parser.cpp; a new check without its entry would be worded as a bare code.
    const std::string code = readText(sourcePath("core/criteria/criteria_parser.cpp"));
    // fail(path, "code", {args}): the code is the call's last literal before its args (the
    // path may hold field names: field(item("indices", i), "id")).
    const std::regex failCall(R"re(\bfail\(([^;{]*))re");
    const std::regex literal(R"re("([a-z_]+)")re");
    // expected(path, "what", value): the what is the second argument.
    const std::regex expectedCall(
        R"re(\bexpected\(\s*(?:[A-Za-z_]+(?:\.at)?\([^()]*\)|"[a-z_]+"|[A-Za-z_]+)\s*,\s*(?:[^,;]*\?\s*)?"([a-z_]+)")re");
    std::set<std::string> codes;
    for (std::sregex_iterator it(code.begin(), code.end(), failCall), end; it != end; ++it) {
        const std::string call = (*it)[1].str();
        std::string last;
        for (std::sregex_iterator l(call.begin(), call.end(), literal), e; l != e; ++l)
            last = (*l)[1].str();
        if (!last.empty())
            codes.insert("criteria_schema." + last);
    }
    for (std::sregex_iterator it(code.begin(), code.end(), expectedCall), end; it != end; ++it)
        codes.insert("criteria_schema.expected_" + (*it)[1].str());
    // "set_id" / "id" and "object_top" / "object" are chosen by a condition.
    for (const char* more : {"criteria_schema.expected_id", "criteria_schema.expected_object"})
        codes.insert(more);
    CHECK(codes.size() >= 50);
    for (const std::string& c : codes) {
        INFO(c);
        const ErrorTemplate* t = findErrorTemplate(c);
        REQUIRE(t != nullptr);
        if (c != "criteria_schema.expected_object_top")  // its place is the whole file
            CHECK(t->en.find("{1}") != std::string_view::npos);
        CHECK(t->vi != t->en);
    }
}
