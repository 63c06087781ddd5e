#include <QCoreApplication>
#include <cstdio>
#include <fstream>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/gui/data_paths.h"
#include "core/rules/list_export.h"
#include "core/storage/criteria_choice.h"
#include "core/storage/project_store.h"
#include "core/storage/site_facts_store.h"

namespace safemap {

namespace {
constexpr const char* kUsage =
    "Usage: safemap list PROJECT.gpkg (--suspend | --inspect) [--format csv|json] [--out FILE]\n"
    "                    [--as-of YYYY-MM-DD] [--suspend-no-assessment-days N]\n"
    "                    [--large-workforce N] [--medium-index-threshold P]\n"
    "                    [--stale-assessment-days N] [--risk-rise-threshold P]\n"
    "                    [--inspect-never-inspected yes|no]\n"
    "Prints the facilities to suspend (--suspend: Hà Nội 1987/UBND-KT's three reasons) or\n"
    "due for inspection (--inspect), each with its reasons, as CSV (default) or JSON.\n"
    "The same data and settings always give the same list. --as-of defaults to the date of\n"
    "the newest assessment in the project (not today), for that reason.\n"
    "Defaults: suspend-no-assessment-days 7, large-workforce 1000, medium-index-threshold 7,\n"
    "stale-assessment-days 5, risk-rise-threshold 5 (percentage points),\n"
    "inspect-never-inspected yes.\n";

const std::vector<std::string> kRuleOptions = {"as-of",
                                               "suspend-no-assessment-days",
                                               "large-workforce",
                                               "medium-index-threshold",
                                               "stale-assessment-days",
                                               "risk-rise-threshold",
                                               "inspect-never-inspected"};
}  // namespace

int runListCommand(const Words& words) {
    std::vector<std::string> valueOptions = kRuleOptions;
    valueOptions.insert(valueOptions.end(), {"format", "out"});
    const Args args(words, valueOptions);
    if (int rc = checkUsage("list", args, {"suspend", "inspect"}, 1, 1, kUsage); rc >= 0)
        return rc;
    const bool suspend = args.flag("suspend");
    if (suspend == args.flag("inspect")) {
        std::fprintf(stderr, "safemap list: give exactly one of --suspend or --inspect\n%s",
                     kUsage);
        return 2;
    }
    const std::string format = args.option("format").value_or("csv");
    if (format != "csv" && format != "json") {
        std::fprintf(stderr, "safemap list: --format must be csv or json\n");
        return 2;
    }
    RuleSettings settings;
    for (const auto& key : kRuleOptions)
        if (auto v = args.option(key))
            if (auto st = applyRuleSetting(settings, key, *v); !st) {
                std::fprintf(stderr, "safemap list: %s\n", st.error().message.c_str());
                return 2;
            }
    int argc = 1;
    char name[] = "safemap";
    char* argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    auto store = ProjectStore::open(args.positional()[0]);
    if (!store)
        return fail("list", store.error());
    auto choice = chooseCriteria(store->database(), "", defaultCriteriaFile().toStdString());
    if (!choice)
        return fail("list", choice.error());
    const auto facts = loadSiteFacts(store->database(), choice->set.id, choice->set.version);
    const auto list = suspend ? suspensionList(facts, settings) : inspectionList(facts, settings);
    const auto out = args.option("out");
    std::string text;
    if (format == "json") {
        ListProvenance p{suspend ? "suspend" : "inspect", choice->set.id, choice->set.version,
                         effectiveAsOf(facts, settings), settings};
        text = listToJson(list, p);
    } else {
        text = listToCsv(list, out.has_value());  // a BOM for Excel in files, not on a terminal
    }
    if (out) {
        // Written to a temporary name and renamed, so a failed write never leaves half a list.
        const std::string tmp = *out + ".partial";
        std::ofstream f(tmp, std::ios::binary);
        f << text;
        f.close();
        if (!f || std::rename(tmp.c_str(), out->c_str()) != 0)
            return fail("list", Error("cannot write the list", *out));
        std::fprintf(stderr, "%zu facilities %s → %s\n", list.size(),
                     suspend ? "to suspend" : "due for inspection", out->c_str());
    } else {
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
    return 0;
}

}  // namespace safemap
