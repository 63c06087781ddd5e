#include "app/gui/map_canvas.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "app/gui/error_text.h"
#include "gis/render/map_renderer.h"
#include "gis/render/web_mercator.h"

namespace safemap {

namespace {
// Enough to coalesce a burst of wheel events or a resize drag into one render.
constexpr int kDebounceMs = 40;
// Zoom limits in Mercator metres per pixel: about 1:200 in Hà Nội, and the whole world in
// 256 px (web maps' zoom 0).
constexpr double kMinUnitsPerPixel = 0.05;
constexpr double kMaxUnitsPerPixel = 2 * kMercatorHalfWorld / 256;
constexpr double kWheelStep = 1.4142135623730951;  // √2 per wheel notch: two notches = 2×
constexpr double kButtonStep = 2.0;
}  // namespace

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(64, 64);
    debounce_.setSingleShot(true);
    debounce_.setInterval(kDebounceMs);
    connect(&debounce_, &QTimer::timeout, this, &MapCanvas::startRender);
    connect(&job_, &RenderJob::finished, this,
            [this](const QImage& image, const MapSettings& settings, const RenderStats& stats) {
                onRenderFinished(image, settings, stats);
            });
}

MapCanvas::~MapCanvas() = default;

void MapCanvas::setLayers(std::vector<LayerRender> layers) {
    settings_.layers = std::move(layers);
    if (settings_.extent.empty()) {
        zoomToLayers();
        return;
    }
    // New content (a filter, a date, a style) is one change, not a stream of them like a
    // wheel or a drag: draw it at once rather than after the debounce.
    update();
    refresh();
}

void MapCanvas::setSelection(std::unordered_set<std::string> ids) {
    settings_.selectedIds = std::move(ids);
    scheduleRender();
}

void MapCanvas::setBackground(QColor color) {
    settings_.background = color;
    scheduleRender();
}

void MapCanvas::setExtent(const BBox& extent) {
    if (extent.empty())
        return;
    settings_.extent = extent;
    extentWasChanged();
    scheduleRender();
}

void MapCanvas::zoomToExtent(const BBox& extent, double marginFraction) {
    if (extent.empty())
        return;
    // A point or a single factory has no size: show it at a street-level scale.
    constexpr double kMinSpan = 500.0;
    const double cx = (extent.minX + extent.maxX) / 2;
    const double cy = (extent.minY + extent.maxY) / 2;
    const double w = std::max(extent.maxX - extent.minX, kMinSpan) * (1 + 2 * marginFraction);
    const double h = std::max(extent.maxY - extent.minY, kMinSpan) * (1 + 2 * marginFraction);
    setExtent({cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2});
}

void MapCanvas::zoomToLayers() {
    zoomToExtent(layersExtent(settings_.layers));
}

MapSettings MapCanvas::settings() const {
    MapSettings s = settings_;
    s.outputSize = size();
    s.devicePixelRatio = devicePixelRatioF();
    return s;
}

BBox MapCanvas::visibleExtent() const {
    return MapTransform(settings_.extent, size()).visibleExtent();
}

double MapCanvas::scaleDenominator() const {
    return safemap::scaleDenominator(MapTransform(settings_.extent, size()));
}

QPointF MapCanvas::pixelToMap(QPointF pixel) const {
    return MapTransform(settings_.extent, size()).toMap(pixel);
}

QPointF MapCanvas::mapToPixel(QPointF mercator) const {
    return MapTransform(settings_.extent, size()).toPixel(mercator);
}

QImage MapCanvas::renderNow() const {
    return renderMap(settings());
}

bool MapCanvas::isRendering() const {
    return debounce_.isActive() || job_.isActive();
}

void MapCanvas::zoomIn() {
    zoomBy(kButtonStep);
}
void MapCanvas::zoomOut() {
    zoomBy(1 / kButtonStep);
}
void MapCanvas::zoomBy(double factor) {
    zoomBy(factor, QPointF(width() / 2.0, height() / 2.0));
}

void MapCanvas::zoomBy(double factor, QPointF pixel) {
    const MapTransform t(settings_.extent, size());
    if (!t.valid() || !(factor > 0))
        return;
    const double upp = std::clamp(t.unitsPerPixel() / factor, kMinUnitsPerPixel, kMaxUnitsPerPixel);
    // Keep the map point under `pixel` where it is.
    const QPointF anchor = t.toMap(pixel);
    const double minX = anchor.x() - pixel.x() * upp;
    const double maxY = anchor.y() + pixel.y() * upp;
    setExtent({minX, maxY - height() * upp, minX + width() * upp, maxY});
}

