#!/usr/bin/python3
"""Export a print layout of a SafeMap project with QGIS, headless, for bench/run_report_bench.sh.

Usage: /usr/bin/python3 bench/qgis_report.py PROJECT.gpkg OUT.pdf [--runs N]

Builds a QgsPrintLayout on an A4 landscape page like the first page of `safemap report`: a
title label, a map item (EPSG:3857, the extent of all factories) with the layers `zones`
(simple fill) and `factories` (6 px circles, categorised by nothing: one symbol — QGIS has
no scores in the file), a legend, a scale bar and a north arrow label, then exports it to
PDF with QgsLayoutExporter (vectors, as SafeMap's). Each run loads the layers and exports
anew; start-up (import, initQgis) is timed separately.

Output: tab-separated "result" lines: what, milliseconds, bytes.
Run with Debian's interpreter (it has the qgis module) and QT_QPA_PLATFORM=offscreen.
"""

import os
import sys
import time

T_START = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QFont  # noqa: E402


def style(zones, factories):
    zones.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "255,220,120,120", "outline_color": "160,120,40,255", "outline_width": "0.3"})))
    factories.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple({
        "name": "circle", "color": "250,200,40,255", "outline_color": "60,60,60,255",
        "outline_width": "0.1", "size": "1.6"})))


def export_once(project_path, out):
    t0 = time.perf_counter()
    project = QgsProject.instance()
    project.clear()
    zones = QgsVectorLayer(project_path + "|layername=zones", "Khu, cụm công nghiệp", "ogr")
    factories = QgsVectorLayer(project_path + "|layername=factories", "Cơ sở sản xuất", "ogr")
    if not zones.isValid() or not factories.isValid():
        sys.exit("qgis_report: cannot open the zones or factories layer of " + project_path)
    style(zones, factories)
    project.addMapLayers([zones, factories])
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 landscape page
    title = QgsLayoutItemLabel(layout)
    title.setText("Bản đồ nguy cơ lây nhiễm COVID-19 tại khu, cụm công nghiệp và cơ sở sản xuất")
    title.setFont(QFont("Noto Sans", 16))
    layout.addLayoutItem(title)
    title.attemptMove(QgsLayoutPoint(10, 8, QgsUnitTypes.LayoutMillimeters))
    title.attemptResize(QgsLayoutSize(277, 12, QgsUnitTypes.LayoutMillimeters))

    m = QgsLayoutItemMap(layout)
    m.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    m.setLayers([factories, zones])
    layout.addLayoutItem(m)
    m.attemptMove(QgsLayoutPoint(10, 24, QgsUnitTypes.LayoutMillimeters))
    m.attemptResize(QgsLayoutSize(200, 170, QgsUnitTypes.LayoutMillimeters))
    transform = QgsCoordinateTransform(factories.crs(), m.crs(), project)
    m.setExtent(transform.transformBoundingBox(factories.extent()))
    m.setFrameEnabled(True)

    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(m)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(214, 24, QgsUnitTypes.LayoutMillimeters))

    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(m)
    bar.applyDefaultSize()
    layout.addLayoutItem(bar)
    bar.attemptMove(QgsLayoutPoint(14, 180, QgsUnitTypes.LayoutMillimeters))

    north = QgsLayoutItemLabel(layout)
    north.setText("B ↑")
    layout.addLayoutItem(north)
    north.attemptMove(QgsLayoutPoint(196, 26, QgsUnitTypes.LayoutMillimeters))

    layout.refresh()
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 300
    settings.forceVectorOutput = True
    result = QgsLayoutExporter(layout).exportToPdf(out, settings)
    if result != QgsLayoutExporter.Success:
        sys.exit("qgis_report: export failed (%d)" % result)
    return (time.perf_counter() - t0) * 1000


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    project_path, out = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--runs" else 3
    app = QgsApplication([], False)
    app.initQgis()
    startup_ms = (time.perf_counter() - T_START) * 1000
    print("result\tQGIS %s start-up (import, initQgis)\t%.0f\t0" % (Qgis.QGIS_VERSION, startup_ms))
    times = [export_once(project_path, out) for _ in range(runs)]
    times.sort()
    print("result\tQGIS layout to PDF (load layers + export), median of %d\t%.0f\t%d"
          % (runs, times[len(times) // 2], os.path.getsize(out)))
    app.exitQgis()


if __name__ == "__main__":
    main()
