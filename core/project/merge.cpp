#include "core/project/merge.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "core/errors/error_catalogue.h"
#include "core/project/project.h"
#include "core/util/content_hash.h"
#include "core/util/utc_time.h"

namespace safemap {

namespace {

// The attributes of a facility a merge compares (every stored attribute but its id).
constexpr SiteField kFacilityFields[] = {SiteField::TaxCode,
                                         SiteField::Name,
                                         SiteField::Zone,
                                         SiteField::Province,
                                         SiteField::District,
                                         SiteField::Address,
                                         SiteField::Sector,
                                         SiteField::WorkersTotal,
                                         SiteField::WorkersOutOfProvince,
                                         SiteField::WorkersLargestShift,
                                         SiteField::AccountIssued,
                                         SiteField::Position};

std::string number(const std::optional<int>& n) {
    return n ? std::to_string(*n) : std::string();
}

/// The value of one attribute as text: what a conflict shows, and what comparisons use
/// (positions to seven decimals, about a centimetre).
std::string valueOf(const Factory& f, SiteField field) {
    switch (field) {
        case SiteField::TaxCode:
            return f.taxCode;
        case SiteField::Name:
            return f.name;
        case SiteField::Kind:
            return {};
        case SiteField::Zone:
            return f.zoneId;
        case SiteField::Province:
            return f.province;
        case SiteField::District:
            return f.district;
        case SiteField::Address:
            return f.address;
        case SiteField::Sector:
            return f.sector;
        case SiteField::WorkersTotal:
            return number(f.workforce.total);
        case SiteField::WorkersOutOfProvince:
            return number(f.workforce.outOfProvince);
        case SiteField::WorkersLargestShift:
            return number(f.workforce.largestShift);
        case SiteField::AccountIssued:
            return f.accountIssued ? formatDate(*f.accountIssued) : std::string();
        case SiteField::Position: {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.7f, %.7f%s", f.location.lon, f.location.lat,
                          f.approximatePosition ? " (approximate)" : "");
            return buf;
        }
    }
    return {};
}

std::set<SiteField> changedFields(const Factory& from, const Factory& to) {
    std::set<SiteField> out;
    for (SiteField f : kFacilityFields)
        if (valueOf(from, f) != valueOf(to, f))
            out.insert(f);
    return out;
}

std::string facilityHash(const Factory& f) {
    std::string s;
    for (SiteField field : kFacilityFields)
        s += valueOf(f, field) + '\x1f';
    return contentHash(s);
}

std::string measuresText(const std::vector<MeasureCheck>& measures) {
    std::string s;
    for (const auto& m : measures)
        s += (s.empty() ? "" : ", ") + m.indexId + "=" +
             (!m.implemented   ? "?"
              : *m.implemented ? "yes"
                               : "no");
    return s;
}

std::vector<ConflictValue> recordDifferences(const InspectionRecord& office,
                                             const InspectionRecord& field) {
    std::vector<ConflictValue> out;
    auto add = [&](const char* name, const std::string& a, const std::string& b) {
        if (a != b)
            out.push_back({name, {}, a, b});
    };
    auto position = [](const InspectionRecord& r) {
        if (!r.position)
            return std::string();
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.7f, %.7f", r.position->lon, r.position->lat);
        return std::string(buf);
    };
    auto photos = [](const InspectionRecord& r) {
        std::string s;
        for (const auto& p : r.photos)
            s += (s.empty() ? "" : ", ") + p.fileName;
        return s;
    };
    add("date", formatDate(office.date), formatDate(field.date));
    add("inspector", office.inspector, field.inspector);
    add("outcome", std::string(outcomeCode(office.outcome)),
        std::string(outcomeCode(field.outcome)));
    add("fix_by", office.fixBy ? formatDate(*office.fixBy) : "",
        field.fixBy ? formatDate(*field.fixBy) : "");
    add("measures", measuresText(office.measures), measuresText(field.measures));
    add("findings", office.findings, field.findings);
    add("notes", office.notes, field.notes);
    add("position", position(office), position(field));
    add("photos", photos(office), photos(field));
    return out;
}

/// Checks the pair and returns the package's description.
Result<PackageInfo> checkPair(const Project& master, const Project& package) {
    const std::string packageFile = std::filesystem::path(package.location()).filename().string();
    auto info = packageInfo(package);
    if (!info)
        return info.error();
    if (!*info)
        return codedError("merge.not_a_package", {packageFile}, package.location());
    if ((*info)->format > kPackageFormat)
        return codedError("merge.newer_format",
                          {std::to_string((*info)->format), std::to_string(kPackageFormat)},
                          package.location());
    if ((*info)->sourceSchema > master.repository().schemaVersion())
        return codedError("merge.newer_schema",
                          {std::to_string((*info)->sourceSchema),
                           std::to_string(master.repository().schemaVersion())},
                          package.location());
    auto masterInfo = packageInfo(master);
    if (!masterInfo)
        return masterInfo.error();
    if (*masterInfo)
        return codedError("merge.into_package", {}, master.location());
    auto settings = master.repository().settings();
    if (!settings)
        return settings.error();
    const auto id = settings->find(kProjectIdKey);
    if (id == settings->end() || id->second != (*info)->sourceProjectId)
        return codedError("merge.other_project",
                          {(*info)->sourceProjectFile, (*info)->sourceProjectId,
                           std::filesystem::path(master.location()).filename().string(),
                           id == settings->end() ? std::string() : ", id " + id->second},
                          package.location());
    if (auto st = package.repository().checkIntegrity(); !st)
        return errorAbout("merge.cannot_merge", {}, st.error(), package.location());
    return std::move(**info);
}

}  // namespace

