#pragma once

// Shared by the fuzz targets of a project's own settings table (safemap_meta): a file made
// from a template, with the input's "key<TAB>value" lines written into that table.
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/storage/database.h"
#include "fuzz_support.h"

namespace fuzz {

/// Writes `templateBytes` to `path`, then at most 32 of the input's lines "key<TAB>value"
/// into its safemap_meta table (lines without a tab are skipped).
inline void writeMetaFile(const std::string& path, const std::string& templateBytes,
                          std::string_view text) {
    std::filesystem::remove(path + "-journal");
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << templateBytes;
    }
    auto db = safemap::Database::open(path, safemap::OpenMode::ReadWrite);
    FUZZ_CHECK(db.ok(), db.error().describe());
    int lines = 0;
    while (!text.empty() && lines++ < 32) {
        const auto end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos)
            continue;
        auto st = db->prepare("INSERT OR REPLACE INTO safemap_meta(key, value) VALUES (?, ?)");
        FUZZ_CHECK(st.ok(), st.error().describe());
        st->bind(1, line.substr(0, tab)).bind(2, line.substr(tab + 1));
        (void)st->run();  // e.g. a key SQLite refuses: the table stays as it was
    }
}

}  // namespace fuzz
