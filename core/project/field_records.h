#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/geometry.h"
#include "core/model/site.h"

namespace safemap {

/// \brief A facility of a field package: its stop on the route and how it was when packaged.
struct PackageSite {
    std::string siteId;
    std::optional<int> routeOrder;  ///< 1-based stop number; empty: carried, not on the route
    /// The facility as the master project held it when the package was made: what a merge
    /// compares both sides with to tell who changed what.
    Factory base;
    friend bool operator==(const PackageSite&, const PackageSite&) = default;
};

/// \brief What a field package holds besides a project's tables: its facilities with their
/// base copies, and the route as a line (start point, then the stops in order) for QGIS and
/// the field map.
struct PackagePlan {
    std::vector<PackageSite> sites;
    std::vector<GeoPoint> routeLine;
    double routeMetres = 0;
};

/// \brief One line of a project's merge audit log: what came from which field package.
struct MergeLogEntry {
    std::string mergedAt;     ///< UTC "YYYY-MM-DDTHH:MM:SSZ"
    std::string packageId;    ///< package.id of the package
    std::string packageFile;  ///< its file name when merged
    std::string packageBy;    ///< who made the package
    std::string item;         ///< "package", "inspection", "photo", "facility"
    std::string itemKey;      ///< record id, photo id or site id (the package id for "package")
    std::string action;       ///< "merged", "added", "updated", "kept office", "took field"
    std::string detail;       ///< for people: what changed, the facility's name
    /// The hash of what the package held for the item: a conflict resolved for the office
    /// is not asked again while the package still holds the same.
    std::string contentHash;
    friend bool operator==(const MergeLogEntry&, const MergeLogEntry&) = default;
};

}  // namespace safemap
