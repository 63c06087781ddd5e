#!/usr/bin/python3
"""Render a SafeMap project GeoPackage with QGIS, headless, for bench/run_render_bench.sh.

Usage: /usr/bin/python3 bench/qgis_render.py PROJECT.gpkg FRAMES [--runs N] [--size WxH]
                                             [--png DIR]

Loads the layers `zones` (polygons) and `factories` (points), both stored in EPSG:4326,
styles them as bench_render_project draws them (zones: simple fill, grey at alpha 90 with a
1.2 px darker outline; factories: 6 px grey circles with a 0.5 px darker outline; one symbol
for all, no labels, white background, antialiasing on) and renders every frame of FRAMES in
EPSG:3857 at 96 dpi with QgsMapRendererSequentialJob and QgsMapRendererParallelJob. FRAMES
has one frame a line: NAME<TAB>MINX<TAB>MINY<TAB>MAXX<TAB>MAXY in EPSG:3857 metres.

Each frame is rendered once to warm up, then --runs times; the median is reported. Start-up
(import and QgsApplication.initQgis) and layer loading are timed separately and are not in
the frame times. No QgsMapRendererCache is set, so each frame reads its features from the
GeoPackage, as QGIS does after a pan or zoom. QGIS draws every feature in the extent (its
only level of detail here is the default polygon simplification to about a pixel).

Output: "load" and "result" lines, tab-separated, and a table on stderr.
Run with Debian's interpreter (it has the qgis module) and QT_QPA_PLATFORM=offscreen.
"""

import os
import statistics
import sys
import time

T_START = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsMapRendererParallelJob,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def parse_args(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    opts = {"runs": 7, "size": (1600, 1000), "png": None}
    i = 3
    while i + 1 < len(argv):
        key, value = argv[i], argv[i + 1]
        if key == "--runs":
            opts["runs"] = max(1, int(value))
        elif key == "--size":
            w, h = value.lower().split("x")
            opts["size"] = (int(w), int(h))
        elif key == "--png":
            opts["png"] = value
        i += 2
    return argv[1], argv[2], opts


def read_frames(path):
    frames = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            name, *numbers = line.rstrip("\n").split("\t")
            frames.append((name, QgsRectangle(*map(float, numbers))))
    return frames


def style(zones, factories):
    # The same colours as SafeMap's style class 0 (riskCategoryStyles: grey 158, outline
    # QColor::darker(160) = 99), sizes in pixels.
    fill = QgsFillSymbol.createSimple({
        "color": "158,158,158,90",
        "outline_color": "99,99,99,255",
        "outline_width": "1.2",
        "outline_width_unit": "Pixel",
    })
    zones.setRenderer(QgsSingleSymbolRenderer(fill))
    marker = QgsMarkerSymbol.createSimple({
        "name": "circle",
        "color": "158,158,158,255",
        "outline_color": "99,99,99,255",
        "outline_width": "0.5",
        "outline_width_unit": "Pixel",
        "size": "6",
        "size_unit": "Pixel",
    })
    factories.setRenderer(QgsSingleSymbolRenderer(marker))


def render(settings, job_class):
    job = job_class(settings)
    t0 = time.perf_counter()
    job.start()
    job.waitForFinished()
    ms = (time.perf_counter() - t0) * 1000
    return ms, job.renderedImage()


def main():
    project, frames_path, opts = parse_args(sys.argv)
    app = QgsApplication([], False)
    app.initQgis()
    startup_ms = (time.perf_counter() - T_START) * 1000

    t0 = time.perf_counter()
    zones = QgsVectorLayer(project + "|layername=zones", "zones", "ogr")
    factories = QgsVectorLayer(project + "|layername=factories", "factories", "ogr")
    if not zones.isValid() or not factories.isValid():
        sys.exit("qgis_render: cannot open the zones or factories layer of " + project)
    counts = (zones.featureCount(), factories.featureCount())
    style(zones, factories)
    load_ms = (time.perf_counter() - t0) * 1000
    print("load\tQGIS %s: start-up (import, initQgis)\t%.1f" % (Qgis.QGIS_VERSION, startup_ms))
    print("load\tQGIS: load layers (%d zones, %d factories)\t%.1f" % (counts[0], counts[1], load_ms))

    settings = QgsMapSettings()
    settings.setLayers([factories, zones])  # top first
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    settings.setOutputSize(QSize(*opts["size"]))
    settings.setOutputDpi(96)
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    settings.setFlag(QgsMapSettings.DrawLabeling, False)

    frames = read_frames(frames_path)
    print("%-34s %-26s %9s %9s" % ("what", "frame", "median ms", "min ms"), file=sys.stderr)
    for label, job_class in (("qgis sequential job", QgsMapRendererSequentialJob),
                             ("qgis parallel job", QgsMapRendererParallelJob)):
        for index, (name, extent) in enumerate(frames):
            settings.setExtent(extent)
            _, image = render(settings, job_class)  # warm-up
            times = [render(settings, job_class)[0] for _ in range(opts["runs"])]
            med = statistics.median(times)
            print("result\t%s\t%s\t%.2f\t%.2f" % (label, name, med, min(times)))
            print("%-34s %-26s %9.1f %9.1f" % (label, name, med, min(times)), file=sys.stderr)
            if opts["png"] and job_class is QgsMapRendererSequentialJob:
                image.save(os.path.join(opts["png"], "qgis_frame%d.png" % index), "PNG")
    print("runs per frame: %d after one warm-up; output %dx%d; EPSG:3857 from EPSG:4326"
          % (opts["runs"], opts["size"][0], opts["size"][1]), file=sys.stderr)
    # Layers and settings go before exitQgis, or the interpreter's teardown crashes.
    del settings, zones, factories
    app.exitQgis()


if __name__ == "__main__":
    main()
