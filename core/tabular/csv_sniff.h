#pragma once

#include <string_view>

namespace safemap {

/// Guesses the field delimiter of CSV text from its first records: the candidate (tab,
/// semicolon, comma, pipe) whose most common field count (two or more) is shared by the most
/// records, then the one with more fields; ties go in that order, so a Vietnamese Excel
/// export ("1,5" as a number, ';' between fields) reads right, and title rows above the
/// header ("DANH SÁCH CƠ SỞ, KCN") do not decide. Quoted fields are skipped over. ',' when
/// nothing splits any record (a one-column file).
char sniffDelimiter(std::string_view text);

/// If the text starts with Excel's "sep=X" line, X; otherwise 0.
char excelSeparatorLine(std::string_view text);

}  // namespace safemap
