#pragma once
// The error catalogue: every error SafeMap words for people, by code, in English and in
// Vietnamese. Core and gis make errors with codedError(code, args, file, row, column); the
// English `message` (the command line's) comes from the same template the window's
// Vietnamese comes from, so the two never say different things. The file, row and column
// stay data and are worded by describeError in the reader's language.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/text/display_format.h"

namespace safemap {

/// \brief One entry of the catalogue. `{1}`, `{2}`, … stand for the error's args; a
/// template may leave one out (e.g. a library's English detail the Vietnamese text replaces
/// with its own words).
struct ErrorTemplate {
    std::string_view code;
    std::string_view en;
    std::string_view vi;
};

/// Every entry, grouped by area (core/errors/messages_*.cpp). Codes are unique.
std::vector<ErrorTemplate> errorCatalogue();
/// The entry for `code`, or null.
const ErrorTemplate* findErrorTemplate(std::string_view code);

/// An error with a catalogue entry; `message` is its English template filled with `args`.
/// An unknown code is a programming error: the message then names the code and the args
/// (the catalogue test finds every code used in the sources).
Error codedError(std::string_view code, std::vector<std::string> args = {}, std::string file = {},
                 long row = -1, std::string column = {});

/// `error` (its code, args and further problems kept) as being about `file`: for an error
/// made where the file's name is not known.
Error atFile(Error error, std::string file);

/// The error `code` about `cause`: `args`, then cause's own sentence in English and in
/// Vietnamese as two more args (the English template uses the first, the Vietnamese one the
/// second), so a wrapping error is worded in one language throughout. The place (file, row,
/// column) and the further problems are the cause's; `file`, when given, replaces its file.
Error errorAbout(std::string_view code, std::vector<std::string> args, const Error& cause,
                 std::string file = {});

/// What the system said when a file could not be opened, read or written (`action`: "open",
/// "read", "write", "flush" or "replace"), as a coded error: a missing file, a missing
/// permission, a folder, a full disk or a read-only disk by name; any other error number
/// with the system's own words.
Error fileError(std::string_view action, int errorNumber, std::string path);

/// `tmpl` with {1}…{9} replaced by args[0]…args[8] (a missing arg reads as "").
std::string fillTemplate(std::string_view tmpl, const std::vector<std::string>& args);

/// The error's own sentence in `language`: its template filled with its args, or, for an
/// error without an entry, its message as written.
std::string errorMessage(const Error& error, Language language);
/// Where it happened in `language`: "data.csv, dòng 12, cột so_lao_dong" (vi), "data.csv,
/// row 12, column so_lao_dong" (en); empty when the error names no place.
std::string errorPlace(const Error& error, Language language);
/// For people: place and sentence, then one line per further problem and "… và 3 lỗi khác" /
/// "… and 3 more problems" when some were left out. For English, the same text as
/// Error::describe() gives for a coded error.
std::string describeError(const Error& error, Language language);

/// Parts of the catalogue, one per area.
std::span<const ErrorTemplate> textMessages();
std::span<const ErrorTemplate> importMessages();
std::span<const ErrorTemplate> storageMessages();
std::span<const ErrorTemplate> criteriaMessages();
std::span<const ErrorTemplate> gisMessages();
std::span<const ErrorTemplate> serverMessages();
std::span<const ErrorTemplate> appMessages();
std::span<const ErrorTemplate> fieldMessages();
std::span<const ErrorTemplate> reportMessages();

}  // namespace safemap
