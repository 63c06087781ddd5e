#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/model/geometry.h"
#include "core/project/field_records.h"
#include "core/project/project_facts.h"
#include "core/result.h"
#include "core/text/display_format.h"

namespace safemap {

class Project;

/// The version of what a field package holds beyond a project's schema (its package.*
/// settings and tables). A package of a later format is refused, not guessed at.
inline constexpr int kPackageFormat = 1;

/// Keys of a field package's settings (safemap_meta). docs/field.md.
inline constexpr const char* kPackageIdKey = "package.id";
inline constexpr const char* kPackageFormatKey = "package.format";
inline constexpr const char* kPackageNameKey = "package.name";
inline constexpr const char* kPackageSourceIdKey = "package.source_project_id";
inline constexpr const char* kPackageSourceFileKey = "package.source_project";
inline constexpr const char* kPackageSourceSchemaKey = "package.source_schema";
inline constexpr const char* kPackageCreatedAtKey = "package.created_at";
inline constexpr const char* kPackageCreatedByKey = "package.created_by";
inline constexpr const char* kPackageStartKey = "package.start";
/// A project's own id (schema 3), which a package names as its source.
inline constexpr const char* kProjectIdKey = "project.id";

/// \brief What a field package says about itself.
struct PackageInfo {
    std::string packageId;
    int format = 0;
    std::string name;               ///< for people, e.g. "Due for inspection — Kim Bảng"
    std::string sourceProjectId;    ///< project.id of the master it was made from
    std::string sourceProjectFile;  ///< the master's file name, for messages
    int sourceSchema = 0;           ///< the schema version of the SafeMap that made it
    std::string createdAt;          ///< UTC
    std::string createdBy;
    std::optional<GeoPoint> start;  ///< where the route starts (the office)
};

/// \brief What to put in a field package.
struct PackageRequest {
    std::vector<std::string> siteIds;  ///< the facilities, in visiting order
    std::optional<GeoPoint> start;     ///< the office: where the route starts
    std::string name;                  ///< empty: "<n> facilities — <project file>" in `language`
    Language language = Language::English;  ///< of the default name, which people read
    std::string createdBy;
    /// Replace a file already at the path (the window asked the user). The source project
    /// itself is never replaced.
    bool replaceExisting = false;
    ProgressFn progress;
};

/// \brief What making a package did.
struct PackageSummary {
    PackageInfo info;
    int facilities = 0;
    int zones = 0;
    int assessments = 0;
    int inspections = 0;
    double routeMetres = 0;
    BBox area;  ///< lon/lat: the facilities and their zones, with a margin
};

/// Adds what core cannot make to the package file at `temporaryPath` (the basemap clipped to
/// `areaLonLat`, gis/field/package_basemap.h) before the file is moved into place.
using PackageExtras =
    std::function<Status(const std::string& temporaryPath, const BBox& areaLonLat)>;

/// Makes a field package at `path`: one GeoPackage that is itself a SafeMap project with the
/// same schema (docs/field.md says why) holding the chosen facilities, their zones, every
/// assessment of theirs scored with the active criteria set, their inspections, that set,
/// the rule thresholds and map style, the facilities as they are now (the base a merge
/// compares with), the route in the order given, and where the package came from. Written to
/// a temporary file and renamed into place: the path holds a whole package or what it held
/// before. The source is only read.
[[nodiscard]] Result<PackageSummary> createFieldPackage(const Project& source,
                                                        const PackageRequest& request,
                                                        const std::string& path,
                                                        const PackageExtras& extras = {});

/// What the project says about itself as a field package; nothing for a project that is not
/// one. An Error when its package settings cannot be read (edited by hand).
[[nodiscard]] Result<std::optional<PackageInfo>> packageInfo(const Project& project);

/// Stores a new visiting order of the package's route (field mode's drag to reorder): the
/// stops in `siteIds` are numbered 1, 2, … in that order, the others taken off the route.
[[nodiscard]] Status setPackageRoute(Project& package, const std::vector<std::string>& siteIds);

/// The box (lon/lat) around these facilities and zones with a margin of a tenth of its size,
/// at least about 2 km: the area the package's basemap covers.
BBox packageArea(const std::vector<Factory>& factories, const std::vector<Zone>& zones);

/// The route line: the start (if any), then each stop's position.
std::vector<GeoPoint> routeLine(std::optional<GeoPoint> start, const std::vector<Factory>& stops);

/// "105.912345,21.012345" and back (the package.start setting, the --start option).
std::string formatLonLat(GeoPoint p);
std::optional<GeoPoint> parseLonLat(const std::string& text);

}  // namespace safemap
