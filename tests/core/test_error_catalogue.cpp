// The error catalogue: every code the sources use has an entry, every entry is translated,
// and errors are worded in the reader's language with the file, row and column exact.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/errors/error_catalogue.h"
#include "core/errors/problem.h"

using namespace safemap;

namespace {

bool hasNonAscii(std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Every code a source file passes to codedError, problemOf, invalid or refuse.
std::set<std::string> codesUsedInSources() {
    const std::regex call(
        R"re((codedError|problemOf|invalid|refuse)\(\s*"([a-z0-9_]+\.[a-z0-9_.]+)")re");
    std::set<std::string> codes;
    for (const char* dir : {"core", "gis", "app"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(
                 std::string(SAFEMAP_SOURCE_DIR) + "/" + dir)) {
            const auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h"))
                continue;
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            const std::string s = text.str();
            for (std::sregex_iterator it(s.begin(), s.end(), call), end; it != end; ++it)
                codes.insert((*it)[2].str());
        }
    }
    // Codes made from parts: fileError's "file.<action>_failed", rule_settings' expectations.
    for (const char* action : {"open", "read", "write", "flush", "replace"})
        codes.insert(std::string("file.") + action + "_failed");
    for (const char* what :
         {"date", "days", "workers", "points", "percentage_points", "capacity", "yes_no"})
        codes.insert(std::string("rules.expected_") + what);
    return codes;
}

}  // namespace

TEST_CASE("every error code used in the sources has a catalogue entry") {
    const std::set<std::string> used = codesUsedInSources();
    REQUIRE(used.size() > 50);  // the scan found the calls
    for (const std::string& code : used) {
        INFO(code);
        CHECK(findErrorTemplate(code) != nullptr);
    }
}

TEST_CASE("every catalogue entry is unique and translated into Vietnamese") {
    const std::vector<ErrorTemplate> all = errorCatalogue();
    REQUIRE(all.size() > 50);
    std::set<std::string_view> codes;
    for (const ErrorTemplate& t : all) {
        INFO(t.code);
        CHECK(codes.insert(t.code).second);
        CHECK_FALSE(t.en.empty());
        CHECK_FALSE(t.vi.empty());
        // Untranslated: the English copied, or Vietnamese without a single diacritic.
        CHECK(t.vi != t.en);
        CHECK(hasNonAscii(t.vi));
    }
}

TEST_CASE("an error is worded in the reader's language; file, row and column stay exact") {
    Error e = codedError("number.not_whole", {"\"1,5\""}, "co_so.csv", 12, "so_lao_dong");
    CHECK(e.message ==
          "\"1,5\" is not a whole number: a count has no fraction (for thousands write 1250, "
          "1.250 or 1,250)");
    CHECK(describeError(e, Language::English) ==
          "co_so.csv, row 12, column so_lao_dong: " + e.message);
    CHECK(e.describe() == describeError(e, Language::English));
    const std::string vi = describeError(e, Language::Vietnamese);
    CHECK(vi.rfind("co_so.csv, dòng 12, cột so_lao_dong: \"1,5\" không phải số nguyên", 0) == 0);

    // Further problems, and the count of those left out, in the same language.
    e.more.push_back(codedError("date.missing", {}, "co_so.csv", 14, "ngay"));
    e.moreOmitted = 1250;
    const std::string many = describeError(e, Language::Vietnamese);
    CHECK(many.find("\nco_so.csv, dòng 14, cột ngay: thiếu ngày\n") != std::string::npos);
    CHECK(many.substr(many.size() - std::string("… và 1.250 lỗi khác").size()) ==
          "… và 1.250 lỗi khác");
    CHECK(describeError(e, Language::English).find("… and 1,250 more problems") !=
          std::string::npos);

    // A future date: the Vietnamese gives it as Vietnamese documents write dates.
    const Problem p =
        problemOf("date.in_future", {"2099-12-31", "2021-06-30", "31/12/2099", "30/06/2021"});
    CHECK(p.text() == "2099-12-31 is in the future (today is 2021-06-30): check the year");
    CHECK(errorMessage(p.at("a.csv", 3), Language::Vietnamese) ==
          "ngày 31/12/2099 ở tương lai (hôm nay là 30/06/2021): hãy kiểm tra lại năm");

    // The system's words for a file error are kept in English only where no words of ours fit.
    const Error missing = fileError("open", ENOENT, "/tmp/khong_co.csv");
    CHECK(missing.code == "file.not_found");
    CHECK(describeError(missing, Language::Vietnamese) == "/tmp/khong_co.csv: không tìm thấy tệp");

    // An error without an entry (a library's own words) is shown as written.
    const Error plain("GDAL said no", "x.shp");
    CHECK(describeError(plain, Language::Vietnamese) == "x.shp: GDAL said no");
}
