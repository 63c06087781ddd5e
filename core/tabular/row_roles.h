#pragma once

#include <string_view>
#include <vector>

#include "core/tabular/table.h"

namespace safemap {

/// What a row below the header of an office's sheet is, besides data.
enum class RowRole {
    Data,
    ColumnNumbers,  ///< "(1) (2) (3) …" or "1 2 3 …" right under the header, as forms number them
    Total,  ///< "Tổng cộng", "Cộng", "Tổng số: 25 cơ sở", "Total" as its first text
    Signature,  ///< "Người lập biểu", "GIÁM ĐỐC", "(Ký, ghi rõ họ tên)", the signer's name
};

/// True for "Tổng", "Tổng cộng", "Tổng số", "Cộng", "Total", "Sum" (any case, with or without
/// a ':' and what follows it), and "Cộng …" subtotals. Accents matter: "Tổng công ty" and
/// "Công ty" are names, not totals.
bool isTotalLabel(std::string_view cell);

/// True for the words of a signature block or a dated place line: "Người lập biểu",
/// "Giám đốc", "Trưởng ban", "Nơi nhận", "(Ký, ghi rõ họ tên)", "KT. …", "Hà Nam, ngày 26
/// tháng 6 năm 2021" (accents ignored).
bool isSignatureText(std::string_view cell);

/// The role of each row of `table.rows`: the first row when it only numbers the columns; a
/// row whose first text is a total label; a sparse row (at most two cells) with signature
/// words, and the sparse rows right after it (the signer's name). Everything else is data.
/// Callers may still read a Total row as data when it identifies a site (a tax code).
std::vector<RowRole> tableRowRoles(const Table& table);

/// \brief What tableRowRoles carries from one piece of a table to the next.
struct RowRoleState {
    bool started = false;      ///< a row has been seen (only the first can number columns)
    bool inSignature = false;  ///< the last row was part of a signature block
};

/// tableRowRoles for a table read in pieces (CsvChunks): `state` carries the signature
/// block and the first row across pieces, so the roles are those of the whole table.
std::vector<RowRole> tableRowRoles(const Table& table, RowRoleState& state);

/// The first non-blank cell of a row, trimmed; "" if none.
std::string_view firstText(const Table& table, const TableRow& row);

}  // namespace safemap
