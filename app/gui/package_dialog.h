#pragma once

#include <QDialog>
#include <QFutureWatcher>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/project/field_package.h"
#include "core/project/scenario.h"
#include "core/project/visit_list.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace safemap {

/// \brief Project → Create field package…: a visit list from the current inspection list
/// (its first N), a district, or the facilities selected; ordered into a route from a start
/// point (orderVisitList) with its total length; dragged to reorder by hand; then written
/// (createFieldPackage). Every step runs on a worker with its own read-only connection.
class PackageDialog : public QDialog {
    Q_OBJECT
public:
    /// `facts` names the facilities and places them (the window's loaded facts);
    /// `selected` the facilities selected on the map or in a table.
    PackageDialog(std::string projectPath, Scenario scenario,
                  std::shared_ptr<const ProjectFacts> facts, std::vector<std::string> districts,
                  std::vector<std::string> selected, QWidget* parent = nullptr);
    ~PackageDialog() override;

    enum class Source { InspectionList, District, Selection };
    void setSource(Source source);
    void setDistrict(const QString& district);
    void setTop(int n);
    void setStart(std::optional<GeoPoint> start);
    /// Makes the visit list from the source and orders it into a route (the Order button).
    void makeVisitList();
    /// The visit list as shown, in order.
    std::vector<std::string> visitList() const;
    /// The straight-line length of the order shown, from the start, in metres.
    double routeMetresShown() const;
    /// Writes the package at `path` (what Create does after asking where).
    void createAt(const QString& path);
    void waitForWorker();
    const std::optional<PackageSummary>& created() const { return created_; }
    QListWidget* list() const { return list_; }
    QLabel* distanceLabel() const { return distance_; }

private:
    void listReady();
    void createdReady();
    void updateDistance();
    void chooseFile();

    std::string projectPath_;
    Scenario scenario_;
    std::shared_ptr<const ProjectFacts> facts_;
    std::vector<std::string> selected_;
    std::optional<PackageSummary> created_;
    QRadioButton* fromList_;
    QRadioButton* fromDistrict_;
    QRadioButton* fromSelection_;
    QSpinBox* top_;
    QComboBox* district_;
    QLineEdit* start_;
    QListWidget* list_;
    QLabel* distance_;
    QLabel* status_;
    QPushButton* order_;
    QPushButton* create_;
    QFutureWatcher<Result<OrderedVisit>> listWatcher_;
    QFutureWatcher<Result<PackageSummary>> createWatcher_;
};

}  // namespace safemap
