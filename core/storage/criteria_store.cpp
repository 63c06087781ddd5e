#include "core/storage/criteria_store.h"

#include "core/criteria/criteria_io.h"
#include "core/errors/error_catalogue.h"
#include "core/storage/database.h"
#include "core/text/quoted.h"

namespace safemap {

Result<std::vector<StoredCriteriaSet>> loadCriteriaSets(const Database& db) {
    std::vector<StoredCriteriaSet> out;
    auto st =
        db.prepare("SELECT set_id, version, name FROM criteria_sets ORDER BY set_id, version DESC");
    if (!st)
        return st.error();
    while (st->step())
        out.push_back({{st->text(0), static_cast<int>(st->integer(1))}, st->text(2)});
    if (!st->error().empty())
        return st->failure(db.path());
    return out;
}

Result<std::optional<CriteriaSet>> loadCriteriaSet(const Database& db, const CriteriaRef& ref) {
    auto st = db.prepare("SELECT definition FROM criteria_sets WHERE set_id = ? AND version = ?");
    if (!st)
        return st.error();
    st->bind(1, ref.id).bind(2, ref.version);
    if (!st->step()) {
        if (!st->error().empty())
            return st->failure(db.path());
        return std::optional<CriteriaSet>();
    }
    auto set = parseCriteriaSet(st->text(0), db.path() + " (criteria set " + ref.key() + ")");
    if (!set)
        return set.error();
    return std::optional<CriteriaSet>(std::move(set).value());
}

Status storeCriteriaSet(Database& db, const CriteriaSet& set) {
    auto existing = loadCriteriaSet(db, {set.id, set.version});
    if (!existing)
        return existing.error();
    if (*existing) {
        if (**existing == set)
            return {};
        return codedError(
            "criteria.version_conflict",
            {set.id, std::to_string(set.version), set.name.empty() ? set.id : set.name}, db.path());
    }
    auto st = db.prepare(
        "INSERT INTO criteria_sets (set_id, version, name, definition, loaded_at) "
        "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
    if (!st)
        return st.error();
    st->bind(1, set.id).bind(2, set.version).bind(3, set.name).bind(4, writeCriteriaSet(set));
    return st->run();
}

Result<std::optional<CriteriaRef>> loadActiveCriteria(const Database& db) {
    auto st = db.prepare("SELECT value FROM safemap_meta WHERE key = 'criteria.active'");
    if (!st)
        return st.error();
    if (!st->step() || st->isNull(0))
        return std::optional<CriteriaRef>();
    const std::string value = st->text(0);
    auto ref = parseCriteriaRef(value);
    if (!ref)  // any bytes: the table is editable in QGIS
        return codedError("criteria.bad_active_setting", {quotedForMessage(printableText(value))},
                          db.path());
    return std::optional<CriteriaRef>(*ref);
}

Status storeActiveCriteria(Database& db, const CriteriaRef& ref) {
    auto st = db.prepare(
        "INSERT OR REPLACE INTO safemap_meta (key, value) VALUES ('criteria.active', ?)");
    if (!st)
        return st.error();
    st->bind(1, ref.key());
    return st->run();
}

}  // namespace safemap
