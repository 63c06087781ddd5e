#include "core/project/field_inspection.h"

#include <algorithm>
#include <cmath>

#include "core/errors/error_catalogue.h"
#include "core/project/criteria_use.h"
#include "core/project/field_package.h"
#include "core/project/project.h"
#include "core/util/content_hash.h"
#include "core/util/utc_time.h"

namespace safemap {

namespace {

Error fieldError(std::string_view code, std::vector<std::string> args, std::string column) {
    return codedError(code, std::move(args), {}, -1, std::move(column));
}

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

Status checkPhotos(const InspectionRecord& record, std::span<const Photo> photos) {
    for (const Photo& p : photos) {
        const bool listed =
            std::any_of(record.photos.begin(), record.photos.end(),
                        [&](const PhotoInfo& info) { return info.photoId == p.info.photoId; });
        if (!listed)
            continue;  // bytes the record does not use are not stored
        if (p.data.empty() || static_cast<long long>(p.data.size()) != p.info.bytes)
            return fieldError("inspection.photo_empty", {p.info.fileName}, "photos");
        if (p.info.bytes > kMaxPhotoBytes)
            return fieldError("inspection.photo_too_large",
                              {p.info.fileName, std::to_string(kMaxPhotoBytes / (1024 * 1024))},
                              "photos");
        if (contentHash(std::string_view(reinterpret_cast<const char*>(p.data.data()),
                                         p.data.size())) != p.info.contentHash)
            return fieldError("inspection.photo_checksum", {p.info.fileName}, "photos");
    }
    return {};
}

Result<std::string> sourceOf(const Project& project) {
    auto info = packageInfo(project);
    if (!info)
        return info.error();
    return *info ? "field package: " + (*info)->name : std::string("inspection form");
}

}  // namespace

std::vector<MeasureCheck> measuresToCheck(const CriteriaSet& set) {
    std::vector<MeasureCheck> out;
    for (const auto& c : set.indices)
        if (c.mandatory)
            out.push_back({c.id, std::nullopt});
    return out;
}

Status validateInspection(const InspectionRecord& r, const CriteriaSet* criteria, Date today) {
    if (r.siteId.empty())
        return fieldError("inspection.no_site", {}, "site");
    if (!r.date.ok())
        return fieldError("inspection.bad_date", {}, "date");
    if (r.date > today)
        return fieldError("inspection.future_date", {formatDate(r.date)}, "date");
    if (trimmed(r.inspector).empty())
        return fieldError("inspection.no_inspector", {}, "inspector");
    if (r.outcome == InspectionOutcome::Fix) {
        if (!r.fixBy)
            return fieldError("inspection.fix_by_missing", {}, "fix_by");
        if (*r.fixBy < r.date)
            return fieldError("inspection.fix_by_before", {formatDate(*r.fixBy)}, "fix_by");
    } else if (r.fixBy) {
        return fieldError("inspection.fix_by_unexpected", {}, "fix_by");
    }
    for (size_t i = 0; i < r.measures.size(); ++i) {
        const std::string& id = r.measures[i].indexId;
        for (size_t j = 0; j < i; ++j)
            if (r.measures[j].indexId == id)
                return fieldError("inspection.measure_twice", {id}, "measures");
        if (criteria) {
            const Criterion* c = criteria->find(id);
            if (!c || !c->mandatory)
                return fieldError("inspection.not_mandatory",
                                  {id, criteria->id, std::to_string(criteria->version)},
                                  "measures");
        }
    }
    if (r.position) {
        const GeoPoint p = *r.position;
        if (!std::isfinite(p.lon) || !std::isfinite(p.lat) || p.lon < -180 || p.lon > 180 ||
            p.lat < -90 || p.lat > 90)
            return fieldError("inspection.bad_position", {}, "position");
    }
    return {};
}

Result<InspectionRecord> saveInspection(Project& project, const InspectionDraft& draft) {
    InspectionRecord record = draft.record;
    record.inspector = trimmed(record.inspector);
    if (!record.position)
        record.positionSource = PositionSource::None;
    auto criteria = activeOrFallback(project, nullptr);
    if (!criteria)
        return criteria.error();
    if (auto st = validateInspection(record, criteria->get(), today()); !st)
        return st.error();
    if (auto st = checkPhotos(record, draft.newPhotos); !st)
        return st.error();
    auto source = sourceOf(project);
    if (!source)
        return source.error();
    auto info = packageInfo(project);
    if (!info)
        return info.error();

    ProjectRepository& repo = project.repository();
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    const std::string now = utcTimestamp();
    if (record.recordId.empty()) {
        record.recordId = randomId();
        record.recordedAt = now;
        record.origin = *info ? (*info)->packageId : std::string();
        record.mergedHash.clear();
    } else {
        auto stored = repo.inspectionRecords(record.siteId);
        if (!stored)
            return stored.error();
        auto it = std::find_if(stored->begin(), stored->end(), [&](const InspectionRecord& s) {
            return s.recordId == record.recordId;
        });
        if (it == stored->end())
            return codedError("inspection.record_missing", {record.recordId, record.siteId},
                              project.location());
        // Inside the write transaction: nobody saves the record between this check and ours.
        if (!draft.readHash.empty() && recordContentHash(*it) != draft.readHash)
            return codedError("project.record_conflict",
                              {record.recordId, record.siteId, it->updatedAt}, project.location());
        record.recordedAt = it->recordedAt;
        record.origin = it->origin;
        record.mergedHash = it->mergedHash;
    }
    record.updatedAt = now;
    if (auto st = repo.putInspectionRecord(record, draft.newPhotos, *source); !st)
        return st.error();
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    return record;
}

Status restoreInspection(Project& project, const InspectionRecord& record,
                         std::span<const Photo> photos) {
    auto source = sourceOf(project);
    if (!source)
        return source.error();
    ProjectRepository& repo = project.repository();
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    if (auto st = repo.putInspectionRecord(record, photos, *source); !st)
        return st;
    return (*tx)->commit();
}

Status removeInspection(Project& project, const std::string& recordId) {
    ProjectRepository& repo = project.repository();
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    if (auto st = repo.deleteInspectionRecord(recordId); !st)
        return st;
    return (*tx)->commit();
}

const std::set<SiteField>& correctableFields() {
    static const std::set<SiteField> fields{SiteField::Name,
                                            SiteField::Address,
                                            SiteField::Sector,
                                            SiteField::WorkersTotal,
                                            SiteField::WorkersOutOfProvince,
                                            SiteField::WorkersLargestShift,
                                            SiteField::Position};
    return fields;
}

Result<ImportSummary> correctFacility(Project& project, Factory corrected,
                                      const std::set<SiteField>& fields,
                                      std::optional<int64_t> readVersion) {
    for (SiteField f : fields)
        if (!correctableFields().count(f))
            return codedError("inspection.not_correctable", {std::string(siteFieldKey(f))});
    if (fields.empty())
        return ImportSummary{};
    if (fields.count(SiteField::Name) && trimmed(corrected.name).empty())
        return fieldError("inspection.empty_name", {}, "name");
    if (fields.count(SiteField::Position))
        corrected.approximatePosition = false;  // placed by someone who stood there
    const std::string id = corrected.id;
    SiteBatch batch;
    batch.factories = {std::move(corrected)};
    batch.provided = fields;
    if (readVersion)
        batch.readVersions[id] = *readVersion;
    ProjectRepository& repo = project.repository();
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    auto summary = repo.upsertSites(batch, "correction on site");
    if (!summary)
        return summary.error();
    if (summary->inserted > 0)  // a correction never adds a facility; the rollback undoes it
        return codedError("project.no_such_facility", {id}, project.location());
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    return summary;
}

}  // namespace safemap
