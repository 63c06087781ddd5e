#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/criteria/answer_reading.h"
#include "core/criteria/criteria_set.h"
#include "core/errors/problem.h"
#include "core/model/assessment.h"
#include "core/model/site.h"
#include "core/result.h"
#include "core/tabular/row_roles.h"
#include "core/tabular/table.h"
#include "core/util/date.h"
#include "core/util/first_seen.h"

namespace safemap {

/// \brief How assessment rows find their facility: by tax code or by site id.
class SiteLookup {
public:
    static SiteLookup from(const std::vector<Factory>& factories);
    /// The site id of the facility with this tax code (the first, if several have it);
    /// null if none has.
    const std::string* siteIdOfTaxCode(std::string_view taxCode) const;
    bool hasSiteId(std::string_view siteId) const { return bySiteId_.find(siteId).has_value(); }

private:
    std::vector<std::string> siteIds_;
    FirstSeen byTaxCode_;  ///< tax code → index into siteIds_
    FirstSeen bySiteId_;
};

/// \brief Assessments read from a table, each with its spreadsheet row.
struct ParsedAssessments {
    std::vector<Assessment> assessments;
    std::vector<long> rows;
    /// Non-fatal notes, e.g. columns that match no index of the criteria set (file and row
    /// given; Error::message is the English sentence).
    std::vector<Error> warnings;
    /// The assessments of an earlier slice, which AssessmentRowReader::read fills again
    /// instead of allocating each row's strings and answers anew (see startNextSlice).
    std::vector<Assessment> spare;

    /// Empties the slice for the next read of rows, keeping its assessments as spare.
    void startNextSlice();
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

/// \brief Reads an assessment table a slice of rows at a time, so an import can parse,
/// score and store a million rows without holding a million parsed assessments (issue 8).
///
/// open() checks the header (site, date and index columns) and notes what the whole table
/// shows (unused columns, title rows); read() parses rows as parseAssessmentTable does,
/// failing at the first bad row with its file, row and column. The table, criteria and
/// sites must outlive the reader.
class AssessmentRowReader {
public:
    [[nodiscard]] static Result<AssessmentRowReader> open(const Table& table,
                                                          const CriteriaSet& criteria,
                                                          const SiteLookup& sites,
                                                          std::optional<Date> today = std::nullopt);
    /// Notes about the header and the table as a whole, in the order parseAssessmentTable
    /// gives them (before any row's note).
    const std::vector<Error>& headerWarnings() const { return headerWarnings_; }
    size_t rowCount() const { return table_->rows.size(); }
    /// Appends the assessments of rows [first, first + count) (clamped to the table) to
    /// `out`, with their rows, and the notes of skipped rows to out.warnings.
    [[nodiscard]] Status read(size_t first, size_t count, ParsedAssessments& out) const {
        return read(*table_, roles_, first, count, out);
    }

    /// For a table read in pieces (TableSource): the roles of a later piece's rows (forms'
    /// totals and signature blocks), continuing from the table open() was given.
    std::vector<RowRole> rolesOf(const Table& piece) { return tableRowRoles(piece, roleState_); }
    /// read() on rows of a later piece (same header as the table open() was given) with
    /// their rolesOf().
    [[nodiscard]] Status read(const Table& piece, const std::vector<RowRole>& roles, size_t first,
                              size_t count, ParsedAssessments& out) const;

private:
    struct AnswerColumn {
        int column;
        const Criterion* criterion;
        ChoiceLookup lookup;
    };
    AssessmentRowReader() = default;
    /// Whether `answers` holds exactly the indexes of the columns `answered` marks.
    bool sameAnswered(const std::map<std::string, AnswerValue>& answers,
                      const std::vector<char>& answered) const;
    const Table* table_ = nullptr;
    const SiteLookup* sites_ = nullptr;
    Date today_{};
    int taxCol_ = -1, idCol_ = -1, dateCol_ = -1, submitterCol_ = -1;
    std::vector<AnswerColumn> answerColumns_;
    std::vector<size_t> idOrder_;  ///< answerColumns_ positions by criterion id
    std::vector<RowRole> roles_;
    RowRoleState roleState_;
    std::vector<Error> headerWarnings_;
};

/// The error for a row dated more than one day after `today`, or nothing: an assessment or
/// inspection from the future is a typing error (2099 for 2019), and accepting one would move
/// every list's default date (issue 13).
std::optional<Problem> futureDateProblem(const Date& date, const Date& today);

}  // namespace safemap
