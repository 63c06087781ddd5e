// Report templates (core/report/report_template): analysts write and share them by hand.
// Refused with a coded error naming the field, or read into a template that writes back to
// itself.
#include "core/report/report_template.h"
#include "fuzz_support.h"

using namespace safemap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto tmpl = parseReportTemplate(fuzz::bytesOf(data, size), "fuzz.json");
    if (!tmpl) {
        fuzz::checkError(tmpl.error());
        FUZZ_CHECK(!tmpl.error().code.empty(), tmpl.error().describe());
        return 0;
    }
    const std::string json = reportTemplateToJson(*tmpl);
    auto again = parseReportTemplate(json);
    FUZZ_CHECK(again.ok(), again.ok() ? json : again.error().describe());
    FUZZ_CHECK(*again == *tmpl, json);
    FUZZ_CHECK(reportTemplateToJson(*again) == json, json);
    for (const ReportBlockPlace& b : tmpl->blocks)
        FUZZ_CHECK(b.x >= 0 && b.y >= 0 && b.x + b.width <= 1 + 1e-9 && b.y + b.height <= 1 + 1e-9,
                   json);
    return 0;
}
