// Assessment tables (core/assessments/assessment_table) as an import reads them: a CSV file,
// the extended criteria set, the sample project's facilities. Every accepted row is scored:
// the score must be a finite percentage from 0 to 100.
#include <cmath>

#include "core/assessments/assessment_table.h"
#include "core/criteria/criteria_io.h"
#include "core/scoring/compiled_criteria.h"
#include "core/scoring/score.h"
#include "core/tabular/csv_reader.h"
#include "fuzz_support.h"

using namespace safemap;

namespace {

struct Fixture {
    CriteriaSet set;
    CompiledCriteria compiled;
    SiteLookup sites;
    Date today = *parseDate("2021-07-01");
};

const Fixture& fixture() {
    static const Fixture f = [] {
        Fixture x;
        x.set = fuzz::extendedSet();
        x.compiled = compileCriteria(x.set);
        // The facilities of the sample assessments, so seeds from data/ match rows.
        auto table = parseCsv(fuzz::readSource("data/assessments/danh_gia_2021-06.csv"), "s");
        if (!table)
            fuzz::fail("the sample assessments do not load", table.error().describe());
        std::vector<Factory> factories;
        auto add = [&](std::string tax) {
            Factory f;
            f.id = "MST-" + tax;
            f.taxCode = std::move(tax);
            factories.push_back(std::move(f));
        };
        for (const TableRow& row : table->rows)
            add(std::string(table->cell(row, 0)));
        add("9900000001");
        x.sites = SiteLookup::from(factories);
        return x;
    }();
    return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Fixture& f = fixture();
    auto table = parseCsv(std::string(fuzz::bytesOf(data, size)), "danh_gia.csv");
    if (!table)
        return 0;  // fuzz_csv checks CSV errors
    auto parsed = parseAssessmentTable(*table, f.set, f.sites, f.today);
    if (!parsed) {
        fuzz::checkError(parsed.error());
        FUZZ_CHECK(parsed.error().file == "danh_gia.csv", parsed.error().describe());
        return 0;
    }
    FUZZ_CHECK(parsed->assessments.size() == parsed->rows.size(), "");
    for (std::size_t i = 0; i < parsed->assessments.size(); ++i) {
        const Assessment& a = parsed->assessments[i];
        FUZZ_CHECK(f.sites.hasSiteId(a.siteId), a.siteId);
        FUZZ_CHECK(daysBetween(f.today, a.date) <= 1, formatDate(a.date));
        const ScoreResult s = scoreAssessment(f.compiled, a);
        FUZZ_CHECK(std::isfinite(s.percent) && s.percent >= 0 && s.percent <= 100,
                   std::to_string(s.percent));
        FUZZ_CHECK(s.invalid.empty(), "an accepted answer must be usable");
    }
    return 0;
}
