#pragma once

// The bad-input corpus of tests/data/bad/ (README.md there): its manifest, and the large
// files that are generated at test time instead of being committed. Plain C++ so that any
// test suite can use it: test_gis checks each file's message (test_bad_corpus.cpp); a
// project-level test can import each into a project and check that nothing changed.
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_support.h"

namespace bad_corpus {

/// One line of tests/data/bad/manifest.tsv.
struct Case {
    std::string file;  ///< relative to tests/data/bad/; "generated/…" ones are made by generate()
    std::string kind;  ///< assessments, inspections, criteria or sites: which importer reads it
    std::string expect;   ///< "error" (refused) or "ok" (read, with the documented result)
    std::string message;  ///< error: a fragment of the message; ok: text that must be read verbatim
    long row = -1;        ///< error: the row the message names, -1 if none
    std::string column;   ///< error: the column the message names, empty if none
    bool generated() const { return file.rfind("generated/", 0) == 0; }
};

inline std::string dataDir() {
    return std::string(SAFEMAP_TEST_DATA) + "/bad";
}

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The manifest's cases, in its order. Lines starting with '#' are comments; fields are
/// separated by tabs; "-" is an empty field.
inline std::vector<Case> manifest() {
    std::ifstream in(dataDir() + "/manifest.tsv");
    if (!in)
        throw std::runtime_error("cannot read tests/data/bad/manifest.tsv");
    std::vector<Case> out;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        if (header) {  // file kind expect message row column
            header = false;
            continue;
        }
        std::vector<std::string> f;
        std::size_t start = 0;
        for (;;) {
            const auto tab = line.find('\t', start);
            f.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
            if (tab == std::string::npos)
                break;
            start = tab + 1;
        }
        if (f.size() != 6)
            throw std::runtime_error("manifest.tsv: 6 tab-separated fields expected: " + line);
        for (auto& v : f)
            if (v == "-")
                v.clear();
        out.push_back({f[0], f[1], f[2], f[3], f[4].empty() ? -1 : std::stol(f[4]), f[5]});
    }
    return out;
}

/// The bytes of a generated case (too large, or too repetitive, to commit).
inline std::string generatedBytes(const std::string& file) {
    const std::string crln = readFile(sourcePath("resources/criteria/crln-1203-v1.json"));
    const std::string header =
        "ma_so_thue,ngay_danh_gia,nguoi_nop,workers_concurrent,hand_washing\n";
    if (file == "generated/criteria-200k-duplicate-keys.json") {
        // 200,000 comment keys (allowed), then the last one again: 31 s on main.
        std::string keys;
        for (int i = 0; i < 200000; ++i)
            keys += "\"_c" + std::to_string(i) + "\": 0, ";
        keys += "\"_c199999\": 1, ";
        std::string out = crln;
        out.insert(out.find('{') + 1, keys);
        return out;
    }
    if (file == "generated/criteria-deep-nesting.json")
        return "{\"_note\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    if (file == "generated/assessments-10mb-cell.csv")
        // Row 3's submitter is 10 MB with a line break inside; row 4 has a bad number.
        return header + "9911443068,2021-05-24,A,46,có\n" + "9913489559,2021-05-24,\"" +
               std::string(5'000'000, 'x') + "\n" + std::string(5'000'000, 'y') + "\",110,có\n" +
               "9913489559,2021-05-25,B,nhiều,có\n";
    if (file == "generated/assessments-10mb-number.csv")
        return header + "9911443068,2021-05-24,A," + std::string(10'000'000, '7') + ",có\n";
    throw std::runtime_error("no generator for " + file);
}

/// Where a case's file is: in tests/data/bad/, or written into `dir` for generated ones.
inline std::string pathOf(const Case& c, const TempDir& dir) {
    if (!c.generated())
        return dataDir() + "/" + c.file;
    const std::string path = dir.file(c.file.substr(std::string("generated/").size()));
    std::ofstream(path, std::ios::binary) << generatedBytes(c.file);
    return path;
}

}  // namespace bad_corpus
