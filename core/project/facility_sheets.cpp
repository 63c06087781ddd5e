#include "core/project/facility_sheets.h"

#include <algorithm>
#include <unordered_map>

#include "core/criteria/criteria_labels.h"
#include "core/project/field_inspection.h"
#include "core/project/project.h"
#include "core/project/project_settings.h"
#include "core/project/scenario.h"
#include "core/rules/action_lists.h"
#include "core/scoring/compiled_criteria.h"
#include "core/scoring/score.h"

namespace safemap {

namespace {

std::string outcomeWords(const Inspection& i, bool vi) {
    if (!i.outcome)
        return i.measuresOk ? (vi ? "biện pháp đạt" : "measures in place")
                            : (vi ? "biện pháp chưa đạt" : "measures missing");
    switch (*i.outcome) {
        case InspectionOutcome::Keep:
            return vi ? "duy trì hoạt động" : "keep operating";
        case InspectionOutcome::Fix:
            return vi ? "khắc phục" : "fix";
        case InspectionOutcome::Suspend:
            return vi ? "đề xuất tạm dừng" : "propose suspension";
    }
    return {};
}

SheetAssessment sheetAssessment(const CriteriaSet& set, const CompiledCriteria& compiled,
                                const Assessment& a, Language language, const DisplayStyle& style) {
    const ScoreResult score = scoreAssessment(compiled, a);
    SheetAssessment out;
    out.date = a.date;
    out.submitter = a.submitter;
    out.percent = score.percent;
    out.level = std::string(riskLevelLabel(score.level, language));
    for (const IndexScore& idx : score.indices) {
        SheetIndexRow row;
        row.label = indexLabelById(&set, idx.indexId, language);
        const Criterion* c = set.find(idx.indexId);
        if (auto it = a.answers.find(idx.indexId); it != a.answers.end() && c)
            row.answer = answerLabel(*c, it->second, style);
        row.points = idx.points;
        row.pointsMax = idx.pointsMax;
        row.mandatoryFailed = std::find(score.mandatoryFailed.begin(), score.mandatoryFailed.end(),
                                        idx.indexId) != score.mandatoryFailed.end();
        out.rows.push_back(std::move(row));
    }
    for (const std::string& v : score.vetoesFired) {
        const auto veto = std::find_if(set.vetoes.begin(), set.vetoes.end(),
                                       [&](const VetoRule& r) { return r.id == v; });
        out.vetoes.emplace_back(veto != set.vetoes.end() ? std::string(vetoReason(*veto, language))
                                                         : v);
    }
    return out;
}

}  // namespace

Result<FacilitySheets> facilitySheetsOf(const Project& package, Language language,
                                        const ProgressFn& progress) {
    const bool vi = language == Language::Vietnamese;
    const DisplayStyle style = displayStyle(language);
    FacilitySheets out;
    auto info = packageInfo(package);
    if (!info)
        return info.error();
    if (*info)
        out.info = **info;
    auto settings = loadProjectSettings(package);
    if (!settings)
        return settings.error();
    auto evaluated = evaluateScenario(package, savedScenario(*settings));
    if (!evaluated)
        return evaluated.error();
    out.facts = evaluated->facts;
    out.status = std::make_shared<const ProjectStatus>(std::move(evaluated->status));
    const ProjectFacts& facts = *out.facts;
    const ProjectStatus& status = *out.status;
    out.asOf = status.asOf;
    const CriteriaSet* set = facts.criteria.get();
    std::optional<CompiledCriteria> compiled;
    if (set) {
        compiled = compileCriteria(*set);
        out.criteriaName = std::string(criteriaSetName(*set, language));
        out.criteriaName += " v";
        out.criteriaName += std::to_string(set->version);
        for (const MeasureCheck& m : measuresToCheck(*set))
            out.measures.push_back(indexLabelById(set, m.indexId, language));
    }

    // Route order: the stops by number, then what the package carries off the route; a plain
    // project has no stops, so its facilities come by name.
    auto packaged = package.repository().packageSites();
    if (!packaged)
        return packaged.error();
    std::unordered_map<std::string, int> stops;
    for (const PackageSite& s : *packaged)
        if (s.routeOrder)
            stops.emplace(s.siteId, *s.routeOrder);
    std::vector<std::size_t> order(facts.factories.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto stopOf = [&](std::size_t i) {
        auto it = stops.find(facts.factories[i].id);
        return it == stops.end() ? 1 << 30 : it->second;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const int sa = stopOf(a), sb = stopOf(b);
        if (sa != sb)
            return sa < sb;
        return facts.factories[a].name < facts.factories[b].name;
    });

    std::unordered_map<std::string, const Zone*> zones;
    for (const Zone& z : facts.zones)
        zones.emplace(z.id, &z);
    const long long total = static_cast<long long>(order.size());
    long long done = 0;
    for (const std::size_t i : order) {
        const Factory& f = facts.factories[i];
        FacilitySheet sheet;
        sheet.position = i;
        sheet.factory = f;
        if (auto it = stops.find(f.id); it != stops.end())
            sheet.stop = it->second;
        if (auto z = zones.find(f.zoneId); z != zones.end())
            sheet.zoneName = z->second->name;
        if (i < status.sites.size()) {
            const SiteStatus& s = status.sites[i];
            if (s.level) {
                sheet.level = std::string(riskLevelLabel(*s.level, language));
                sheet.percent = s.percent;
            }
            for (const Reason& r : s.suspendReasons) {
                std::string line = vi ? "Đề xuất tạm dừng: " : "To suspend: ";
                line += reasonText(r, set, style);
                sheet.onLists.push_back(std::move(line));
            }
            for (const Reason& r : s.inspectReasons) {
                std::string line = vi ? "Cần kiểm tra: " : "Due for inspection: ";
                line += reasonText(r, set, style);
                sheet.onLists.push_back(std::move(line));
            }
        }
        if (set) {
            auto records = package.repository().assessmentsOf(f.id);
            if (!records)
                return records.error();
            // The newest up to the date the lists are made for (what the status read).
            const AssessmentRecord* latest = nullptr;
            for (const AssessmentRecord& r : *records)
                if (r.assessment.date <= status.asOf &&
                    (!latest || !(r.assessment.date < latest->assessment.date)))
                    latest = &r;
            if (latest)
                sheet.latest =
                    sheetAssessment(*set, *compiled, latest->assessment, language, style);
        }
        if (i + 1 < facts.inspectionBegin.size())
            for (std::uint32_t k = facts.inspectionBegin[i + 1]; k > facts.inspectionBegin[i];
                 --k) {
                const Inspection& in = facts.inspections[k - 1];
                sheet.inspections.push_back(
                    {in.date, in.inspector, outcomeWords(in, vi), in.finding, in.measuresOk});
            }
        out.sheets.push_back(std::move(sheet));
        if (progress)
            progress(++done, total);
    }
    return out;
}

}  // namespace safemap
