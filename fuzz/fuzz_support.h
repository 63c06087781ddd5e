#pragma once

// Shared by the fuzz targets: an invariant check that aborts (libFuzzer then keeps the input
// as a crash), and the repository's sample files to build lookups from.
#include <unistd.h>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/criteria/criteria_io.h"
#include "core/result.h"
#include "core/text/utf8.h"

namespace fuzz {

[[noreturn]] inline void fail(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "fuzz invariant failed: %s %s\n", what, detail.c_str());
    std::abort();
}

#define FUZZ_CHECK(cond, detail)         \
    do {                                 \
        if (!(cond))                     \
            ::fuzz::fail(#cond, detail); \
    } while (false)

/// A file of this process in the temporary folder ("safemap-fuzz-PID-name"), removed with its
/// journal when the process exits: a night of fuzzing runs the targets many times, and each
/// left its scratch projects in /tmp.
inline std::string scratchFile(const std::string& name) {
    struct Removal {
        std::vector<std::string> paths;
        ~Removal() {
            for (const auto& p : paths) {
                std::error_code ec;
                std::filesystem::remove(p, ec);
                std::filesystem::remove(p + "-journal", ec);
            }
        }
    };
    static Removal removal;
    std::string path = (std::filesystem::temp_directory_path() /
                        ("safemap-fuzz-" + std::to_string(::getpid()) + "-" + name))
                           .string();
    removal.paths.push_back(path);
    return path;
}

inline std::string_view bytesOf(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

inline std::string readSource(const std::string& rel) {
    std::ifstream in(std::string(SAFEMAP_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(in), {}};
    if (text.empty())
        fail("cannot read", rel);
    return text;
}

/// The shipped extended set, which has the most indices and vetoes, read once.
inline const safemap::CriteriaSet& extendedSet() {
    static const safemap::CriteriaSet set = [] {
        auto s = safemap::parseCriteriaSet(
            readSource("resources/criteria/extended-letters-v1.json"), "extended");
        if (!s)
            fail("the shipped set does not load", s.error().describe());
        return *s;
    }();
    return set;
}

/// What every refusal must be: a message people can read (UTF-8, one that names what went
/// wrong), rows from 1 when given.
inline void checkError(const safemap::Error& e) {
    FUZZ_CHECK(!e.message.empty(), e.describe());
    FUZZ_CHECK(e.row == -1 || e.row >= 1, e.describe());
    FUZZ_CHECK(safemap::isValidUtf8(e.describe()), e.describe());
    FUZZ_CHECK(e.describe().size() < 2000, e.describe().substr(0, 200));
}

}  // namespace fuzz
