#pragma once
// What the printed facility sheets of a field package say (one sheet per facility, in route
// order): the record, the latest assessment index by index in the criteria set's words, the
// past inspections and the measures the findings form asks about. Words are resolved here, in
// the reader's language, so the page painter (gis/field/facility_sheets_pdf.h) only lays out.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/project/field_package.h"
#include "core/project/project_facts.h"
#include "core/project/project_status.h"
#include "core/result.h"
#include "core/text/display_format.h"

namespace safemap {

class Project;

/// \brief One index of the latest assessment as the sheet prints it.
struct SheetIndexRow {
    std::string label;   ///< the criteria set's label of the index
    std::string answer;  ///< the answer's label ("cách dưới 1 m"); empty: not answered
    double points = 0;
    double pointsMax = 0;
    bool mandatoryFailed = false;  ///< a mandatory measure found missing
};

/// \brief The facility's newest assessment, scored with the package's criteria set.
struct SheetAssessment {
    Date date{};
    std::string submitter;
    double percent = 0;
    std::string level;  ///< "nguy cơ cao"
    std::vector<SheetIndexRow> rows;
    std::vector<std::string> vetoes;  ///< the reasons of the vetoes that fired
};

/// \brief A past inspection, newest first on the sheet.
struct SheetInspection {
    Date date{};
    std::string inspector;
    std::string outcome;  ///< "duy trì hoạt động", "biện pháp chưa đạt" …
    std::string finding;
    bool measuresOk = true;
};

/// \brief One facility's sheet.
struct FacilitySheet {
    std::optional<int> stop;  ///< its number on the route
    Factory factory;
    std::string zoneName;              ///< empty: outside any zone
    std::string level;                 ///< the current level's name; empty: not assessed
    double percent = 0;                ///< with a level
    std::vector<std::string> onLists;  ///< "Đề xuất tạm dừng: …", "Cần kiểm tra: …"
    std::optional<SheetAssessment> latest;
    std::vector<SheetInspection> inspections;  ///< newest first
    std::size_t position = 0;  ///< in FacilitySheets::facts->factories (the map inset)
};

/// \brief Everything the sheets of a package print.
struct FacilitySheets {
    PackageInfo info;          ///< empty packageId: a project, not a package (every facility)
    std::string criteriaName;  ///< "Bộ tiêu chí … v1"; empty: no criteria set
    std::vector<std::string> measures;  ///< the findings form's mandatory measures, labelled
    Date asOf{};
    std::vector<FacilitySheet> sheets;            ///< in route order (stops first, then the rest)
    std::shared_ptr<const ProjectFacts> facts;    ///< for the map inset
    std::shared_ptr<const ProjectStatus> status;  ///< for the map inset
};

/// Reads a field package (or any project: then every facility, by name) and words its sheets
/// in `language`. Only reads. An Error when the store cannot be read; a package with no
/// facility gives no sheets (the caller refuses to print nothing).
[[nodiscard]] Result<FacilitySheets> facilitySheetsOf(const Project& package, Language language,
                                                      const ProgressFn& progress = {});

}  // namespace safemap
