#include "core/filter/search_index.h"

#include "core/text/fold.h"

namespace safemap {

SearchKey makeSearchKey(const Factory& f) {
    // One string for name and tax code: a query word has no spaces, so it cannot match
    // across the two, while a query of several words may use both ("dong van 0700").
    std::string text = f.name;
    text += ' ';
    text += f.taxCode;
    return {foldForSearch(text), foldForSearch(f.district), foldForSearch(f.province)};
}

SearchIndex buildSearchIndex(const std::vector<Factory>& factories) {
    SearchIndex index;
    index.keys.reserve(factories.size());
    for (const auto& f : factories)
        index.keys.push_back(makeSearchKey(f));
    return index;
}

}  // namespace safemap
