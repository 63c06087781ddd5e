// Inspection tables (core/assessments/inspection_table) read from CSV, against the sample
// inspections' facilities.
#include "core/assessments/inspection_table.h"
#include "core/tabular/csv_reader.h"
#include "fuzz_support.h"

using namespace safemap;

namespace {

const SiteLookup& sites() {
    static const SiteLookup lookup = [] {
        auto table = parseCsv(fuzz::readSource("data/inspections/kiem_tra_2021-06.csv"), "s");
        if (!table)
            fuzz::fail("the sample inspections do not load", table.error().describe());
        std::vector<Factory> factories;
        for (const TableRow& row : table->rows) {
            Factory f;
            f.taxCode = std::string(table->cell(row, 0));
            f.id = "MST-" + f.taxCode;
            factories.push_back(std::move(f));
        }
        return SiteLookup::from(factories);
    }();
    return lookup;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Date today = *parseDate("2021-07-01");
    auto table = parseCsv(std::string(fuzz::bytesOf(data, size)), "kiem_tra.csv");
    if (!table)
        return 0;
    auto parsed = parseInspectionTable(*table, sites(), today);
    if (!parsed) {
        fuzz::checkError(parsed.error());
        FUZZ_CHECK(parsed.error().file == "kiem_tra.csv", parsed.error().describe());
        return 0;
    }
    for (const Inspection& i : *parsed) {
        FUZZ_CHECK(sites().hasSiteId(i.siteId), i.siteId);
        FUZZ_CHECK(daysBetween(today, i.date) <= 1, formatDate(i.date));
    }
    return 0;
}
