#include "core/assessments/assessment_table.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>

#include "core/criteria/answer_reading.h"
#include "core/errors/error_catalogue.h"
#include "core/tabular/row_roles.h"
#include "core/text/fold.h"
#include "core/text/quoted.h"
#include "core/text/trim.h"

namespace safemap {

namespace {

// An assessment of an earlier slice to fill again, or a new one. read() sets every field of
// it (Assessment's four).
Assessment takeSpare(std::vector<Assessment>& spare) {
    if (spare.empty())
        return {};
    Assessment a = std::move(spare.back());
    spare.pop_back();
    return a;
}

// Spreadsheets turn tax codes into numbers ("9900000001.0") and may drop leading zeros
// of 13-character branch codes written as "0101234567-001"; keep the text as typed, minus a
// trailing ".0".
std::string normaliseTaxCode(std::string_view raw) {
    std::string s = std::string(trimmed(raw));
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0)
        s.resize(s.size() - 2);
    return s;
}

// The rows above the header, as a note naming the first and last.
Error titleRowsNote(const Table& table) {
    const long first = table.titleRows.front().row, last = table.titleRows.back().row;
    if (first == last)
        return codedError("assessments.title_row", {std::to_string(first)}, table.fileName, first);
    return codedError("assessments.title_rows", {std::to_string(first), std::to_string(last)},
                      table.fileName, first);
}

}  // namespace

std::optional<Problem> futureDateProblem(const Date& date, const Date& today) {
    if (daysBetween(today, date) <= 1)
        return std::nullopt;
    return problemOf("date.in_future", {formatDate(date), formatDate(today),
                                        formatDateFor(date, displayStyle(Language::Vietnamese)),
                                        formatDateFor(today, displayStyle(Language::Vietnamese))});
}

std::vector<std::string> assessmentHeaderNames(const CriteriaSet& criteria) {
    std::vector<std::string> names{"ma_so_thue",  "mst",       "tax_code",      "taxcode",
                                   "site_id",     "ma_co_so",  "ngay_danh_gia", "date",
                                   "assessed_on", "nguoi_nop", "submitter",     "stt"};
    for (const auto& c : criteria.indices) {
        names.push_back(c.id);
        if (!c.label.empty())
            names.push_back(c.label);
        if (!c.labelEn.empty())
            names.push_back(c.labelEn);
    }
    return names;
}

SiteLookup SiteLookup::from(const std::vector<Factory>& factories) {
    SiteLookup l;
    l.siteIds_.reserve(factories.size());
    l.byTaxCode_.reserve(factories.size());
    l.bySiteId_.reserve(factories.size());
    for (const auto& f : factories) {
        const auto index = static_cast<long>(l.siteIds_.size());
        l.siteIds_.push_back(f.id);
        l.bySiteId_.add(f.id, index);
        if (!f.taxCode.empty())
            l.byTaxCode_.add(f.taxCode, index);
    }
    return l;
}

const std::string* SiteLookup::siteIdOfTaxCode(std::string_view taxCode) const {
    const std::optional<long> index = byTaxCode_.find(taxCode);
    return index ? &siteIds_[static_cast<size_t>(*index)] : nullptr;
}

