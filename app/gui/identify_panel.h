#pragma once

#include <QWidget>

#include "core/model/site.h"

class QTreeWidget;
class QLabel;

namespace safemap {

/// \brief Shows the attributes of the site the user clicked on the map.
class IdentifyPanel : public QWidget {
    Q_OBJECT
public:
    explicit IdentifyPanel(QWidget* parent = nullptr);

    void showFactory(const Factory& factory, const Zone* zone);
    void showZone(const Zone& zone, int factoryCount, long long workers);
    void clear();
    /// The rows shown, "field\tvalue" each (used by tests and by copy to clipboard).
    QStringList rows() const;

private:
    void addRow(const QString& field, const QString& value);
    QLabel* title_;
    QTreeWidget* tree_;
};

}  // namespace safemap
