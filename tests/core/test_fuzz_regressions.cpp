// What the fuzz targets of fuzz/ found, each kept as a test (their inputs are also replayed
// from fuzz/regressions/ by the "fuzz corpus replay" tests). docs/fuzzing.md lists them.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/criteria/criteria_io.h"
#include "core/text/quoted.h"
#include "core/text/utf8.h"
#include "test_support.h"

using namespace safemap;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE(
    "fuzz: a criteria file with bytes that are not UTF-8 is refused with a readable message") {
    // fuzz_criteria, first minute: a mutated extended set with a broken byte inside a string.
    // The message quoted the broken bytes (nlohmann's "last read: …"), so the error itself
    // was not UTF-8 and would show as garbage in the window.
    const std::string text =
        readFile(sourcePath("fuzz/regressions/criteria/invalid-utf8-in-string.json"));
    REQUIRE_FALSE(text.empty());
    REQUIRE_FALSE(isValidUtf8(text));
    auto r = parseCriteriaSet(text, "x.json");
    REQUIRE_FALSE(r.ok());
    CHECK(isValidUtf8(r.error().describe()));
    CHECK(r.error().message == "not valid UTF-8 at line 183: save the criteria file as UTF-8");

    auto latin1 = parseCriteriaSet("{\"name\": \"H\xe0 N\xf4i\"}", "x.json");
    REQUIRE_FALSE(latin1.ok());
    CHECK(latin1.error().message == "not valid UTF-8 at line 1: save the criteria file as UTF-8");
}

TEST_CASE("fuzz: a JSON syntax error quotes at most the start of what was read") {
    const std::string longString(5000, 'a');
    auto r = parseCriteriaSet("{\"name\": \"" + longString + "\x01\"}", "x.json");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.rfind("not valid JSON: at line 1, column ", 0) == 0);
    CHECK(r.error().message.size() < 300);
    CHECK(r.error().message.find("last read: '\"aaaa") != std::string::npos);
    CHECK(r.error().message.ends_with("…'"));
}

TEST_CASE("fuzz: a syntax error inside a Vietnamese letter still gives a UTF-8 message") {
    // fuzz_criteria, second run: `"id": ườ…` (no quotes) stops the JSON lexer after the
    // first byte of "ư", and its "last read: '"id":\xC6'" made the message invalid UTF-8.
    const std::string text =
        readFile(sourcePath("fuzz/regressions/criteria/syntax-error-mid-letter.json"));
    REQUIRE(isValidUtf8(text));
    auto r = parseCriteriaSet(text, "x.json");
    REQUIRE_FALSE(r.ok());
    CHECK(isValidUtf8(r.error().describe()));
    CHECK(r.error().message ==
          "not valid JSON: at line 11, column 12: syntax error while parsing value - invalid "
          "literal; last read: '\"id\":\\xC6'");
}

TEST_CASE("fuzz: printableText keeps UTF-8 and escapes everything else") {
    CHECK(printableText("Hà Nội\n") == "Hà Nội\n");
    CHECK(printableText("a\xC6") == "a\\xC6");
    CHECK(printableText(std::string("\x01\0b", 3)) == "\\x01\\x00b");
    CHECK(printableText("\xE1\xBB") == "\\xE1\\xBB");
}

TEST_CASE("fuzz: a long Vietnamese id is cut at a letter boundary in its error") {
    // fuzz_criteria in CI's ASan run: an index id of Vietnamese words longer than 60 bytes was
    // shown cut at byte 57, inside "ộ", so the message was not UTF-8.
    const std::string text =
        readFile(sourcePath("fuzz/regressions/criteria/long-id-cut-mid-letter.json"));
    REQUIRE(isValidUtf8(text));
    auto r = parseCriteriaSet(text, "x.json");
    REQUIRE_FALSE(r.ok());
    CHECK(isValidUtf8(r.error().describe()));
    CHECK(r.error().message.starts_with(
        "indices[4].id: expected an ASCII id (a-z first, then a-z, 0-9 or _), got "
        "\"temperature_checộng sinh sống"));
    CHECK(r.error().message.ends_with("..."));
}
