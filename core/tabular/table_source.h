#pragma once

#include "core/result.h"
#include "core/tabular/table.h"

namespace safemap {

/// \brief The rows of a table, handed out a piece at a time, so that an import of a
/// million-row file holds a few megabytes of it rather than all of it (issue 8).
///
/// head() has the header, the title rows and the first rows; next() replaces a table's rows
/// with the ones after those given so far (same header, file name and encoding; row numbers
/// continue). A piece is only valid until the next call to next() with the same table.
class TableSource {
public:
    virtual ~TableSource() = default;
    virtual const Table& head() const = 0;
    /// The next rows into `chunk`; false when there are no more.
    [[nodiscard]] virtual Result<bool> next(Table& chunk) = 0;
    /// How far through the source the pieces given so far reach, and its size, in any unit
    /// (bytes of a file, rows of a table): for a progress bar.
    virtual long long done() const = 0;
    virtual long long total() const = 0;
};

/// \brief A table already in memory, as one piece.
class WholeTable final : public TableSource {
public:
    explicit WholeTable(const Table& table) : table_(table) {}
    const Table& head() const override { return table_; }
    Result<bool> next(Table&) override { return false; }
    long long done() const override { return static_cast<long long>(table_.rows.size()); }
    long long total() const override { return static_cast<long long>(table_.rows.size()); }

private:
    const Table& table_;
};

}  // namespace safemap
