#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/errors/error_catalogue.h"
#include "core/tabular/csv_reader.h"
#include "core/tabular/header_row.h"
#include "core/tabular/row_roles.h"
#include "core/text/fold.h"
#include "core/text/quoted.h"
#include "core/text/trim.h"
#include "gis/io/site_assembler_p.h"
#include "gis/io/site_table_p.h"
#include "gis/io/spreadsheet_table.h"

namespace safemap {

namespace {

std::string stemOf(const std::string& path) {
    return std::filesystem::path(path).stem().string();
}

int wktColumn(const Table& table) {
    for (size_t i = 0; i < table.header.size(); ++i)
        if (foldToKey(table.header[i]) == "wkt")
            return static_cast<int>(i);
    return -1;
}

std::unique_ptr<OGRGeometry> parseWkt(std::string_view text) {
    const std::string wkt(text);
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) != OGRERR_NONE)
        return nullptr;
    return std::unique_ptr<OGRGeometry>(g);
}

std::string quotedTexts(const Table& table, const std::vector<TableRow>& rows, size_t limit) {
    std::string out;
    for (size_t i = 0; i < rows.size() && i < limit; ++i)
        out += std::string(i ? ", " : "") + quotedForMessage(firstText(table, rows[i]));
    if (rows.size() > limit)
        out += ", …";
    return out;
}

// A note about rows first…last: the one-row code with {1} = the row, or the many-rows code
// (code + "s") with {1}–{2}; `more` are the note's further args, from {3} (one row) on.
Error rowsNote(std::string code, long first, long last, std::vector<std::string> more,
               const std::string& file) {
    std::vector<std::string> args{std::to_string(first)};
    if (first != last) {
        code += 's';
        args.push_back(std::to_string(last));
    } else {
        args.emplace_back();
    }
    for (auto& m : more)
        args.push_back(std::move(m));
    return codedError(code, std::move(args), file, first);
}

/// \brief The rows of one table, turned into sites.
class TableSiteReader {
public:
    TableSiteReader(const Table& table, const ReadPlan& plan, const SiteImportOptions& options,
                    bool csv)
        : table_(table), plan_(plan), options_(options), csv_(csv), assembler_(plan, options) {
        row_.file = plan_.file;
    }

    Result<SiteReading> read(std::vector<Error> notes);

private:
    bool identifiesSite(const TableRow& row) const;
    void readRow(const TableRow& row);
    void noteSkipped();

    const Table& table_;
    const ReadPlan& plan_;
    const SiteImportOptions& options_;
    bool csv_;
    SiteAssembler assembler_;
    int wkt_ = -1;
    size_t lastNamed_ = 0;  ///< columns up to the last one with a name
    std::vector<TableRow> signature_;
    /// The row being read, reused: its texts keep their capacity from one row to the next
    /// (a new SiteRow per row was a dozen allocations, 100,000 times). Unmapped attributes
    /// are never assigned and stay "".
    SiteRow row_;
};

bool TableSiteReader::identifiesSite(const TableRow& row) const {
    // The total's label may sit in any column, the tax code's included: it is no site.
    const std::string_view label = firstText(table_, row);
    for (SiteAttribute a : {SiteAttribute::TaxCode, SiteAttribute::Id, SiteAttribute::Longitude})
        if (auto cell = trimmed(table_.cell(row, plan_.fieldIndex[static_cast<int>(a)]));
            !cell.empty() && cell != label)
            return true;
    return false;
}

void TableSiteReader::readRow(const TableRow& row) {
    if (csv_ && row.cellCount < lastNamed_) {
        // A short record is a broken line (an unquoted line break, a lost delimiter), not
        // a row of blanks: say which column it ran out at.
        assembler_.addError(
            codedError("sites.row_short", {}, plan_.file, row.row, table_.header[row.cellCount]));
        return;
    }
    SiteRow& r = row_;
    r.row = row.row;
    for (SiteAttribute a : allSiteAttributes())
        if (const int c = plan_.fieldIndex[static_cast<int>(a)]; c >= 0)
            r.text[static_cast<int>(a)].assign(trimmed(table_.cell(row, c)));
    std::unique_ptr<OGRGeometry> geometry;
    if (wkt_ >= 0) {
        if (const std::string_view wkt = trimmed(table_.cell(row, wkt_)); !wkt.empty()) {
            geometry = parseWkt(wkt);
            if (!geometry) {
                assembler_.addError(codedError("sites.not_wkt", {}, plan_.file, row.row,
                                               table_.header[static_cast<size_t>(wkt_)]));
                return;
            }
        }
    }
    assembler_.add(r, geometry.get());
}

void TableSiteReader::noteSkipped() {
    if (signature_.empty())
        return;
    assembler_.addNote(rowsNote("sites.signature_row", signature_.front().row,
                                signature_.back().row, {quotedTexts(table_, signature_, 2)},
                                plan_.file));
    signature_.clear();
}