void MapCanvas::panByPixels(QPointF delta) {
    const MapTransform t(settings_.extent, size());
    if (!t.valid())
        return;
    const BBox v = t.visibleExtent();
    const double dx = -delta.x() * t.unitsPerPixel();
    const double dy = delta.y() * t.unitsPerPixel();
    settings_.extent = {v.minX + dx, v.minY + dy, v.maxX + dx, v.maxY + dy};
    extentWasChanged();
    // While dragging, the shifted last image stands in; the render waits for the release.
    if (!dragging_)
        scheduleRender();
}

void MapCanvas::refresh() {
    debounce_.stop();
    startRender();
}

void MapCanvas::scheduleRender() {
    update();
    debounce_.start();
}

void MapCanvas::startRender() {
    const MapSettings s = settings();
    if (s.outputSize.isEmpty() || s.extent.empty())
        return;
    job_.start(s);
}

void MapCanvas::onRenderFinished(const QImage& image, const MapSettings& settings,
                                 const RenderStats& stats) {
    image_ = image;
    stats_ = stats;
    imageExtent_ = MapTransform(settings).visibleExtent();
    update();
    emit renderFinished();
}

void MapCanvas::extentWasChanged() {
    update();
    emit extentChanged(visibleExtent());
    const double scale = scaleDenominator();
    if (scale != lastScale_) {
        lastScale_ = scale;
        emit scaleChanged(scale);
    }
}

void MapCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), settings_.background);
    const MapTransform t(settings_.extent, size());
    if (!image_.isNull() && t.valid() && !imageExtent_.empty()) {
        // The last frame placed where its extent now lies: shifted while panning, scaled
        // while zooming, until the next frame replaces it.
        const QRectF target = t.toPixel(imageExtent_);
        const bool exact = std::abs(target.width() - width()) < 0.01 &&
                           std::abs(target.height() - height()) < 0.01;
        p.setRenderHint(QPainter::SmoothPixmapTransform, !exact);
        p.drawImage(target, image_);
    }
    drawScaleBar(p);
}

void MapCanvas::drawScaleBar(QPainter& p) const {
    const MapTransform t(settings_.extent, size());
    if (!t.valid() || width() < 160)
        return;
    const double groundPerPixel =
        t.unitsPerPixel() * groundPerMercatorMetre(fromMercator(t.center()).lat);
    // The largest 1-2-5 length that fits in about 120 px.
    const double target = 120 * groundPerPixel;
    const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
    double length = magnitude;
    for (double m : {2.0, 5.0, 10.0})
        if (m * magnitude <= target)
            length = m * magnitude;
    const double px = length / groundPerPixel;
    const QString text = uiLength(length);
    const QPointF origin(12, height() - 14);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(Qt::black, 2));
    p.drawLine(origin, origin + QPointF(px, 0));
    p.drawLine(origin, origin + QPointF(0, -5));
    p.drawLine(origin + QPointF(px, 0), origin + QPointF(px, -5));
    p.drawText(origin + QPointF(4, -5), text);
}

void MapCanvas::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (settings_.extent.empty())
        return;
    extentWasChanged();
    scheduleRender();
}

void MapCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    pressed_ = true;
    dragging_ = false;
    pressPos_ = lastDragPos_ = event->position().toPoint();
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    emit cursorMoved(fromMercator(pixelToMap(event->position())));
    if (!pressed_)
        return;
    if (!dragging_ && (pos - pressPos_).manhattanLength() < QApplication::startDragDistance())
        return;
    if (!dragging_) {
        dragging_ = true;
        setCursor(Qt::ClosedHandCursor);
    }
    panByPixels(pos - lastDragPos_);
    lastDragPos_ = pos;
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !pressed_)
        return QWidget::mouseReleaseEvent(event);
    const QPoint pos = event->position().toPoint();
    pressed_ = false;
    if (dragging_) {
        panByPixels(pos - lastDragPos_);
        dragging_ = false;
        unsetCursor();
        scheduleRender();
        return;
    }
    const QPointF mercator = pixelToMap(event->position());
    emit clicked(fromMercator(mercator), mercator);
}

void MapCanvas::wheelEvent(QWheelEvent* event) {
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0)
        return;
    zoomBy(std::pow(kWheelStep, notches), event->position());
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent* event) {
    const double stepX = width() / 4.0;
    const double stepY = height() / 4.0;
    switch (event->key()) {
        // An arrow moves the view that way, so the map slides the other way.
        case Qt::Key_Left:
            panByPixels({stepX, 0});
            break;
        case Qt::Key_Right:
            panByPixels({-stepX, 0});
            break;
        case Qt::Key_Up:
            panByPixels({0, stepY});
            break;
        case Qt::Key_Down:
            panByPixels({0, -stepY});
            break;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomIn();
            break;
        case Qt::Key_Minus:
            zoomOut();
            break;
        case Qt::Key_Home:
            zoomToLayers();
            break;
        default:
            QWidget::keyPressEvent(event);
            return;
    }
    event->accept();
}

}  // namespace safemap
