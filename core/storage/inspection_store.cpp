#include "core/storage/inspection_store.h"

#include "core/errors/error_catalogue.h"
#include "core/storage/database.h"

namespace safemap {

Result<int> addInspections(Database& db, std::span<const Inspection> inspections) {
    auto exists = db.prepare(
        "SELECT 1 FROM inspections WHERE site_id = ? AND inspected_on = ? AND "
        "coalesce(inspector, '') = ? AND coalesce(finding, '') = ?");
    auto ins = db.prepare(
        "INSERT INTO inspections (site_id, inspected_on, inspector, measures_ok, finding, source, "
        "outcome) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!exists)
        return exists.error();
    if (!ins)
        return ins.error();
    int added = 0;
    for (const auto& i : inspections) {
        exists->reset();
        exists->bind(1, i.siteId).bind(2, formatDate(i.date)).bind(3, i.inspector);
        exists->bind(4, i.finding);
        if (exists->step())
            continue;
        if (!exists->error().empty())
            return exists->failure(db.path());
        ins->bind(1, i.siteId).bind(2, formatDate(i.date)).bindTextOrNull(3, i.inspector);
        ins->bind(4, i.measuresOk ? 1 : 0).bindTextOrNull(5, i.finding);
        ins->bindTextOrNull(6, i.source);
        if (i.outcome)
            ins->bind(7, outcomeCode(*i.outcome));
        else
            ins->bindNull(7);
        if (auto st = ins->run(); !st)
            return st.error();
        ++added;
    }
    return added;
}

Result<std::vector<Inspection>> loadInspections(const Database& db, const std::string& siteId) {
    std::vector<Inspection> out;
    auto st = db.prepare(
        siteId.empty() ? "SELECT site_id, inspected_on, inspector, measures_ok, finding, "
                         "source, outcome FROM inspections ORDER BY site_id, inspected_on, fid"
                       : "SELECT site_id, inspected_on, inspector, measures_ok, finding, "
                         "source, outcome FROM inspections WHERE site_id = ? "
                         "ORDER BY inspected_on, fid");
    if (!st)
        return st.error();
    if (!siteId.empty())
        st->bind(1, siteId);
    while (st->step()) {
        Inspection i;
        i.siteId = st->text(0);
        const auto date = parseDate(st->text(1));
        if (!date)
            return codedError("project.inspection_bad_date", {i.siteId, st->text(1)}, db.path());
        i.date = *date;
        i.inspector = st->text(2);
        i.measuresOk = st->integer(3) != 0;
        i.finding = st->text(4);
        i.source = st->text(5);
        if (!st->isNull(6))
            i.outcome = outcomeFromCode(st->text(6));
        out.push_back(std::move(i));
    }
    if (!st->error().empty())
        return st->failure(db.path());
    return out;
}

}  // namespace safemap
