#pragma once

#include <string>
#include <vector>

#include "core/project/records.h"
#include "core/result.h"
#include "gis/io/site_import.h"

namespace safemap {

/// \brief Sites read from a source, with what the reader noticed on the way.
struct SiteReading {
    SiteBatch batch;
    /// Things the user should know that did not stop the import, each with the file and,
    /// where it applies, the row and column: columns not imported, zones not in the project,
    /// facilities placed inside their zone, polygons repaired, title/total/signature rows
    /// skipped. At most 100, then one saying how many more there were.
    std::vector<Error> notes;
    /// CSV/TSV/TXT: the encoding the text was decoded from ("tcvn3"); empty otherwise.
    std::string encoding;
};

/// readSites with its notes: reads and checks every row, and returns either all the sites
/// or every problem found (up to 100 listed, then a count; see Error::more).
Result<SiteReading> readSiteSource(const std::string& path, const SiteImportOptions& options = {});

}  // namespace safemap
