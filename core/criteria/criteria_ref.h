#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safemap {

/// \brief Names one version of a criteria set ("crln-1203" version 1). Scores, lists and
/// reports carry it so that anyone can say which rules produced them.
struct CriteriaRef {
    std::string id;
    int version = 0;

    /// "crln-1203@1", as stored in the project's settings.
    std::string key() const { return id + "@" + std::to_string(version); }
    friend bool operator==(const CriteriaRef&, const CriteriaRef&) = default;
};

/// Reads "id@version" strictly: a non-empty id, '@', a version from 1 to 1,000,000 written
/// in plain digits. Anything else (a user may edit the settings table in QGIS) is empty.
std::optional<CriteriaRef> parseCriteriaRef(std::string_view key);

}  // namespace safemap
