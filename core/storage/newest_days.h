#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/storage/database.h"

namespace safemap {

/// \brief The newest day each facility has an assessment on, as far as one import has asked
/// the store and written rows itself. A row dated after it cannot be stored already, so
/// appendAssessments looks for the assessment only where it could be. Most files list each
/// facility's assessments oldest first: a million rows of 100,000 facilities then ask the
/// store 100,000 times instead of a million, and an import into a project with no
/// assessment yet never asks. For one import only: nothing else adds assessments while its
/// transaction is open.
class NewestDays {
public:
    /// `storedNone`: the project held no assessment when the import began (every facility's
    /// day is then what the import itself wrote).
    NewestDays(int64_t importId, bool storedNone) : importId_(importId), storedNone_(storedNone) {}
    int64_t importId() const { return importId_; }
    /// The newest day (as stored; empty for none) `siteId` has so far: asked of the store
    /// the first time a facility comes, then kept here. The caller compares a row's day with
    /// it as the store compares texts, bytewise, and moves it on when it stores a later one.
    /// Valid until the next call.
    [[nodiscard]] Result<std::string*> newestDayOf(const Database& db, std::string_view siteId);
    /// A facility asked for soon, in two steps: expectSlot a few rows before, expectEntry
    /// fewer rows before (it reads what the first brought in). Its place in the table is then
    /// in the cache when the row comes: the rows of a file come in any order of facilities,
    /// and a lookup that waited for memory each time was a tenth of an import's storing
    /// thread.
    void expectSlot(std::string_view siteId) const;
    void expectEntry(std::string_view siteId) const;

private:
    struct Entry {
        std::string siteId;
        std::string day;
    };
    /// Where `siteId` is or would go in slots_.
    std::size_t slotOf(std::string_view siteId, std::size_t hash) const;
    void grow();

    int64_t importId_;
    bool storedNone_;
    std::optional<Statement> newestStored_;
    // Open addressing with linear probing, at most half full: a slot holds the upper half of
    // the facility's hash and its entry's index + 1 (0: empty), so the table itself is 8
    // bytes a slot and the entries are not moved about when it grows.
    std::vector<std::uint64_t> slots_;
    std::vector<Entry> entries_;
};

}  // namespace safemap
