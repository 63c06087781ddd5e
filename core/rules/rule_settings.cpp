#include "core/rules/rule_settings.h"

#include <charconv>
#include <sstream>

#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {
// A bad value leaves `out` as it was.
template <class T>
bool parseNumber(const std::string& s, T& out) {
    if (s.empty())
        return false;
    T value{};
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || p != s.data() + s.size() || value < 0)
        return false;
    out = value;
    return true;
}
}  // namespace

Status applyRuleSetting(RuleSettings& s, const std::string& key, const std::string& value) {
    // `expected` names what the setting takes: rules.expected_date, …_days, …
    auto bad = [&](const char* expected) {
        return Status(codedError(std::string("rules.expected_") + expected, {key, value}));
    };
    if (key == "as-of") {
        auto d = parseDate(value);
        if (!d)
            return bad("date");
        s.asOf = d;
    } else if (key == "suspend-no-assessment-days") {
        if (!parseNumber(value, s.suspendNoAssessmentDays))
            return bad("days");
    } else if (key == "large-workforce") {
        if (!parseNumber(value, s.largeWorkforce))
            return bad("workers");
    } else if (key == "medium-index-threshold") {
        if (!parseNumber(value, s.mediumIndexThreshold))
            return bad("points");
    } else if (key == "stale-assessment-days") {
        if (!parseNumber(value, s.staleAssessmentDays))
            return bad("days");
    } else if (key == "risk-rise-threshold") {
        if (!parseNumber(value, s.riskRiseThreshold))
            return bad("percentage_points");
    } else if (key == "inspection-capacity") {
        if (!parseNumber(value, s.inspectionCapacity))
            return bad("capacity");
    } else if (key == "inspect-never-inspected") {
        if (value == "yes" || value == "true" || value == "1")
            s.inspectNeverInspected = true;
        else if (value == "no" || value == "false" || value == "0")
            s.inspectNeverInspected = false;
        else
            return bad("yes_no");
    } else {
        return codedError("rules.unknown", {key});
    }
    return {};
}

std::string describeRuleSettings(const RuleSettings& s) {
    std::ostringstream out;
    out << "as-of=" << (s.asOf ? formatDate(*s.asOf) : "newest-assessment") << "\n"
        << "suspend-no-assessment-days=" << s.suspendNoAssessmentDays << "\n"
        << "large-workforce=" << s.largeWorkforce << "\n"
        << "medium-index-threshold=" << s.mediumIndexThreshold << "\n"
        << "stale-assessment-days=" << s.staleAssessmentDays << "\n"
        << "risk-rise-threshold=" << s.riskRiseThreshold << "\n"
        << "inspect-never-inspected=" << (s.inspectNeverInspected ? "yes" : "no") << "\n"
        << "inspection-capacity=" << s.inspectionCapacity << "\n";
    return out.str();
}

}  // namespace safemap