std::string_view resolutionCode(Resolution r) {
    switch (r) {
        case Resolution::KeepOffice:
            return "kept office";
        case Resolution::TakeField:
            return "took field";
        case Resolution::KeepBoth:
            return "kept both";
    }
    return "kept office";
}

std::string_view conflictKindCode(ConflictKind kind) {
    switch (kind) {
        case ConflictKind::Facility:
            return "facility";
        case ConflictKind::Position:
            return "position";
        case ConflictKind::Inspection:
            return "inspection";
    }
    return "facility";
}

Result<Project> openPackageForMerge(const std::string& path) {
    auto package = Project::open(path, Project::Access::ReadOnly);
    if (!package)
        return errorAbout("merge.cannot_read", {}, package.error(), path);
    return package;
}

Result<MergePlan> planMerge(const Project& master, const Project& package) {
    auto info = checkPair(master, package);
    if (!info)
        return info.error();
    MergePlan plan;
    plan.package = std::move(info).value();
    const ProjectRepository& m = master.repository();
    const ProjectRepository& p = package.repository();

    // Inspection records made in this package.
    auto fieldRecords = p.inspectionRecords();
    if (!fieldRecords)
        return fieldRecords.error();
    auto officeRecords = m.inspectionRecords();
    if (!officeRecords)
        return officeRecords.error();
    std::unordered_map<std::string, const InspectionRecord*> office;
    std::set<std::string> officeHashes;
    for (const auto& r : *officeRecords) {
        office.emplace(r.recordId, &r);
        officeHashes.insert(recordContentHash(r));
    }
    for (const auto& r : *fieldRecords) {
        if (r.origin != plan.package.packageId)
            continue;  // not recorded in this package
        const std::string fieldHash = recordContentHash(r);
        auto it = office.find(r.recordId);
        if (it == office.end()) {
            if (officeHashes.count(fieldHash)) {
                ++plan.duplicates;  // the same inspection, entered in the office too
                continue;
            }
            plan.added.push_back(r);
            plan.photos += static_cast<int>(r.photos.size());
            continue;
        }
        const InspectionRecord& o = *it->second;
        const std::string officeHash = recordContentHash(o);
        if (officeHash == fieldHash || o.mergedHash == fieldHash) {
            ++plan.unchanged;  // merged as it is, or the field has not changed it since
            continue;
        }
        if (officeHash == o.mergedHash) {
            plan.updated.push_back(r);
            for (const auto& photo : r.photos)
                if (std::none_of(o.photos.begin(), o.photos.end(),
                                 [&](const PhotoInfo& q) { return q.photoId == photo.photoId; }))
                    ++plan.photos;
            continue;
        }
        MergeConflict c;
        c.kind = ConflictKind::Inspection;
        c.key = "inspection:" + r.recordId;
        c.siteId = r.siteId;
        c.title = formatDate(r.date) + " — " + r.inspector;
        c.values = recordDifferences(o, r);
        plan.conflicts.push_back(std::move(c));
    }

    // Facilities corrected in the field.
    auto sites = p.packageSites();
    if (!sites)
        return sites.error();
    auto fieldFactories = p.factories();
    if (!fieldFactories)
        return fieldFactories.error();
    auto officeFactories = m.factories();
    if (!officeFactories)
        return officeFactories.error();
    std::unordered_map<std::string, const Factory*> inField, inOffice;
    for (const auto& f : *fieldFactories)
        inField.emplace(f.id, &f);
    for (const auto& f : *officeFactories)
        inOffice.emplace(f.id, &f);
    auto log = m.mergeLog(plan.package.packageId);
    if (!log)
        return log.error();
    for (const auto& s : *sites) {
        auto f = inField.find(s.siteId);
        if (f == inField.end())
            return codedError("merge.package_lost_facility", {s.siteId}, package.location());
        auto o = inOffice.find(s.siteId);
        if (o == inOffice.end())
            return codedError("merge.facility_gone", {s.siteId, s.base.name}, master.location());
        const Factory& field = *f->second;
        const Factory& now = *o->second;
        std::set<SiteField> byField = changedFields(s.base, field);
        for (auto it = byField.begin(); it != byField.end();)
            it = valueOf(field, *it) == valueOf(now, *it) ? byField.erase(it) : std::next(it);
        if (byField.empty())
            continue;  // nothing changed in the field, or the office has the same already
        const std::set<SiteField> byOffice = changedFields(s.base, now);
        if (byOffice.empty()) {
            plan.facilities.push_back({field, byField});
            continue;
        }
        const std::string hash = facilityHash(field);
        const bool decided = std::any_of(log->begin(), log->end(), [&](const MergeLogEntry& e) {
            return e.item == "facility" && e.itemKey == s.siteId && e.action == "kept office" &&
                   e.contentHash == hash;
        });
        if (decided)
            continue;  // the office kept its version of exactly this before
        MergeConflict c;
        c.kind = byField.count(SiteField::Position) && byOffice.count(SiteField::Position)
                     ? ConflictKind::Position
                     : ConflictKind::Facility;
        c.key = "facility:" + s.siteId;
        c.siteId = s.siteId;
        c.title = now.name;
        std::set<SiteField> shown = byField;
        shown.insert(byOffice.begin(), byOffice.end());
        for (SiteField k : kFacilityFields)
            if (shown.count(k))
                c.values.push_back({std::string(siteFieldKey(k)), valueOf(s.base, k),
                                    valueOf(now, k), valueOf(field, k)});
        plan.conflicts.push_back(std::move(c));
    }
    return plan;
}

