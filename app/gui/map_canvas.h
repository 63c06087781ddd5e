#pragma once

#include <QImage>
#include <QPoint>
#include <QPointF>
#include <QTimer>
#include <QWidget>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/model/geometry.h"
#include "gis/render/map_settings.h"
#include "gis/render/render_job.h"

namespace safemap {

/// \brief The map widget: composes finished renders and handles input; never draws features.
///
/// Rendering happens in RenderJob on a worker. While a new frame is on its way the canvas
/// shows the last one shifted (pan) or scaled (zoom), as QgsMapCanvas does, so input never
/// waits for the renderer. Extents are Web Mercator metres; signals also give lon/lat.
///
/// Frames go through RenderJob's per-layer cache: to redraw only the facilities after a filter
/// or re-scoring, pass setLayers() the same LayerData pointers for the other layers and a new
/// one (withFlags / withCategoriesAndFlags) for the facilities.
class MapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    /// Layers bottom to top; replaces all. Shared data is not copied.
    void setLayers(std::vector<LayerRender> layers);
    const std::vector<LayerRender>& layers() const { return settings_.layers; }
    /// Ids drawn highlighted.
    void setSelection(std::unordered_set<std::string> ids);
    const std::unordered_set<std::string>& selection() const { return settings_.selectedIds; }
    void setBackground(QColor color);

    /// Shows exactly `extent` (Mercator), expanded to the widget's aspect ratio.
    void setExtent(const BBox& extent);
    /// Shows `extent` with a margin around it (a zone or the province fills most of the view).
    void zoomToExtent(const BBox& extent, double marginFraction = 0.05);
    /// The extent asked for (before expansion to the aspect ratio).
    const BBox& extent() const { return settings_.extent; }
    /// The extent actually shown by the widget.
    BBox visibleExtent() const;
    /// 1:N at the centre of the view (96 logical dpi).
    double scaleDenominator() const;
    /// The settings the next render will use (widget size, layers, extent, selection).
    MapSettings settings() const;

    QPointF pixelToMap(QPointF pixel) const;
    QPointF mapToPixel(QPointF mercator) const;

    /// Renders the current settings synchronously on the calling thread (for tests, export
    /// and "copy map image"); does not change what the widget shows.
    QImage renderNow() const;
    /// True while a render is pending or running.
    bool isRendering() const;
    /// The last finished frame (empty before the first one).
    const QImage& lastImage() const { return image_; }
    /// What drawing the last finished frame did (which layers were redrawn, counts).
    const RenderStats& lastStats() const { return stats_; }

    QSize sizeHint() const override { return {800, 600}; }

public slots:
    void zoomIn();
    void zoomOut();
    /// Zooms by `factor` (>1 = in) keeping the map point under `pixel` fixed.
    void zoomBy(double factor, QPointF pixel);
    void zoomBy(double factor);
    /// Moves the view by a pixel offset: the map follows the mouse (drag right = map moves right).
    void panByPixels(QPointF delta);
    /// Zooms to the union of all visible layers.
    void zoomToLayers();
    /// Starts a render now, skipping the debounce (the debounce still coalesces later calls).
    void refresh();

signals:
    void cursorMoved(safemap::GeoPoint lonLat);
    void scaleChanged(double denominator);
    void extentChanged(safemap::BBox extent);
    /// A press and release without a drag: for identify.
    void clicked(safemap::GeoPoint lonLat, QPointF mercator);
    void renderFinished();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void scheduleRender();
    void startRender();
    void onRenderFinished(const QImage& image, const MapSettings& settings,
                          const RenderStats& stats);
    void extentWasChanged();
    void drawScaleBar(QPainter& painter) const;

    MapSettings settings_;  ///< extent, layers, selection; size comes from the widget
    RenderJob job_;
    QTimer debounce_;
    QImage image_;  ///< last finished frame
    RenderStats stats_;
    BBox imageExtent_;  ///< visible extent that image_ shows
    QPoint pressPos_;
    QPoint lastDragPos_;
    bool pressed_ = false;
    bool dragging_ = false;
    double lastScale_ = 0;
};

}  // namespace safemap
