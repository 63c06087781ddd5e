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
#include "core/text/utf8.h"

using namespace safemap;

namespace {

bool hasNonAscii(std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

/// \brief One source file of core/, gis/ or app/: its path (relative to the source tree)
/// and text.
struct SourceFile {
    std::string path;
    std::string text;
};

std::vector<SourceFile> sourceFiles() {
    std::vector<SourceFile> out;
    const std::filesystem::path root(SAFEMAP_SOURCE_DIR);
    for (const char* dir : {"core", "gis", "app"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root / dir)) {
            const auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h"))
                continue;
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            out.push_back(
                {std::filesystem::relative(entry.path(), root).generic_string(), text.str()});
        }
    }
    return out;
}

// Every code a source file passes to codedError, problemOf, invalid, refuse or a GDAL error
// scope's error(); and every code of one of the catalogue's areas ("sites.…", "gdal.…")
// chosen by a condition (`? "…" : "…"`) or passed through a helper (rowError, fieldError,
// rowsNote).
std::set<std::string> codesUsedInSources() {
    const std::regex call(
        R"re((codedError|problemOf|invalid|refuse|\.error)\(\s*"([a-z0-9_]+\.[a-z0-9_.]+)")re");
    const std::regex passed(
        R"re((\?|:|rowError\([^;]*?,|fieldError\(|rowsNote\()\s*"([a-z0-9_]+)\.([a-z0-9_]+)")re");
    std::set<std::string> areas;
    for (const ErrorTemplate& t : errorCatalogue())
        areas.insert(std::string(t.code.substr(0, t.code.find('.'))));
    std::set<std::string> codes;
    for (const SourceFile& f : sourceFiles()) {
        if (f.path.rfind("core/errors/", 0) == 0)
            continue;  // the catalogue itself
        const std::string& s = f.text;
        for (std::sregex_iterator it(s.begin(), s.end(), call), end; it != end; ++it)
            codes.insert((*it)[2].str());
        for (std::sregex_iterator it(s.begin(), s.end(), passed), end; it != end; ++it)
            if (areas.count((*it)[2].str()))
                codes.insert((*it)[2].str() + "." + (*it)[3].str());
    }
    // Codes made from parts: fileError's "file.<action>_failed", rule_settings' expectations.
    for (const char* action : {"open", "read", "write", "flush", "replace"})
        codes.insert(std::string("file.") + action + "_failed");
    for (const char* what :
         {"date", "days", "workers", "points", "percentage_points", "capacity", "yes_no"})
        codes.insert(std::string("rules.expected_") + what);
    // gis/io/site_table_reader.cpp's notes about several rows: the one-row code + "s".
    for (const char* code : {"sites.title_rows", "sites.signature_rows"})
        codes.insert(code);
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

namespace {

// Where a source builds an Error from an English sentence of its own instead of a catalogue
// code: `Error("…")`, `Error(std::string("…") …)`, or an Error re-made from another's
// English message (which drops its code, so the window could not word it).
std::vector<std::string> uncodedErrorsIn(const SourceFile& f) {
    // Over the whole text: the sentence is often on the line after "Error(".
    static const std::regex sentence(R"re((^|[^A-Za-z0-9_])Error\(\s*(std::string\(\s*)?")re");
    static const std::regex rewrapped(
        R"re((^|[^A-Za-z0-9_])Error\(\s*[^;()]*\.error\(\)\.message)re");
    std::vector<std::string> out;
    const std::string& s = f.text;
    for (const std::regex* form : {&sentence, &rewrapped}) {
        for (std::sregex_iterator it(s.begin(), s.end(), *form), end; it != end; ++it) {
            const auto at = static_cast<std::size_t>(it->position(0));
            const auto lineStart =
                s.rfind('\n', at) == std::string::npos ? 0 : s.rfind('\n', at) + 1;
            const auto lineEnd = s.find('\n', at);
            const std::string line = s.substr(lineStart, lineEnd - lineStart);
            const auto first = line.find_first_not_of(" \t");
            if (first == std::string::npos || line.compare(first, 2, "//") == 0 ||
                line.compare(first, 1, "*") == 0 || line.find("//") < at - lineStart)
                continue;  // comments may show how errors look
            const auto n = 1 + std::count(s.begin(), s.begin() + static_cast<long>(at), '\n');
            out.push_back(f.path + ":" + std::to_string(n) + ": " + line.substr(first));
        }
    }
    return out;
}

}  // namespace

TEST_CASE("no error in core, gis or app is an English sentence outside the catalogue") {
    // Allowed, with the reason: none at present. An internal (programming) error goes in the
    // catalogue's "internal." entries too, so that even it is worded in the reader's language.
    const std::set<std::string> allowed = {};
    const std::vector<SourceFile> files = sourceFiles();
    REQUIRE(files.size() > 100);  // the scan found the sources
    std::set<std::string> found;  // a line may match both forms
    for (const SourceFile& f : files) {
        if (f.path.rfind("core/errors/", 0) == 0 || allowed.count(f.path))
            continue;
        for (std::string& hit : uncodedErrorsIn(f))
            found.insert(std::move(hit));
    }
    for (const std::string& hit : found)
        UNSCOPED_INFO(hit);
    CHECK(found.empty());

    // The scan itself: it finds the forms it is meant to find, and not codedError.
    const SourceFile probe{"probe.cpp",
                           "return Error(\"not a number\", file);\n"
                           "  return Error(std::string(\"x \") + y);\n"
                           "return Error(st.error().message, path);\n"
                           "return Error(\n    \"on the next line\");\n"
                           "return codedError(\"number.not_a_number\", {t}, file);\n"
                           "// Error(\"shown in a comment\")\n"};
    CHECK(uncodedErrorsIn(probe).size() == 4);
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

TEST_CASE("a column name longer than any real one is cut in the error's place") {
    // fuzz_csv found a header cell of 1,300 bytes named as the column of an error.
    std::string header;
    for (int i = 0; i < 400; ++i)
        header += "cột";  // 4 bytes each, so a cut can fall inside a character
    const Error e = codedError("date.missing", {}, "a.csv", 2, header);
    CHECK(e.column == header);  // the error keeps it whole; only its wording is cut
    const std::string place = errorPlace(e, Language::Vietnamese);
    CHECK(place.size() < 200);
    CHECK(isValidUtf8(place));
    CHECK(place.rfind("a.csv, dòng 2, cột cộtcột", 0) == 0);
    CHECK(place.substr(place.size() - std::string("…").size()) == "…");
    const Error shortName = codedError("date.missing", {}, "a.csv", 2, "ngay");
    CHECK(errorPlace(shortName, Language::English) == "a.csv, row 2, column ngay");
}
