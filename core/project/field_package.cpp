#include "core/project/field_package.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "core/errors/error_catalogue.h"
#include "core/project/criteria_use.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/project/project_settings.h"
#include "core/project/visit_route.h"
#include "core/text/quoted.h"
#include "core/util/atomic_file.h"
#include "core/util/content_hash.h"
#include "core/util/utc_time.h"

namespace safemap {

namespace {

namespace fs = std::filesystem;

std::string fileName(const std::string& path) {
    return fs::path(path).filename().string();
}

int toInt(const std::string& text) {
    int v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    return ec == std::errc() && end == text.data() + text.size() ? v : -1;
}

struct Chosen {
    std::vector<Factory> factories;  ///< in visiting order
    std::vector<Zone> zones;
};

Result<Chosen> choose(const ProjectRepository& repo, const std::vector<std::string>& ids) {
    auto factories = repo.factories();
    if (!factories)
        return factories.error();
    auto zones = repo.zones();
    if (!zones)
        return zones.error();
    std::unordered_map<std::string, const Factory*> byId, byTaxCode;
    for (const auto& f : *factories) {
        byId.emplace(f.id, &f);
        if (!f.taxCode.empty())
            byTaxCode.emplace(f.taxCode, &f);  // people name facilities by tax code
    }
    Chosen out;
    std::set<std::string> seen, zoneIds;
    for (const auto& id : ids) {
        const Factory* f = nullptr;
        if (auto it = byId.find(id); it != byId.end())
            f = it->second;
        else if (auto tc = byTaxCode.find(id); tc != byTaxCode.end())
            f = tc->second;
        if (!f)
            return codedError("project.no_such_facility", {id}, repo.location());
        if (!seen.insert(f->id).second)
            continue;  // the same facility picked twice is visited once
        out.factories.push_back(*f);
        if (!f->zoneId.empty())
            zoneIds.insert(f->zoneId);
    }
    for (const auto& z : *zones)
        if (zoneIds.count(z.id))
            out.zones.push_back(z);
    return out;
}

Status writeAssessments(Project& package, const std::vector<AssessmentRecord>& records,
                        const std::string& sourceName) {
    if (records.empty())
        return {};
    ProjectRepository& repo = package.repository();
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    std::vector<Assessment> assessments;
    std::vector<long> rows;
    for (const auto& r : records) {
        assessments.push_back(r.assessment);
        rows.push_back(r.sourceRow);
    }
    auto importId = repo.beginImport("assessments", sourceName, static_cast<long>(rows.size()));
    if (!importId)
        return importId.error();
    std::vector<int64_t> ids;
    if (auto st = repo.appendAssessments(assessments, rows, *importId, ids); !st)
        return st;
    ImportSummary sum;
    sum.rows = static_cast<int>(rows.size());
    sum.inserted =
        static_cast<int>(std::count_if(ids.begin(), ids.end(), [](int64_t id) { return id > 0; }));
    sum.unchanged = sum.rows - sum.inserted;
    if (auto st = repo.finishImport(*importId, sum); !st)
        return st;
    return (*tx)->commit();
}

Status writeInspections(Project& package, const std::vector<Inspection>& inspections) {
    if (inspections.empty())
        return {};
    ProjectRepository& repo = package.repository();
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    if (auto added = repo.addInspections(inspections); !added)
        return added.error();
    return (*tx)->commit();
}

}  // namespace

std::string formatLonLat(GeoPoint p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f,%.6f", p.lon, p.lat);
    return buf;
}

std::optional<GeoPoint> parseLonLat(const std::string& text) {
    const auto comma = text.find(',');
    if (comma == std::string::npos)
        return std::nullopt;
    auto number = [](std::string s) -> std::optional<double> {
        while (!s.empty() && s.front() == ' ')
            s.erase(s.begin());
        while (!s.empty() && s.back() == ' ')
            s.pop_back();
        double v = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.empty() || ec != std::errc() || end != s.data() + s.size())
            return std::nullopt;
        return v;
    };
    const auto lon = number(text.substr(0, comma));
    const auto lat = number(text.substr(comma + 1));
    if (!lon || !lat || *lon < -180 || *lon > 180 || *lat < -90 || *lat > 90)
        return std::nullopt;
    return GeoPoint{*lon, *lat};
}

BBox packageArea(const std::vector<Factory>& factories, const std::vector<Zone>& zones) {
    BBox box;
    for (const auto& f : factories)
        box.extend(f.location.lon, f.location.lat);
    for (const auto& z : zones)
        box.extend(bounds(z.area));
    if (box.empty())
        return box;
    // A tenth of the size on each side, and at least 0.02° (about 2 km): the roads to the
    // first and from the last facility stay on the map.
    const double mx = std::max(0.02, (box.maxX - box.minX) * 0.1);
    const double my = std::max(0.02, (box.maxY - box.minY) * 0.1);
    return BBox{box.minX - mx, box.minY - my, box.maxX + mx, box.maxY + my};
}

