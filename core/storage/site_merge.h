#pragma once

#include <set>
#include <string>

#include "core/model/site.h"

namespace safemap {

// Shared by every repository (GeoPackage, server): what a re-import changes in a stored
// site. Only the attributes its source provided (a column the file lacks, or a shapefile
// that cut a name to ten characters, must not erase what is stored), and never an exact
// position for an approximate one. `changed` gets the keys of the attributes that differ.
Factory mergeSite(Factory stored, const Factory& incoming, const std::set<SiteField>& provided,
                  std::set<std::string>& changed);
Zone mergeSite(Zone stored, const Zone& incoming, const std::set<SiteField>& provided,
               std::set<std::string>& changed);

}  // namespace safemap
