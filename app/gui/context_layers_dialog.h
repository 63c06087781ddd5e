#pragma once

#include <QColor>
#include <QDialog>
#include <QFutureWatcher>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/project/project_settings.h"
#include "core/result.h"
#include "gis/io/source_info.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace safemap {

/// \brief One context layer: its file (any vector file OGR reads), layer, CRS when the file
/// has none (VN-2000 zones offered), title and simple style (line and fill colour, line
/// width, the field that names features). The file is looked at on a worker.
class ContextLayerEditor : public QDialog {
    Q_OBJECT
public:
    /// `layer` is edited (its id is kept); a new layer has an empty path.
    ContextLayerEditor(std::string projectPath, ContextLayer layer, QWidget* parent = nullptr);
    ~ContextLayerEditor() override;

    /// Looks at `file` as if chosen with the file button (tests).
    void setFile(const QString& file);
    /// Waits until the file has been looked at (tests).
    void waitForFile();
    /// The layer as the controls say: the path stored relative to the project where it can.
    ContextLayer layer() const;
    /// What the file holds ("Multi Line String · 12 features · VN-2000 / TM-3 107-15"), or why
    /// it cannot be read.
    QString fileText() const;

    void setLineColour(const QColor& colour);
    void setFillColour(const QColor& colour);  ///< invalid: no fill
    void setLabelField(const QString& field);

private:
    void chooseFile();
    void describeFinished();
    void layerChosen();
    void updateCrs();
    QString crsInput() const;
    void updateButtons();
    void pickColour(bool fill);

    std::string projectPath_;
    ContextLayer layer_;
    QString file_;  ///< absolute
    QLabel* fileLabel_;
    QLabel* info_;
    QComboBox* layerCombo_;
    QComboBox* crsCombo_;
    QLabel* crsName_;
    QLineEdit* title_;
    QPushButton* lineButton_;
    QCheckBox* fillCheck_;
    QPushButton* fillButton_;
    QDoubleSpinBox* width_;
    QComboBox* labelField_;
    QDialogButtonBox* buttons_;
    QColor line_;
    QColor fill_;
    QFutureWatcher<Result<SourceInfo>> watcher_;
    std::optional<SourceInfo> source_;
    bool fileOk_ = false;
};

/// \brief The project's context layers: add (choose a file), edit the style, remove. What is
/// chosen is applied by the caller (ProjectSession::setContextLayers) on OK.
class ContextLayersDialog : public QDialog {
    Q_OBJECT
public:
    /// `problems`: why a layer could not be drawn (by id), shown beside it.
    ContextLayersDialog(std::string projectPath, std::vector<ContextLayer> layers,
                        std::map<std::string, QString> problems, QWidget* parent = nullptr);

    const std::vector<ContextLayer>& layers() const { return layers_; }
    /// Opens the editor for a new layer with `file` preselected (empty: asks for one) and
    /// adds it when accepted.
    void addLayer(const QString& file = {});

private:
    void editCurrent();
    void removeCurrent();
    void fill();

    std::string projectPath_;
    std::vector<ContextLayer> layers_;
    std::map<std::string, QString> problems_;
    QListWidget* list_;
    QPushButton* edit_;
    QPushButton* remove_;
};

/// The file filter of the "choose a context layer" dialogs.
QString contextFileFilter();

}  // namespace safemap
