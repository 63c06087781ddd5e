#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace safemap {

/// \brief An error as a value: what went wrong and, for input files, where.
///
/// Errors cross module and thread boundaries as data (never as exceptions), so every
/// importer can say "file, row, column, reason" the same way.
struct Error {
    Error() = default;
    explicit Error(std::string message_, std::string file_ = {}, long row_ = -1,
                   std::string column_ = {})
        : message(std::move(message_)),
          file(std::move(file_)),
          row(row_),
          column(std::move(column_)) {}

    std::string message;  ///< English, for the command line and logs
    /// The error's entry in the catalogue (core/errors/error_catalogue.h), whose template in
    /// each language is filled with `args` to word it for people (codedError sets `message`
    /// from the English one); empty for an error with no entry.
    std::string code;
    std::vector<std::string> args;
    std::string file;    ///< source file, if the error is about one
    long row = -1;       ///< 1-based data row (header is row 1 in spreadsheets), -1 if none
    std::string column;  ///< column name, if the error is about one
    /// Further problems found in the same pass (e.g. every bad row of an import), listed
    /// after this one; `moreOmitted` counts those left out to keep the list readable.
    std::vector<Error> more;
    long moreOmitted = 0;

    /// For people: "file.csv, row 12, column so_lao_dong: not a number", then one line per
    /// further problem and "… and N more problems" when some were left out.
    std::string describe() const;
};

/// \brief Either a value or an Error. A small stand-in for C++23 std::expected.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

/// \brief Result of an operation that yields nothing but may fail.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT
    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return error_; }

private:
    Error error_;
    bool failed_ = false;
};

}  // namespace safemap