Result<AssessmentRowReader> AssessmentRowReader::open(const Table& table,
                                                      const CriteriaSet& criteria,
                                                      const SiteLookup& sites,
                                                      std::optional<Date> today) {
    const std::string& file = table.fileName;
    AssessmentRowReader r;
    r.table_ = &table;
    r.sites_ = &sites;
    r.today_ = today.value_or(safemap::today());
    r.taxCol_ = table.firstColumn({"ma_so_thue", "ma so thue", "mst", "tax_code", "taxcode"});
    r.idCol_ = table.firstColumn({"site_id", "ma_co_so", "ma co so", "id"});
    r.dateCol_ =
        table.firstColumn({"ngay_danh_gia", "ngay danh gia", "date", "assessed_on", "ngay"});
    r.submitterCol_ = table.firstColumn({"nguoi_nop", "nguoi nop", "submitter", "nguoi_danh_gia"});
    if (r.taxCol_ < 0 && r.idCol_ < 0)
        return codedError("assessments.no_site_column", {}, file, table.headerRow);
    if (r.dateCol_ < 0)
        return codedError("assessments.no_date_column", {}, file, table.headerRow);

    // Which column feeds which index: by id, or by either label.
    std::vector<bool> used(table.header.size(), false);
    for (int c : {r.taxCol_, r.idCol_, r.dateCol_, r.submitterCol_})
        if (c >= 0)
            used[static_cast<size_t>(c)] = true;
    for (const auto& criterion : criteria.indices) {
        int c = table.column(criterion.id);
        if (c < 0 && !criterion.label.empty())
            c = table.column(criterion.label);
        if (c < 0 && !criterion.labelEn.empty())
            c = table.column(criterion.labelEn);
        if (c < 0) {
            r.headerWarnings_.push_back(codedError(
                "assessments.no_index_column", {criterion.id, criterion.label, criterion.labelEn},
                file, table.headerRow));
            continue;
        }
        used[static_cast<size_t>(c)] = true;
        r.answerColumns_.push_back({c, &criterion, choiceLookupFor(criterion)});
    }
    for (size_t i = 0; i < r.answerColumns_.size(); ++i)
        r.idOrder_.push_back(i);
    std::sort(r.idOrder_.begin(), r.idOrder_.end(), [&](size_t a, size_t b) {
        return r.answerColumns_[a].criterion->id < r.answerColumns_[b].criterion->id;
    });
    if (r.answerColumns_.empty())
        return codedError("assessments.no_index_matches",
                          {criteria.id, std::to_string(criteria.version),
                           criteria.indices.empty() ? std::string("?") : criteria.indices[0].id,
                           criteria.name.empty() ? criteria.id : criteria.name,
                           criteria.indices.empty() ? std::string("?") : criteria.indices[0].label},
                          file, table.headerRow);
    for (size_t c = 0; c < table.header.size(); ++c)
        if (!used[c])
            r.headerWarnings_.push_back(codedError("assessments.column_unused", {table.header[c]},
                                                   file, table.headerRow, table.header[c]));

    if (!table.titleRows.empty())
        r.headerWarnings_.push_back(titleRowsNote(table));
    // Forms as offices fill them: a row numbering the columns, totals, a signature block.
    // Skipped (with a note) only when they name no facility.
    r.roles_ = tableRowRoles(table, r.roleState_);
    return r;
}