std::vector<GeoPoint> routeLine(std::optional<GeoPoint> start, const std::vector<Factory>& stops) {
    std::vector<GeoPoint> line;
    if (start)
        line.push_back(*start);
    for (const auto& f : stops)
        line.push_back(f.location);
    return line;
}

Result<std::optional<PackageInfo>> packageInfo(const Project& project) {
    auto settings = project.repository().settings();
    if (!settings)
        return settings.error();
    const auto& s = *settings;
    // The table can be edited (QGIS) or damaged: what it says reaches messages and the window
    // only as printable UTF-8 (valid text is unchanged).
    auto get = [&](const char* key) {
        auto it = s.find(key);
        return it == s.end() ? std::string() : printableText(it->second);
    };
    if (get(kPackageIdKey).empty())
        return std::optional<PackageInfo>();
    PackageInfo info;
    info.packageId = get(kPackageIdKey);
    info.format = toInt(get(kPackageFormatKey));
    if (info.format < 1)
        return codedError("package.bad_format_setting", {get(kPackageFormatKey)},
                          project.location());
    info.name = get(kPackageNameKey);
    info.sourceProjectId = get(kPackageSourceIdKey);
    info.sourceProjectFile = get(kPackageSourceFileKey);
    info.sourceSchema = toInt(get(kPackageSourceSchemaKey));
    info.createdAt = get(kPackageCreatedAtKey);
    info.createdBy = get(kPackageCreatedByKey);
    if (const std::string start = get(kPackageStartKey); !start.empty())
        info.start = parseLonLat(start);
    return std::optional<PackageInfo>(std::move(info));
}