Result<SiteReading> TableSiteReader::read(std::vector<Error> notes) {
    wkt_ = wktColumn(table_);
    assembler_.expect(table_.rows.size());
    for (size_t i = 0; i < table_.header.size(); ++i)
        if (!table_.header[i].empty())
            lastNamed_ = i + 1;
    if (!table_.titleRows.empty())
        notes.insert(
            notes.begin(),
            rowsNote("sites.title_row", table_.titleRows.front().row, table_.titleRows.back().row,
                     {std::to_string(table_.headerRow), quotedTexts(table_, table_.titleRows, 3)},
                     plan_.file));
    for (Error& n : notes)
        assembler_.addNote(std::move(n));

    // A column with values but no name feeds nothing: say so rather than drop it.
    for (size_t c = 0; c < table_.header.size(); ++c) {
        if (!table_.header[c].empty())
            continue;
        for (const TableRow& row : table_.rows)
            if (!trimmed(table_.cell(row, static_cast<int>(c))).empty()) {
                assembler_.addNote(codedError("sites.column_without_name", {std::to_string(c + 1)},
                                              plan_.file, row.row));
                break;
            }
    }

    const std::vector<RowRole> roles = tableRowRoles(table_);
    const auto total = static_cast<long long>(table_.rows.size());
    for (size_t i = 0; i < table_.rows.size(); ++i) {
        const TableRow& row = table_.rows[i];
        if (options_.cancel && options_.cancel->load())
            return codedError("import.cancelled", {}, plan_.file);
        if (options_.progress && i % 100 == 99)
            options_.progress(static_cast<long long>(i), total);
        switch (roles[i]) {
            case RowRole::Signature:
                signature_.push_back(row);
                continue;
            case RowRole::ColumnNumbers:
                assembler_.addNote(codedError("sites.column_numbers_row", {std::to_string(row.row)},
                                              plan_.file, row.row));
                continue;
            case RowRole::Total:
                if (!identifiesSite(row)) {
                    assembler_.addNote(codedError(
                        "sites.total_row",
                        {std::to_string(row.row), quotedForMessage(firstText(table_, row))},
                        plan_.file, row.row));
                    continue;
                }
                break;
            case RowRole::Data:
                break;
        }
        noteSkipped();
        readRow(row);
    }
    noteSkipped();
    if (options_.cancel && options_.cancel->load())
        return codedError("import.cancelled", {}, plan_.file);
    if (options_.progress)
        options_.progress(total, total);
    return assembler_.finish();
}

}  // namespace

Result<Table> readSiteTable(const std::string& path, const std::string& sheet,
                            std::optional<TextEncoding> encoding, const FieldMapping* mapping) {
    const std::string file = displayFileName(path);
    const std::vector<std::string> names = siteHeaderNames(mapping);
    if (isSpreadsheetPath(path))
        return readSpreadsheetTable(path, sheet, names);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return codedError("file.not_found", {}, file);
    if (!sheet.empty() && sheet != stemOf(path))
        return codedError("gdal.no_such_layer", {quotedForMessage(sheet), stemOf(path)}, file);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return codedError("gdal.cannot_open", {}, file);
    // Read straight into a string of the file's size: through a stringstream, 10 MB were
    // copied twice more into buffers that grew by doubling.
    // A pipe has no size: it is read as a stream.
    std::string bytes;
    in.seekg(0, std::ios::end);
    if (const std::streamoff size = in.tellg(); size >= 0) {
        bytes.resize(static_cast<size_t>(size));
        in.seekg(0);
        in.read(bytes.data(), size);
        bytes.resize(static_cast<size_t>(in.gcount()));
    } else {
        in.clear();
        std::ostringstream stream;
        stream << in.rdbuf();
        bytes = std::move(stream).str();
    }
    if (in.bad())
        return codedError("gdal.cannot_open", {}, file);
    CsvOptions options;
    options.encoding = encoding;
    options.headerNames = names;
    return parseCsv(std::move(bytes), file, options);
}

SourceLayerInfo describeSiteTable(const Table& table, const std::string& layerName) {
    SourceLayerInfo info;
    info.name = layerName;
    for (const std::string& name : table.header)
        info.fields.push_back({name, SourceFieldType::Text});
    info.featureCount = static_cast<long long>(table.rows.size());
    info.geometry = SourceGeometry::None;
    info.geometryType = "None";
    if (const int wkt = wktColumn(table); wkt >= 0) {
        for (const TableRow& row : table.rows) {
            const std::string_view text = trimmed(table.cell(row, wkt));
            if (text.empty())
                continue;
            if (auto g = parseWkt(text)) {
                info.geometry = geometryFamily(g->getGeometryType());
                info.geometryType = OGRGeometryTypeToName(g->getGeometryType());
            }
            break;
        }
    }
    return info;
}

Result<SiteReading> readTableSites(const std::string& path, const SiteImportOptions& options) {
    const FieldMapping* mapping = options.mapping ? &*options.mapping : nullptr;
    auto table = readSiteTable(path, options.layer, options.encoding, mapping);
    if (!table)
        return table.error();
    const bool csv = !isSpreadsheetPath(path);
    std::string layerName = options.layer;
    if (layerName.empty())
        layerName = csv ? stemOf(path) : std::string();

    PlanInput input;
    input.file = displayFileName(path);
    input.info = describeSiteTable(*table, layerName);
    if (const int wkt = wktColumn(*table); wkt >= 0) {
        input.geometryColumn = table->header[static_cast<size_t>(wkt)];
        input.quietColumns.insert(input.geometryColumn);
    }
    std::vector<Error> notes;
    auto plan = planRead(input, options, notes);
    if (!plan)
        return plan.error();
    TableSiteReader reader(*table, *plan, options, csv);
    auto reading = reader.read(std::move(notes));
    if (reading && csv)
        reading->encoding = std::string(encodingName(table->encoding));
    return reading;
}

}  // namespace safemap