Status AssessmentRowReader::read(const Table& table, const std::vector<RowRole>& roles,
                                 size_t first, size_t count, ParsedAssessments& out) const {
    const std::string& file = table.fileName;
    const size_t last = std::min(table.rows.size(), first + std::min(count, table.rows.size()));
    std::vector<AnswerValue> values(answerColumns_.size());  // one row's, by column
    std::vector<char> answered(answerColumns_.size());
    for (size_t r = first; r < last; ++r) {
        const TableRow& row = table.rows[r];
        Assessment a = takeSpare(out.spare);
        std::string tax = taxCol_ >= 0 ? normaliseTaxCode(table.cell(row, taxCol_)) : std::string();
        std::string id =
            idCol_ >= 0 ? std::string(trimmed(table.cell(row, idCol_))) : std::string();
        // The label itself ("Tổng cộng") may sit in the tax code column: not a facility.
        const std::string_view label = firstText(table, row);
        const bool namesNoFacility = (tax.empty() || tax == label) && (id.empty() || id == label);
        if (roles[r] == RowRole::ColumnNumbers || (roles[r] != RowRole::Data && namesNoFacility)) {
            const char* code = roles[r] == RowRole::Total ? "assessments.total_row"
                               : roles[r] == RowRole::ColumnNumbers
                                   ? "assessments.column_numbers_row"
                                   : "assessments.signature_row";
            out.warnings.push_back(codedError(code, {std::to_string(row.row)}, file, row.row));
            continue;
        }
        if (!tax.empty()) {
            const std::string* site = sites_->siteIdOfTaxCode(tax);
            if (!site)
                return codedError("assessments.unknown_tax_code", {quotedForMessage(tax)}, file,
                                  row.row, table.header[static_cast<size_t>(taxCol_)]);
            a.siteId = *site;
        } else if (!id.empty()) {
            if (!sites_->hasSiteId(id))
                return codedError("import.unknown_site_id", {quotedForMessage(id)}, file, row.row,
                                  table.header[static_cast<size_t>(idCol_)]);
            a.siteId = id;
        } else {
            return codedError("import.no_site", {}, file, row.row,
                              table.header[static_cast<size_t>(taxCol_ >= 0 ? taxCol_ : idCol_)]);
        }
        const std::string dateText = std::string(trimmed(table.cell(row, dateCol_)));
        auto date = parseDate(dateText);
        if (!date)
            return dateText.empty()
                       ? codedError("date.missing", {}, file, row.row,
                                    table.header[static_cast<size_t>(dateCol_)])
                       : codedError("date.not_a_date", {quotedForMessage(dateText)}, file, row.row,
                                    table.header[static_cast<size_t>(dateCol_)]);
        if (auto future = futureDateProblem(*date, today_))
            return future->at(file, row.row, table.header[static_cast<size_t>(dateCol_)]);
        a.date = *date;
        if (submitterCol_ >= 0)
            a.submitter = trimmed(table.cell(row, submitterCol_));
        else
            a.submitter.clear();
        std::fill(answered.begin(), answered.end(), 0);
        for (size_t i = 0; i < answerColumns_.size(); ++i) {
            const AnswerColumn& ac = answerColumns_[i];
            const std::string_view text = trimmed(table.cell(row, ac.column));
            if (text.empty())
                continue;  // unanswered
            const AnswerReading reading = readAnswerText(*ac.criterion, text, &ac.lookup);
            if (reading.status == AnswerStatus::Invalid)
                return (reading.problem.empty()
                            ? problemOf("answer.not_valid", {quotedForMessage(text)})
                            : reading.problem)
                    .at(file, row.row, table.header[static_cast<size_t>(ac.column)]);
            // Keep the answer as read, so the stored form is canonical (có → true).
            switch (ac.criterion->input) {
                case InputType::YesNo:
                    values[i] = reading.value != 0;
                    break;
                case InputType::Choice:
                    values[i] = ac.criterion->choices[static_cast<size_t>(reading.value)].value;
                    break;
                default:
                    values[i] = reading.value;
                    break;
            }
            answered[i] = 1;
        }
        // A spare assessment from a row that answered the same indexes (most rows of a file
        // do) takes the values into its answers as they are: no node or key allocated.
        // Otherwise, in the order of the ids each answer goes at the map's end, without a
        // search. Read first in the file's column order, so a row's first bad answer is
        // still the one reported.
        if (sameAnswered(a.answers, answered)) {
            auto it = a.answers.begin();
            for (const size_t i : idOrder_)
                if (answered[i])
                    (it++)->second = std::move(values[i]);
        } else {
            a.answers.clear();
            for (const size_t i : idOrder_)
                if (answered[i])
                    a.answers.emplace_hint(a.answers.end(), answerColumns_[i].criterion->id,
                                           std::move(values[i]));
        }
        out.assessments.push_back(std::move(a));
        out.rows.push_back(row.row);
    }
    return {};
}

bool AssessmentRowReader::sameAnswered(const std::map<std::string, AnswerValue>& answers,
                                       const std::vector<char>& answered) const {
    auto it = answers.begin();
    for (const size_t i : idOrder_) {
        if (!answered[i])
            continue;
        if (it == answers.end() || it->first != answerColumns_[i].criterion->id)
            return false;
        ++it;
    }
    return it == answers.end();
}

void ParsedAssessments::startNextSlice() {
    spare.reserve(spare.size() + assessments.size());
    std::move(assessments.begin(), assessments.end(), std::back_inserter(spare));
    assessments.clear();
    rows.clear();
    warnings.clear();
}

Result<ParsedAssessments> parseAssessmentTable(const Table& table, const CriteriaSet& criteria,
                                               const SiteLookup& sites, std::optional<Date> today) {
    auto reader = AssessmentRowReader::open(table, criteria, sites, today);
    if (!reader)
        return reader.error();
    ParsedAssessments out;
    out.warnings = reader->headerWarnings();
    out.assessments.reserve(table.rows.size());
    out.rows.reserve(table.rows.size());
    if (auto st = reader->read(0, table.rows.size(), out); !st)
        return st.error();
    return out;
}

}  // namespace safemap
