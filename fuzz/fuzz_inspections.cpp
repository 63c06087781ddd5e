// Inspection tables (core/assessments/inspection_table) read from CSV, against the sample
// inspections' facilities.
#include "core/assessments/inspection_table.h"
#include "core/tabular/csv_reader.h"
#include "fuzz_support.h"

using namespace safemap;

namespace {

const SiteLookup& sites() {
    static const SiteLookup lookup = [] {
        SiteLookup l;
        auto table = parseCsv(fuzz::readSource("data/inspections/kiem_tra_2021-06.csv"), "s");
        if (!table)
            fuzz::fail("the sample inspections do not load", table.error().describe());
        for (const TableRow& row : table->rows) {
            const std::string tax(table->cell(row, 0));
            l.siteIdByTaxCode.emplace(tax, "MST-" + tax);
            l.siteIds.insert("MST-" + tax);
        }
        return l;
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
        FUZZ_CHECK(sites().siteIds.count(i.siteId) == 1, i.siteId);
        FUZZ_CHECK(daysBetween(today, i.date) <= 1, formatDate(i.date));
    }
    return 0;
}
