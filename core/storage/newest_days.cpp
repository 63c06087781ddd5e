#include "core/storage/newest_days.h"

#include <algorithm>
#include <functional>
#include <utility>

namespace safemap {

namespace {
std::size_t hashOfSite(std::string_view siteId) {
    return std::hash<std::string_view>{}(siteId);
}
std::uint64_t tagOf(std::size_t hash) {
    return static_cast<std::uint64_t>(hash) >> 32 << 32;
}
constexpr std::uint64_t kIndexBits = 0xffffffffu;
}  // namespace

std::size_t NewestDays::slotOf(std::string_view siteId, std::size_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t tag = tagOf(hash);
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const std::uint64_t s = slots_[i];
        if (s == 0 || ((s & ~kIndexBits) == tag && entries_[(s & kIndexBits) - 1].siteId == siteId))
            return i;
    }
}

void NewestDays::grow() {
    slots_.assign(std::max<std::size_t>(1024, slots_.size() * 2), 0);
    for (std::size_t k = 0; k < entries_.size(); ++k) {
        const std::size_t hash = hashOfSite(entries_[k].siteId);
        slots_[slotOf(entries_[k].siteId, hash)] = tagOf(hash) | (k + 1);
    }
}

void NewestDays::expectSlot(std::string_view siteId) const {
    if (!slots_.empty())
        __builtin_prefetch(&slots_[hashOfSite(siteId) & (slots_.size() - 1)]);
}

void NewestDays::expectEntry(std::string_view siteId) const {
    if (slots_.empty())
        return;
    const std::uint64_t s = slots_[hashOfSite(siteId) & (slots_.size() - 1)];
    if (s != 0)
        __builtin_prefetch(&entries_[(s & kIndexBits) - 1]);
}

Result<std::string*> NewestDays::newestDayOf(const Database& db, std::string_view siteId) {
    if (2 * (entries_.size() + 1) > slots_.size())
        grow();
    const std::size_t hash = hashOfSite(siteId);
    const std::size_t slot = slotOf(siteId, hash);
    if (slots_[slot] != 0)
        return &entries_[(slots_[slot] & kIndexBits) - 1].day;
    std::string stored;  // none: before every day
    if (!storedNone_) {
        if (!newestStored_) {
            // Texts only: a number or a blob some other program stored never equals a day.
            auto q = db.prepare(
                "SELECT max(assessed_on) FROM assessments WHERE site_id = ? AND "
                "typeof(assessed_on) = 'text'");
            if (!q)
                return q.error();
            newestStored_.emplace(std::move(q).value());
        }
        Statement& q = *newestStored_;
        q.reset();
        q.bindUncopied(1, siteId);
        if (q.step() && !q.isNull(0))
            stored = q.text(0);
        q.reset();
        if (!q.error().empty())
            return q.failure(db.path());
    }
    entries_.push_back(Entry{std::string(siteId), std::move(stored)});
    slots_[slot] = tagOf(hash) | entries_.size();
    return &entries_.back().day;
}

}  // namespace safemap
