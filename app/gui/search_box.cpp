#include "app/gui/search_box.h"
#include "app/gui/qt_text.h"
#include "app/gui/retranslate.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QEventLoop>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace safemap {

namespace {

QString kindName(PlaceKind kind) {
    switch (kind) {
        case PlaceKind::Province:
            return SearchBox::tr("province");
        case PlaceKind::District:
            return SearchBox::tr("district");
        case PlaceKind::Zone:
            return SearchBox::tr("zone or cluster");
        case PlaceKind::Facility:
            return SearchBox::tr("facility");
        case PlaceKind::Address:
            return SearchBox::tr("address");
    }
    return {};
}

std::vector<Place> search(const std::shared_ptr<const PlaceIndex>& index, const QString& text) {
    std::vector<Place> out;
    if (!index)
        return out;
    for (size_t i : searchPlaces(*index, text.toStdString(), SearchBox::kMaxResults))
        out.push_back(index->place(i));
    return out;
}

}  // namespace

QString placeLine(const Place& place) {
    QString line = qs(place.name) + QStringLiteral(" — ") + kindName(place.kind);
    if (!place.detail.empty())
        line += QStringLiteral(", ") + qs(place.detail);
    return line;
}

SearchBox::SearchBox(QWidget* parent)
    : QLineEdit(parent),
      completer_(new QCompleter(this)),
      model_(new QStandardItemModel(this)),
      timer_(new QTimer(this)) {
    setObjectName(QStringLiteral("placeSearch"));
    translatedAs(this, TextRole::Placeholder, "safemap::SearchBox",
                 QT_TR_NOOP("Go to a place, zone, facility or address…"));
    setClearButtonEnabled(true);
    translatedAs(this, TextRole::ToolTip, "safemap::SearchBox",
                 QT_TR_NOOP("Find a province, district, zone, facility (name or tax code) or "
                            "address; accents are optional. Enter goes to the first result."));
    // Driven by hand (not QLineEdit::setCompleter): the list shows what the worker found,
    // unfiltered, and choosing from it does not rewrite the text behind our back.
    completer_->setWidget(this);
    completer_->setModel(model_);
    completer_->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer_->setMaxVisibleItems(12);
    timer_->setSingleShot(true);
    timer_->setInterval(kDelayMs);
    connect(this, &QLineEdit::textEdited, this, [this] {
        chooseFirst_ = false;
        timer_->start();
    });
    connect(timer_, &QTimer::timeout, this, &SearchBox::startSearch);
    connect(&watcher_, &QFutureWatcher<std::vector<Place>>::finished, this,
            &SearchBox::searchFinished);
    connect(completer_, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            [this](const QModelIndex& index) { choose(index.row()); });
    connect(this, &QLineEdit::returnPressed, this, [this] {
        if (completer_->popup()->isVisible())
            return;  // the popup's own Enter activates its current row
        if (shownFor_ == text() && !timer_->isActive() && !watcher_.isRunning()) {
            choose(0);
            return;
        }
        chooseFirst_ = true;  // as soon as the results are in
        timer_->stop();
        startSearch();
    });
}

SearchBox::~SearchBox() {
    watcher_.waitForFinished();
}

QSize SearchBox::sizeHint() const {
    return {fontMetrics().horizontalAdvance(QLatin1Char('x')) * 36, QLineEdit::sizeHint().height()};
}

void SearchBox::setIndex(std::shared_ptr<const PlaceIndex> index) {
    if (index == index_)
        return;
    index_ = std::move(index);
    shownFor_.clear();
    results_.clear();
}

void SearchBox::focusSearch() {
    setFocus(Qt::ShortcutFocusReason);
    selectAll();
}

void SearchBox::startSearch() {
    if (watcher_.isRunning()) {
        timer_->start();  // one search at a time; the newest text wins
        return;
    }
    searching_ = text();
    watcher_.setFuture(QtConcurrent::run(search, index_, searching_));
}

void SearchBox::searchFinished() {
    if (searching_ != text()) {
        startSearch();  // typed on meanwhile
        return;
    }
    results_ = watcher_.result();
    shownFor_ = searching_;
    showResults();
    if (chooseFirst_) {
        chooseFirst_ = false;
        choose(0);
    }
}

void SearchBox::showResults() {
    model_->clear();
    for (const Place& p : results_)
        model_->appendRow(new QStandardItem(placeLine(p)));
    if (results_.empty() || text().trimmed().isEmpty()) {
        completer_->popup()->hide();
        return;
    }
    if (hasFocus() && !chooseFirst_) {
        // As wide as its lines (up to twice the box): "Khu công nghiệp Đồng Văn I — zone or
        // cluster, Duy Tiên, Hà Nam" does not fit the box's width.
        QAbstractItemView* popup = completer_->popup();
        const int wanted = popup->sizeHintForColumn(0) +
                           popup->verticalScrollBar()->sizeHint().width() + 2 * popup->frameWidth();
        QRect r = rect();
        r.setWidth(std::clamp(wanted, width(), 2 * width()));
        completer_->complete(r);
    }
}

QStringList SearchBox::resultLines() const {
    QStringList out;
    for (int i = 0; i < model_->rowCount(); ++i)
        out << model_->item(i)->text();
    return out;
}

void SearchBox::searchNow() {
    timer_->stop();
    watcher_.waitForFinished();
    searching_ = text();
    watcher_.setFuture(QtConcurrent::run(search, index_, searching_));
    watcher_.waitForFinished();
    QEventLoop loop;
    while (shownFor_ != text() || watcher_.isRunning())
        loop.processEvents(QEventLoop::WaitForMoreEvents);
}

void SearchBox::choose(int row) {
    if (row < 0 || static_cast<size_t>(row) >= results_.size())
        return;
    const Place place = results_[static_cast<size_t>(row)];
    completer_->popup()->hide();
    setText(qs(place.name));
    shownFor_.clear();
    emit placeChosen(place);
}

}  // namespace safemap
