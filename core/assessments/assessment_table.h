#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/criteria/criteria_set.h"
#include "core/errors/problem.h"
#include "core/model/assessment.h"
#include "core/model/site.h"
#include "core/result.h"
#include "core/tabular/table.h"
#include "core/util/date.h"

namespace safemap {

/// \brief How assessment rows find their facility: by tax code or by site id.
struct SiteLookup {
    std::unordered_map<std::string, std::string> siteIdByTaxCode;
    std::unordered_set<std::string> siteIds;
    static SiteLookup from(const std::vector<Factory>& factories);
};

/// \brief Assessments read from a table, each with its spreadsheet row.
struct ParsedAssessments {
    std::vector<Assessment> assessments;
    std::vector<long> rows;
    /// Non-fatal notes, e.g. columns that match no index of the criteria set (file and row
    /// given; Error::message is the English sentence).
    std::vector<Error> warnings;
};

/// The column names an assessment table may have (tax code, site id, date, submitter, STT, and
/// every index id and label of `criteria`): what chooseHeaderRow needs to find the header
/// below title rows (CsvOptions::headerNames, readSpreadsheetTable's headerNames).
std::vector<std::string> assessmentHeaderNames(const CriteriaSet& criteria);

/// Reads an assessment table (one row per assessment): a tax code column (ma_so_thue, mst,
/// tax_code) or a site id column (site_id, ma_co_so), a date (ngay_danh_gia, date), an
/// optional submitter (nguoi_nop, submitter), and one column per index of `criteria`,
/// named by the index id or its Vietnamese or English label (accents and case ignored).
/// Every row is checked before anything is returned: an unknown site, a bad date, a date more
/// than one day after `today` (the wall clock's UTC date when not given; the day of slack
/// covers time zones) or an answer the index cannot read is an Error naming the file, row
/// and column. Empty answers are kept as unanswered (the score counts them as the worst case
/// and says so). Title rows above the header, a row numbering the columns, total rows and a
/// signature block that name no facility are skipped with a warning.
Result<ParsedAssessments> parseAssessmentTable(const Table& table, const CriteriaSet& criteria,
                                               const SiteLookup& sites,
                                               std::optional<Date> today = std::nullopt);

/// The error for a row dated more than one day after `today`, or nothing: an assessment or
/// inspection from the future is a typing error (2099 for 2019), and accepting one would move
/// every list's default date (issue 13).
std::optional<Problem> futureDateProblem(const Date& date, const Date& today);

}  // namespace safemap
