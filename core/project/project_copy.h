#pragma once

#include <set>
#include <string>

#include "core/project/project.h"
#include "core/result.h"

namespace safemap {

/// \brief What to copy: every facility, or those of some districts (with their zones,
/// assessments, scores and inspections).
struct CopyOptions {
    std::set<std::string> districts;  ///< empty: everything
};

/// \brief What a copy wrote.
struct CopyOutcome {
    long zones = 0;
    long factories = 0;
    long assessments = 0;  ///< new in the destination (already there: not counted)
    long inspections = 0;  ///< new in the destination
    long criteriaSets = 0;
    long scored = 0;         ///< scores written (every set that had scores, re-scored)
    long records = 0;        ///< inspection records (field forms) new in the destination
    long photos = 0;         ///< their photos
    long mergeLogLines = 0;  ///< merge audit log lines new in the destination
};

/// Copies one project into another in ONE write transaction of the destination (all or
/// nothing): settings, criteria sets and the active set, sites, assessments, inspections,
/// inspection records with their photos, the merge audit log,
/// then every set's scores computed again from the copied assessments (scoring is
/// deterministic, so they are the source's scores). What `safemap push` (file → server)
/// and `safemap pull` (server → file) do. Copying into a project that already holds some
/// of the facts adds only what is missing (sites by id, assessments by content key,
/// inspections by site, date, inspector and finding). The destination's import log gets
/// one entry per kind naming the source; the source's own import log is not copied.
[[nodiscard]] Result<CopyOutcome> copyProject(const Project& from, Project& to,
                                              const CopyOptions& options = {});

}  // namespace safemap