Result<MergeOutcome> mergePackage(Project& master, const Project& package,
                                  const Resolutions& resolutions, const ProgressFn& progress) {
    ProjectRepository& repo = master.repository();
    const ProjectRepository& source = package.repository();
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    // Planned again under the write lock: what the user saw may have changed meanwhile, and
    // the decisions must cover every conflict there is now.
    auto planned = planMerge(master, package);
    if (!planned)
        return planned.error();
    const MergePlan& plan = *planned;
    std::vector<std::string> undecided;
    for (const auto& c : plan.conflicts)
        if (!resolutions.count(c.key) && c.kind != ConflictKind::Inspection)
            undecided.push_back(c.title);
    if (!undecided.empty()) {
        std::string names;
        for (size_t i = 0; i < undecided.size() && i < 5; ++i)
            names += (i ? "; " : "") + undecided[i];
        if (undecided.size() > 5)
            names += "; …";
        return codedError("merge.undecided", {std::to_string(undecided.size()), names},
                          package.location());
    }
    MergeOutcome out;
    out.duplicates = plan.duplicates;
    if (plan.nothingToDo()) {
        out.nothingNew = true;
        return out;  // nothing written: the transaction rolls back empty
    }

    const PackageInfo& info = plan.package;
    const std::string now = utcTimestamp();
    const std::string packageFile = std::filesystem::path(package.location()).filename().string();
    const std::string sourceName = "field package: " + info.name;
    std::vector<MergeLogEntry> log;
    auto note = [&](std::string item, std::string key, std::string action, std::string detail,
                    std::string hash = {}) {
        log.push_back({now, info.packageId, packageFile, info.createdBy, std::move(item),
                       std::move(key), std::move(action), std::move(detail), std::move(hash)});
    };

    auto fieldRecords = source.inspectionRecords();
    if (!fieldRecords)
        return fieldRecords.error();
    auto officeRecords = repo.inspectionRecords();
    if (!officeRecords)
        return officeRecords.error();
    auto officeRecord = [&](const std::string& id) -> const InspectionRecord* {
        for (const auto& r : *officeRecords)
            if (r.recordId == id)
                return &r;
        return nullptr;
    };
    // Writes the field's version of a record, copying the photos the project lacks (their
    // bytes checked against the hash the package recorded for them).
    auto takeRecord = [&](const InspectionRecord& field, const char* action) -> Status {
        InspectionRecord r = field;
        r.mergedHash = recordContentHash(field);
        const InspectionRecord* existing = officeRecord(r.recordId);
        std::vector<Photo> photos;
        for (const auto& p : r.photos) {
            if (existing && std::any_of(existing->photos.begin(), existing->photos.end(),
                                        [&](const PhotoInfo& q) { return q.photoId == p.photoId; }))
                continue;
            auto data = source.photoData(p.photoId);
            if (!data)
                return data.error();
            if (static_cast<long long>(data->size()) != p.bytes ||
                contentHash(std::string_view(reinterpret_cast<const char*>(data->data()),
                                             data->size())) != p.contentHash)
                return codedError("merge.photo_damaged", {p.fileName, r.siteId, formatDate(r.date)},
                                  package.location());
            photos.push_back({p, std::move(data).value()});
            note("photo", p.photoId, "added", p.fileName + " (" + r.siteId + ")");
            ++out.photos;
        }
        if (auto st = repo.putInspectionRecord(r, photos, sourceName); !st)
            return st;
        note("inspection", r.recordId, action,
             r.siteId + " " + formatDate(r.date) + " " + std::string(outcomeCode(r.outcome)) +
                 " — " + r.inspector,
             r.mergedHash);
        return {};
    };

    const long long steps =
        static_cast<long long>(plan.added.size() + plan.updated.size() + plan.conflicts.size());
    long long done = 0;
    auto step = [&] {
        if (progress)
            progress(++done, steps);
    };
    // Keeps the field's version of a conflicting record beside the office's: a record of its
    // own whose id (and its photos' ids) derive from the original and the field's content.
    auto addFieldCopy = [&](const InspectionRecord& field, const std::string& fieldHash) -> Status {
        InspectionRecord copy = field;
        std::string key = field.recordId;
        key += ':';
        key += fieldHash;
        copy.recordId = contentHash(key);
        copy.mergedHash = fieldHash;
        std::vector<Photo> photos;
        for (auto& p : copy.photos) {
            auto data = source.photoData(p.photoId);
            if (!data)
                return data.error();
            std::string photoKey = copy.recordId;
            photoKey += ':';
            photoKey += p.photoId;
            p.photoId = contentHash(photoKey);
            photos.push_back({p, std::move(data).value()});
            ++out.photos;
        }
        if (auto st = repo.putInspectionRecord(copy, photos, sourceName); !st)
            return st;
        std::string detail = "field version of ";
        detail += field.recordId;
        note("inspection", copy.recordId, "added", detail, fieldHash);
        return {};
    };

    for (const auto& r : plan.added) {
        if (auto st = takeRecord(r, "added"); !st)
            return st.error();
        ++out.added;
        step();
    }
    for (const auto& r : plan.updated) {
        if (auto st = takeRecord(r, "updated"); !st)
            return st.error();
        ++out.updated;
        step();
    }
    // Facilities: one write per set of changed attributes (upsertSites writes only those).
    std::map<std::set<SiteField>, std::vector<Factory>> byFields;
    for (const auto& c : plan.facilities) {
        byFields[c.changed].push_back(c.field);
        std::string what;
        for (SiteField f : c.changed)
            what += (what.empty() ? "" : ", ") + std::string(siteFieldKey(f));
        note("facility", c.field.id, "updated", c.field.name + ": " + what, facilityHash(c.field));
        ++out.facilities;
    }
    for (const auto& c : plan.conflicts) {
        step();
        const auto decided = resolutions.find(c.key);
        Resolution decision = decided != resolutions.end() ? decided->second : Resolution::KeepBoth;
        if (c.kind != ConflictKind::Inspection && decision == Resolution::KeepBoth)
            decision = Resolution::KeepOffice;  // one facility has one record: nothing to add
        out.conflicts.emplace_back(c, decision);
        if (c.kind == ConflictKind::Inspection) {
            const std::string id = c.key.substr(std::string("inspection:").size());
            auto field = std::find_if(fieldRecords->begin(), fieldRecords->end(),
                                      [&](const InspectionRecord& r) { return r.recordId == id; });
            const InspectionRecord* office = officeRecord(id);
            if (field == fieldRecords->end() || !office)
                return codedError("merge.internal_lost_record", {c.key});
            if (decision == Resolution::TakeField) {
                if (auto st = takeRecord(*field, "took field"); !st)
                    return st.error();
                ++out.tookField;
            } else {
                // The office's version stays; remembering the field's version as merged
                // keeps the same package from asking again.
                InspectionRecord kept = *office;
                kept.mergedHash = recordContentHash(*field);
                if (auto st = repo.putInspectionRecord(kept, {}, sourceName); !st)
                    return st.error();
                note("inspection", id,
                     decision == Resolution::KeepBoth ? "kept both" : "kept office", c.title,
                     kept.mergedHash);
                if (decision == Resolution::KeepBoth) {
                    if (auto st = addFieldCopy(*field, kept.mergedHash); !st)
                        return st.error();
                    ++out.keptBoth;
                } else {
                    ++out.keptOffice;
                }
            }
            continue;
        }
        auto fieldFactories = source.factories();
        if (!fieldFactories)
            return fieldFactories.error();
        auto field = std::find_if(fieldFactories->begin(), fieldFactories->end(),
                                  [&](const Factory& f) { return f.id == c.siteId; });
        if (field == fieldFactories->end())
            return codedError("merge.internal_lost_facility", {c.key});
        if (decision == Resolution::TakeField) {
            std::set<SiteField> fields;
            for (const auto& v : c.values)
                if (v.inField != v.base)
                    for (SiteField k : kFacilityFields)
                        if (siteFieldKey(k) == v.field)
                            fields.insert(k);
            byFields[fields].push_back(*field);
            note("facility", c.siteId, "took field", c.title, facilityHash(*field));
            ++out.tookField;
        } else {
            note("facility", c.siteId, "kept office", c.title, facilityHash(*field));
            ++out.keptOffice;
        }
    }
    for (const auto& [fields, factories] : byFields) {
        if (fields.empty())
            continue;
        SiteBatch batch;
        batch.factories = factories;
        batch.provided = fields;
        if (auto st = repo.upsertSites(batch, sourceName); !st)
            return st.error();
    }
    note("package", info.packageId, "merged",
         std::to_string(out.added) + " inspections added, " + std::to_string(out.updated) +
             " updated, " + std::to_string(out.photos) + " photos, " +
             std::to_string(out.facilities) + " facilities corrected, " +
             std::to_string(out.tookField + out.keptOffice + out.keptBoth) + " conflicts (" +
             std::to_string(out.tookField) + " took the field's, " +
             std::to_string(out.keptOffice) + " kept the office's, " +
             std::to_string(out.keptBoth) + " kept both); made by " + info.createdBy + " on " +
             info.createdAt);
    if (auto st = repo.appendMergeLog(log); !st)
        return st.error();
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    return out;
}

}  // namespace safemap
