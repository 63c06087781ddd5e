// safemap package sheets PACKAGE --out FILE.pdf: the printable facility sheets of a field
// package (core/project/facility_sheets.h words them, gis/report/facility_sheets_pdf.h
// paints them). The package is only read.
#include <QGuiApplication>
#include <cstdio>
#include <filesystem>
#include <string>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/gui/language.h"
#include "app/gui/shipped_data.h"
#include "core/project/facility_sheets.h"
#include "core/project/project.h"
#include "core/util/timestamp.h"
#include "gis/report/facility_sheets_pdf.h"

namespace safemap {

namespace {

constexpr const char* kSheetsUsage =
    "Usage: safemap package sheets PACKAGE.gpkg --out FILE.pdf [--language vi|en]\n"
    "Prints the field package's facility sheets as a PDF: one A4 page per facility in route\n"
    "order with its record, latest assessment index by index, past inspections, a map of the\n"
    "facility in its zone and a blank findings form (measures, findings, outcome, signatures).\n"
    "The package is only read; a project works too (every facility, by name).\n"
    "  --out FILE.pdf   where to write the sheets (replaced if it exists)\n"
    "  --language       vi or en: the sheets' words (default: the window's language)\n";

}  // namespace

int runPackageSheets(const Words& words) {
    const char* command = "package sheets";
    const Args args(words, {"out", "language"});
    if (int rc = checkUsage(command, args, {}, 1, 1, kSheetsUsage); rc >= 0)
        return rc;
    const auto out = args.option("out");
    if (!out) {
        std::fprintf(stderr, "safemap %s: --out FILE.pdf is required\n%s", command, kSheetsUsage);
        return 2;
    }
    // Fonts and painting need a QGuiApplication; no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "safemap";
    char* argv[] = {name, nullptr};
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("SafeMap"));
    QGuiApplication::setApplicationName(QStringLiteral("SafeMap"));
    std::string language = currentLanguage().toStdString();
    if (auto l = args.option("language")) {
        if (*l != "vi" && *l != "en") {
            std::fprintf(stderr, "safemap %s: --language must be vi or en\n", command);
            return 2;
        }
        language = *l;
    }
    const std::string path = args.positional()[0];
    auto package = Project::open(path, Project::Access::ReadOnly);
    if (!package)
        return fail(command, package.error());
    FacilitySheetsOptions options;
    options.language = mapLanguageFromCode(language);
    options.generatedAt = generationTime();
    options.packageFile = std::filesystem::path(path).filename().string();
    auto sheets =
        facilitySheetsOf(*package, language == "vi" ? Language::Vietnamese : Language::English);
    if (!sheets)
        return fail(command, sheets.error());
    std::string basemapProblem;
    auto basemap = loadShippedBasemap(options.language, &basemapProblem);
    if (!basemapProblem.empty())
        std::fprintf(stderr, "safemap %s: note: basemap not drawn: %s\n", command,
                     basemapProblem.c_str());
    if (auto st = writeFacilitySheetsPdf(*out, *sheets, std::move(basemap), options); !st)
        return fail(command, st.error());
    std::printf("%zu facility sheets written to %s\n", sheets->sheets.size(), out->c_str());
    return 0;
}

}  // namespace safemap
