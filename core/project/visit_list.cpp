#include "core/project/visit_list.h"

#include <unordered_map>

#include "core/errors/error_catalogue.h"
#include "core/filter/filter_match.h"
#include "core/project/list_rows.h"
#include "core/project/project.h"
#include "core/project/visit_route.h"
#include "core/text/fold.h"

namespace safemap {

Result<std::vector<std::string>> dueForInspection(const Project& project, const Scenario& scenario,
                                                  std::optional<std::size_t> top) {
    auto result = evaluateScenario(project, scenario);
    if (!result)
        return result.error();
    const auto rows =
        listRows(ActionList::ToInspect, *result->facts, result->status, scenario.filter);
    std::vector<std::string> ids;
    for (const auto& row : rows) {
        if (top && ids.size() >= *top)
            break;
        ids.push_back(row.siteId);
    }
    return ids;
}

Result<std::vector<std::string>> sitesMatching(const Project& project, const Scenario& scenario) {
    auto result = evaluateScenario(project, scenario);
    if (!result)
        return result.error();
    const ProjectFacts& facts = *result->facts;
    const auto rows = makeFilterRows(facts.factories, facts.zones, result->status, nullptr);
    std::vector<std::string> ids;
    for (std::size_t i : matchingRows(scenario.filter, rows))
        ids.push_back(facts.factories[i].id);
    return ids;
}

Result<std::string> findDistrict(const Project& project, const std::string& name) {
    auto factories = project.repository().factories();
    if (!factories)
        return factories.error();
    const auto choices = districtChoices(*factories);
    const std::string wanted = foldForSearch(name);
    for (const auto& d : choices)
        if (foldForSearch(d) == wanted)
            return d;
    std::string message = "no facility lies in the district \"";
    message += name;
    message += "\"; the project's districts are: ";
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0)
            message += ", ";
        message += choices[i];
    }
    return Error(message, project.location());
}

Result<OrderedVisit> orderVisitList(const Project& project, const std::vector<std::string>& siteIds,
                                    std::optional<GeoPoint> start) {
    auto factories = project.repository().factories();
    if (!factories)
        return factories.error();
    std::unordered_map<std::string, GeoPoint> where;
    for (const auto& f : *factories)
        where.emplace(f.id, f.location);
    for (const auto& f : *factories)
        if (!f.taxCode.empty())
            where.emplace(f.taxCode, f.location);  // people name facilities by tax code
    std::vector<GeoPoint> stops;
    for (const auto& id : siteIds) {
        auto it = where.find(id);
        if (it == where.end()) {
            return codedError("project.no_such_facility", {id}, project.location());
        }
        stops.push_back(it->second);
    }
    OrderedVisit out;
    if (stops.empty())
        return out;
    const RouteOrder route = orderVisit(stops, start);
    for (std::size_t i : route.order)
        out.siteIds.push_back(siteIds[i]);
    out.metres = route.metres;
    out.inputMetres = route.inputMetres;
    return out;
}

}  // namespace safemap