Result<PackageSummary> createFieldPackage(const Project& source, const PackageRequest& request,
                                          const std::string& path, const PackageExtras& extras) {
    if (request.siteIds.empty())
        return codedError("package.nothing_chosen");
    auto sourceInfo = packageInfo(source);
    if (!sourceInfo)
        return sourceInfo.error();
    if (*sourceInfo)
        return codedError("package.from_package", {}, source.location());
    std::error_code ec;
    if (fs::exists(path, ec)) {
        if (fs::equivalent(path, source.location(), ec))
            return codedError("package.replaces_source", {}, path);
        if (!request.replaceExisting)
            return codedError("file.exists", {}, path);
    }
    const ProjectRepository& repo = source.repository();
    auto settings = repo.settings();
    if (!settings)
        return settings.error();
    const auto projectId = settings->find(kProjectIdKey);
    if (projectId == settings->end() || projectId->second.empty())
        return codedError("package.no_project_id", {}, source.location());
    auto chosen = choose(repo, request.siteIds);
    if (!chosen)
        return chosen.error();
    auto criteria = activeOrFallback(source, nullptr);
    if (!criteria)
        return criteria.error();
    auto projectSettings = loadProjectSettings(source);
    if (!projectSettings)
        return projectSettings.error();

    const long long steps = 6;
    auto progress = [&](long long done) {
        if (request.progress)
            request.progress(done, steps);
    };
    std::vector<AssessmentRecord> assessments;
    std::vector<Inspection> inspections;
    for (const auto& f : chosen->factories) {
        auto a = repo.assessmentsOf(f.id);
        if (!a)
            return a.error();
        assessments.insert(assessments.end(), a->begin(), a->end());
        auto i = repo.inspections(f.id);
        if (!i)
            return i.error();
        inspections.insert(inspections.end(), i->begin(), i->end());
    }
    progress(1);

    PackageSummary summary;
    summary.info.packageId = randomId();
    summary.info.format = kPackageFormat;
    summary.info.sourceProjectId = projectId->second;
    summary.info.sourceProjectFile = fileName(source.location());
    summary.info.sourceSchema = repo.schemaVersion();
    summary.info.createdAt = utcTimestamp();
    summary.info.createdBy = request.createdBy;
    summary.info.start = request.start;
    summary.info.name = request.name;
    if (summary.info.name.empty()) {
        summary.info.name = std::to_string(chosen->factories.size());
        summary.info.name +=
            request.language == Language::Vietnamese ? " cơ sở — " : " facilities — ";
        summary.info.name += summary.info.sourceProjectFile;
    }
    summary.facilities = static_cast<int>(chosen->factories.size());
    summary.zones = static_cast<int>(chosen->zones.size());
    summary.assessments = static_cast<int>(assessments.size());
    summary.inspections = static_cast<int>(inspections.size());
    summary.area = packageArea(chosen->factories, chosen->zones);

    PackagePlan plan;
    for (size_t i = 0; i < chosen->factories.size(); ++i)
        plan.sites.push_back(
            {chosen->factories[i].id, static_cast<int>(i) + 1, chosen->factories[i]});
    plan.routeLine = routeLine(request.start, chosen->factories);
    for (size_t i = 1; i < plan.routeLine.size(); ++i)
        plan.routeMetres += straightLineMetres(plan.routeLine[i - 1], plan.routeLine[i]);
    summary.routeMetres = plan.routeMetres;

    const std::string tmp = temporaryPathFor(path);
    fs::remove(tmp, ec);
    RemoveUnlessKept cleanup{tmp};
    const std::string from = "field package from " + summary.info.sourceProjectFile;
    {
        // Nobody opens the temporary file before commitTemporaryFile renames it, so it needs
        // no journal on disk and no syncs but that one.
        auto package = Project::createTemporary(tmp);
        if (!package)
            return package.error();
        SiteBatch batch;
        batch.zones = chosen->zones;
        batch.factories = chosen->factories;
        if (auto st = importSites(*package, batch, from); !st)
            return st.error();
        progress(2);
        if (auto st = writeAssessments(*package, assessments, from); !st)
            return st.error();
        if (*criteria)
            if (auto st = activateCriteriaSet(*package, **criteria); !st)
                return st.error();
        progress(3);
        if (auto st = writeInspections(*package, inspections); !st)
            return st.error();
        ProjectSettings packaged = *projectSettings;
        packaged.filter = {};  // the package holds only the chosen facilities: show them all
        packaged.view = {};
        if (auto st = saveProjectSettings(*package, packaged); !st)
            return st.error();
        ProjectRepository& out = package->repository();
        auto tx = out.beginWrite();
        if (!tx)
            return tx.error();
        if (auto st = out.setPackagePlan(plan); !st)
            return st.error();
        const PackageInfo& info = summary.info;
        const std::pair<const char*, std::string> meta[] = {
            {kPackageIdKey, info.packageId},
            {kPackageFormatKey, std::to_string(info.format)},
            {kPackageNameKey, info.name},
            {kPackageSourceIdKey, info.sourceProjectId},
            {kPackageSourceFileKey, info.sourceProjectFile},
            {kPackageSourceSchemaKey, std::to_string(info.sourceSchema)},
            {kPackageCreatedAtKey, info.createdAt},
            {kPackageCreatedByKey, info.createdBy},
            {kPackageStartKey, info.start ? formatLonLat(*info.start) : std::string()}};
        for (const auto& [key, value] : meta)
            if (auto st = out.setSetting(key, value); !st)
                return st.error();
        if (auto st = (*tx)->commit(); !st)
            return st.error();
        progress(4);
    }
    if (extras)
        if (auto st = extras(tmp, summary.area); !st)
            return st.error();
    progress(5);
    if (auto st = commitTemporaryFile(tmp, path); !st)
        return st.error();
    cleanup.keep = true;
    progress(6);
    return summary;
}

Status setPackageRoute(Project& package, const std::vector<std::string>& siteIds) {
    ProjectRepository& repo = package.repository();
    auto info = packageInfo(package);
    if (!info)
        return info.error();
    if (!*info)
        return codedError("package.not_a_package", {}, package.location());
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    auto sites = repo.packageSites();
    if (!sites)
        return sites.error();
    auto factories = repo.factories();
    if (!factories)
        return factories.error();
    std::unordered_map<std::string, const Factory*> byId;
    for (const auto& f : *factories)
        byId.emplace(f.id, &f);
    PackagePlan plan;
    std::vector<Factory> stops;
    for (const auto& id : siteIds) {
        auto site = std::find_if(sites->begin(), sites->end(),
                                 [&](const PackageSite& s) { return s.siteId == id; });
        auto f = byId.find(id);
        if (site == sites->end() || f == byId.end())
            return codedError("package.no_such_facility", {id}, package.location());
        stops.push_back(*f->second);
    }
    for (auto& s : *sites) {
        auto at = std::find(siteIds.begin(), siteIds.end(), s.siteId);
        s.routeOrder = at == siteIds.end()
                           ? std::nullopt
                           : std::optional<int>(static_cast<int>(at - siteIds.begin()) + 1);
    }
    plan.sites = std::move(*sites);
    plan.routeLine = routeLine((*info)->start, stops);
    for (size_t i = 1; i < plan.routeLine.size(); ++i)
        plan.routeMetres += straightLineMetres(plan.routeLine[i - 1], plan.routeLine[i]);
    if (auto st = repo.setPackagePlan(plan); !st)
        return st;
    return (*tx)->commit();
}

}  // namespace safemap
