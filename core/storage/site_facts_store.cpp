#include "core/storage/site_facts_store.h"

#include <unordered_map>

#include "core/storage/database.h"

namespace safemap {

namespace {
std::vector<std::string> splitIds(const std::string& text) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find(',', pos);
        if (end == std::string::npos)
            end = text.size();
        if (end > pos)
            out.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}
}  // namespace

std::vector<SiteFacts> loadSiteFacts(const Database& db, const std::string& setId, int version) {
    std::vector<SiteFacts> facts;
    std::unordered_map<std::string, size_t> bySite;
    auto sites = db.prepare(
        "SELECT site_id, name, zone_id, workers_total, account_issued FROM factories ORDER BY "
        "site_id");
    if (!sites)
        return facts;
    while (sites->step()) {
        SiteFacts f;
        f.siteId = sites->text(0);
        f.name = sites->text(1);
        f.zoneId = sites->text(2);
        f.workers = sites->optionalInt(3);
        if (!sites->isNull(4))
            f.accountIssued = parseDate(sites->text(4));
        bySite.emplace(f.siteId, facts.size());
        facts.push_back(std::move(f));
    }

    // latest_scores holds the newest two scored assessments of each site (kept up to date
    // by every write of scores), so this reads two rows per site, not every assessment.
    auto scored = db.prepare(
        "SELECT site_id, rank, assessed_on, percent, level, safe, max_index_points, worst_index, "
        "mandatory_failed, vetoes_fired FROM latest_scores WHERE set_id = ? AND set_version = ?");
    if (!scored)
        return facts;
    scored->bind(1, setId).bind(2, version);
    while (scored->step()) {
        auto it = bySite.find(scored->text(0));
        if (it == bySite.end())
            continue;  // an assessment of a site no longer in the project
        ScoredAssessment a;
        if (auto d = parseDate(scored->text(2)))
            a.date = *d;
        a.percent = scored->real(3);
        a.level = riskLevelFromCode(scored->text(4)).value_or(RiskLevel::VeryHigh);
        a.safeToOperate = scored->integer(5) != 0;
        a.maxIndexPoints = scored->real(6);
        a.worstIndex = scored->text(7);
        a.failedMandatory = splitIds(scored->text(8));
        a.firedVetoes = splitIds(scored->text(9));
        a.criteriaSetId = setId;
        a.criteriaVersion = version;
        auto& f = facts[it->second];
        (scored->integer(1) == 1 ? f.latest : f.previous) = std::move(a);
    }

    auto inspections = db.prepare(
        "SELECT site_id, inspected_on, measures_ok, finding FROM ("
        " SELECT site_id, inspected_on, measures_ok, finding, row_number() OVER"
        "  (PARTITION BY site_id ORDER BY inspected_on DESC, fid DESC) rn FROM inspections)"
        " WHERE rn = 1");
    if (!inspections)
        return facts;
    while (inspections->step()) {
        auto it = bySite.find(inspections->text(0));
        if (it == bySite.end())
            continue;
        InspectionFact i;
        if (auto d = parseDate(inspections->text(1)))
            i.date = *d;
        i.measuresOk = inspections->integer(2) != 0;
        i.finding = inspections->text(3);
        facts[it->second].lastInspection = std::move(i);
    }
    return facts;
}

}  // namespace safemap
