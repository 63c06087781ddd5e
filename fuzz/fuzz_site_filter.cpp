// The saved site filter (core/filter/filter_json), kept in the project's metadata where QGIS
// users can edit it: refused with a reason, or read into a filter that writes back to itself.
#include "core/filter/filter_json.h"
#include "core/filter/site_filter.h"
#include "fuzz_support.h"

using namespace safemap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto filter = siteFilterFromJson(fuzz::bytesOf(data, size));
    if (!filter) {
        fuzz::checkError(filter.error());
        return 0;
    }
    const std::string json = siteFilterToJson(*filter);
    auto again = siteFilterFromJson(json);
    FUZZ_CHECK(again.ok(), again.ok() ? json : again.error().describe());
    FUZZ_CHECK(*again == *filter, json);
    FUZZ_CHECK(siteFilterToJson(*again) == json, json);
    (void)describe(*filter, true);
    (void)describe(*filter, false);
    return 0;
}
