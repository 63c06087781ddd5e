#pragma once

#include <QFutureWatcher>
#include <QLineEdit>
#include <memory>
#include <vector>

#include "gis/project/place_search.h"

class QCompleter;
class QStandardItemModel;
class QTimer;

namespace safemap {

/// \brief The toolbar's "go to" box: finds provinces, districts, zones, facilities (by name
/// or tax code) and addresses as the user types, accents and case ignored ("dong van" finds
/// "Đồng Văn"), and offers them in a completer list; choosing one (or Enter for the first)
/// emits placeChosen. Searching runs on a worker, so a 100,000-facility project never holds
/// up typing.
class SearchBox : public QLineEdit {
    Q_OBJECT
public:
    /// How long typing must pause before a search starts.
    static constexpr int kDelayMs = 120;
    static constexpr size_t kMaxResults = 20;

    explicit SearchBox(QWidget* parent = nullptr);
    ~SearchBox() override;

    /// The places to search (the session's frame.places); null: nothing is found.
    void setIndex(std::shared_ptr<const PlaceIndex> index);
    /// The results for the text shown, best first (empty while a search runs).
    const std::vector<Place>& results() const { return results_; }
    /// The completer's lines, as shown (tests).
    QStringList resultLines() const;
    /// Searches for the current text now and waits for the result (tests).
    void searchNow();
    /// Goes to result `row` (emits placeChosen and puts its name in the box).
    void choose(int row);
    /// Puts the cursor in the box with its text selected.
    void focusSearch();

    QSize sizeHint() const override;

signals:
    void placeChosen(const safemap::Place& place);

private:
    void startSearch();
    void searchFinished();
    void showResults();

    std::shared_ptr<const PlaceIndex> index_;
    QCompleter* completer_;
    QStandardItemModel* model_;
    QTimer* timer_;
    QFutureWatcher<std::vector<Place>> watcher_;
    QString searching_;  ///< the text the running search is for
    QString shownFor_;   ///< the text results_ are for
    std::vector<Place> results_;
    bool chooseFirst_ = false;  ///< Enter was pressed before the results arrived
};

/// A place's line in the completer: "Kim Bảng — district, Hà Nam".
QString placeLine(const Place& place);

}  // namespace safemap

Q_DECLARE_METATYPE(safemap::Place)
