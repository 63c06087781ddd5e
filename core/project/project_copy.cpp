#include "core/project/project_copy.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include "core/model/inspection_record.h"
#include "core/project/scoring_run.h"
#include "core/scoring/compiled_criteria.h"

namespace safemap {

namespace {

// Settings the destination owns: the schema it was made with.
bool copiedSetting(const std::string& key) {
    return key != "schema_version" && key != "criteria.active";
}

}  // namespace

Result<CopyOutcome> copyProject(const Project& from, Project& to, const CopyOptions& options) {
    const ProjectRepository& src = from.repository();
    ProjectRepository& dst = to.repository();
    CopyOutcome out;
    const std::string source = "copy of " + from.location();

    auto settings = src.settings();
    if (!settings)
        return settings.error();
    auto sets = src.criteriaSets();
    if (!sets)
        return sets.error();
    auto active = src.activeCriteria();
    if (!active)
        return active.error();
    auto zones = src.zones();
    if (!zones)
        return zones.error();
    auto factories = src.factories();
    if (!factories)
        return factories.error();
    auto inspections = src.inspections();
    if (!inspections)
        return inspections.error();
    auto records = src.inspectionRecords();
    if (!records)
        return records.error();

    SiteBatch sites;
    std::unordered_set<std::string> siteIds;
    std::unordered_set<std::string> zoneIds;
    for (auto& f : *factories) {
        if (!options.districts.empty() && !options.districts.count(f.district))
            continue;
        siteIds.insert(f.id);
        if (!f.zoneId.empty())
            zoneIds.insert(f.zoneId);
        sites.factories.push_back(std::move(f));
    }
    for (auto& z : *zones)
        if (options.districts.empty() || options.districts.count(z.district) || zoneIds.count(z.id))
            sites.zones.push_back(std::move(z));
    out.zones = static_cast<long>(sites.zones.size());
    out.factories = static_cast<long>(sites.factories.size());

    auto tx = dst.beginWrite();
    if (!tx)
        return tx.error();
    for (const auto& [key, value] : *settings)
        if (copiedSetting(key))
            if (auto st = dst.setSetting(key, value); !st)
                return st.error();
    std::vector<CompiledCriteria> compiled;
    for (const auto& stored : *sets) {
        auto set = src.criteriaSet(stored.ref);
        if (!set)
            return set.error();
        if (!*set)
            continue;
        if (auto st = dst.storeCriteriaSet(**set); !st)
            return st.error();
        ++out.criteriaSets;
        compiled.push_back(compileCriteria(**set));
    }
    if (auto r = dst.upsertSites(sites, source); !r)
        return r.error();

    // Assessments in the source's order (oldest id first), in batches.
    long toCopy = 0;
    if (options.districts.empty()) {
        auto count = src.assessmentCount();
        if (!count)
            return count.error();
        toCopy = static_cast<long>(*count);
    } else if (auto counted =
                   src.forEachAssessment([&](std::span<const StoredAssessment> stored) -> Status {
                       for (const auto& s : stored)
                           toCopy += siteIds.count(s.assessment.siteId) ? 1 : 0;
                       return {};
                   });
               !counted) {
        return counted.error();
    }
    auto importId = dst.beginImport("assessments", source, toCopy);
    if (!importId)
        return importId.error();
    std::vector<Assessment> batch;
    std::vector<long> rows;
    std::vector<int64_t> ids;
    long seen = 0;
    auto copied = src.forEachAssessment([&](std::span<const StoredAssessment> stored) -> Status {
        batch.clear();
        for (const auto& s : stored)
            if (siteIds.count(s.assessment.siteId))
                batch.push_back(s.assessment);
        seen += static_cast<long>(batch.size());
        rows.assign(batch.size(), -1);
        if (auto st = dst.appendAssessments(batch, rows, *importId, ids); !st)
            return st;
        for (int64_t id : ids)
            out.assessments += id != 0 ? 1 : 0;
        return {};
    });
    if (!copied)
        return copied.error();
    ImportSummary assessed;
    assessed.rows = static_cast<int>(seen);
    assessed.inserted = static_cast<int>(out.assessments);
    assessed.unchanged = static_cast<int>(seen - out.assessments);
    if (auto st = dst.finishImport(*importId, assessed); !st)
        return st.error();

    // An inspection record's own inspections row comes with the record (putInspectionRecord
    // below): copied as a plain row as well, it would be counted twice by the rules.
    std::multiset<std::tuple<std::string, Date, std::string, std::string>> ofRecords;
    for (const auto& r : *records)
        if (siteIds.count(r.siteId)) {
            const Inspection i = inspectionOf(r, {});
            ofRecords.emplace(i.siteId, i.date, i.inspector, i.finding);
        }
    std::map<std::string, std::string> recordSource;  // record id → its row's source
    std::vector<Inspection> kept;
    for (auto& i : *inspections) {
        if (!siteIds.count(i.siteId))
            continue;
        auto it = ofRecords.find({i.siteId, i.date, i.inspector, i.finding});
        if (it != ofRecords.end()) {
            ofRecords.erase(it);
            for (const auto& r : *records)
                if (r.siteId == i.siteId && r.date == i.date && !recordSource.count(r.recordId) &&
                    inspectionOf(r, {}).finding == i.finding && r.inspector == i.inspector) {
                    recordSource[r.recordId] = i.source;
                    break;
                }
            continue;
        }
        kept.push_back(std::move(i));
    }
    auto inspectionImport = dst.beginImport("inspections", source, static_cast<long>(kept.size()));
    if (!inspectionImport)
        return inspectionImport.error();
    auto added = dst.addInspections(kept);
    if (!added)
        return added.error();
    out.inspections = *added;
    ImportSummary inspected;
    inspected.rows = static_cast<int>(kept.size());
    inspected.inserted = *added;
    inspected.unchanged = inspected.rows - *added;
    if (auto st = dst.finishImport(*inspectionImport, inspected); !st)
        return st.error();

    // Every set that scored anything in the source scores the copy (the active one always).
    for (const auto& c : compiled) {
        const bool isActive = *active && **active == CriteriaRef{c.set.id, c.set.version};
        auto timeline = src.scoreTimeline(c);
        if (!timeline)
            return timeline.error();
        if (timeline->entries.empty() && !isActive)
            continue;
        auto scored = rescoreAll(dst, c);
        if (!scored)
            return scored.error();
        out.scored += *scored;
    }
    if (*active)
        if (auto st = dst.setActiveCriteria(**active); !st)
            return st.error();

    // Inspection records with their photos (one record's bytes in memory at a time), then
    // the merge audit log lines about what was copied; both only where missing.
    auto stored = dst.inspectionRecords();
    if (!stored)
        return stored.error();
    std::set<std::string> there;
    for (const auto& r : *stored)
        there.insert(r.recordId);
    std::set<std::string> copiedKeys(siteIds.begin(), siteIds.end());
    for (const auto& r : *records) {
        if (!siteIds.count(r.siteId))
            continue;
        copiedKeys.insert(r.recordId);
        for (const auto& p : r.photos)
            copiedKeys.insert(p.photoId);
        if (there.count(r.recordId))
            continue;
        std::vector<Photo> photos;
        for (const auto& info : r.photos) {
            auto data = src.photoData(info.photoId);
            if (!data)
                return data.error();
            photos.push_back({info, std::move(data).value()});
        }
        const auto s = recordSource.find(r.recordId);
        if (auto st =
                dst.putInspectionRecord(r, photos, s != recordSource.end() ? s->second : source);
            !st)
            return st.error();
        ++out.records;
        out.photos += static_cast<long>(photos.size());
    }
    auto log = src.mergeLog();
    if (!log)
        return log.error();
    auto logThere = dst.mergeLog();
    if (!logThere)
        return logThere.error();
    std::vector<MergeLogEntry> lines;
    for (const auto& e : *log)
        if ((e.item == "package" || copiedKeys.count(e.itemKey)) &&
            std::find(logThere->begin(), logThere->end(), e) == logThere->end())
            lines.push_back(e);
    if (!lines.empty())
        if (auto st = dst.appendMergeLog(lines); !st)
            return st.error();
    out.mergeLogLines = static_cast<long>(lines.size());
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    return out;
}

}  // namespace safemap
