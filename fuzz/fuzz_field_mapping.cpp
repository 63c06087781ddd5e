// Field mappings (gis/io/field_mapping, the CLI's --mapping file): the JSON reader, and the
// guesser over column names taken from the input's lines. Neither needs Qt or GDAL.
#include <set>

#include "fuzz_support.h"
#include "gis/io/field_mapping.h"
#include "gis/io/source_info.h"

using namespace safemap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::bytesOf(data, size);
    auto mapping = fieldMappingFromJson(bytes);
    if (mapping) {
        const std::string json = fieldMappingToJson(*mapping);
        auto again = fieldMappingFromJson(json);
        FUZZ_CHECK(again.ok(), json);
        FUZZ_CHECK(*again == *mapping, json);
    } else {
        fuzz::checkError(mapping.error());
    }

    // The same bytes as a layer's column names, one per line.
    SourceLayerInfo layer;
    std::set<std::string> names;
    std::size_t start = 0;
    while (start <= bytes.size() && layer.fields.size() < 200) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos)
            end = bytes.size();
        SourceField field;
        field.name = std::string(bytes.substr(start, end - start));
        names.insert(field.name);
        layer.fields.push_back(field);
        start = end + 1;
    }
    const FieldMapping guessed = guessFieldMapping(layer);
    std::set<std::string> used;
    for (SiteAttribute a : allSiteAttributes()) {
        const std::string& column = guessed.column(a);
        if (column.empty())
            continue;
        FUZZ_CHECK(names.count(column) == 1, column);
        if (names.size() == layer.fields.size())  // names given twice may feed two
            FUZZ_CHECK(used.insert(column).second, "a column feeds two attributes: " + column);
    }
    return 0;
}
