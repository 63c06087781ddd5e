#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace safemap {

/// Writes `content` to `path` through a temporary file in the same folder that is flushed
/// to disk and then renamed over `path`: a full disk, a crash or a kill leaves either the
/// old file or the new one, never half of one.
[[nodiscard]] Status writeFileAtomically(const std::string& path, std::string_view content);

/// The temporary name writeFileAtomically uses beside `path` (for writers that produce the
/// file themselves, e.g. an image encoder, before commitTemporaryFile).
std::string temporaryPathFor(const std::string& path);

/// Flushes `temporary` to disk and renames it over `path`; removes it on failure.
[[nodiscard]] Status commitTemporaryFile(const std::string& temporary, const std::string& path);

/// Removes a temporary file (and a SQLite rollback journal beside it) when it goes out of
/// scope, unless `keep` was set once the work reached its end.
struct RemoveUnlessKept {
    std::string path;
    bool keep = false;
    ~RemoveUnlessKept();
};

}  // namespace safemap
