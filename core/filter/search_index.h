#pragma once

#include <string>
#include <vector>

#include "core/model/site.h"

namespace safemap {

/// \brief A facility's searchable text, folded once (foldForSearch) so that filtering many
/// facilities only compares bytes.
struct SearchKey {
    std::string text;      ///< folded "name tax-code"
    std::string district;  ///< folded
    std::string province;  ///< folded
};

/// Folds one facility.
SearchKey makeSearchKey(const Factory& factory);

/// \brief The folded keys of a project's facilities, one per factory in the same order.
/// Rebuild it when the factories change.
struct SearchIndex {
    std::vector<SearchKey> keys;
};

SearchIndex buildSearchIndex(const std::vector<Factory>& factories);

}  // namespace safemap
