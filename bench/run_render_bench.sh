#!/usr/bin/env bash
# Rendering benchmark against QGIS (issue 4, item 5).
#
#   bash bench/run_render_bench.sh [BUILD_DIR]        (from the repository root)
#
# BUILD_DIR defaults to build/bench and is configured as a Release build if it has no
# build.ninja yet. The script:
#   1. makes the 100,000-factory / 1,000-zone project (safemap generate --seed 42), the same
#      GeoPackage as run_import_bench.sh (zones and factories stored in EPSG:4326);
#   2. writes the frames, in EPSG:3857 metres: the full extent of the sites (plus 5 %, as
#      `safemap render` frames it), 1:500,000 and 1:50,000 centred on the zone with the most
#      factories, and each of the last two panned by a quarter of the width east and a tenth
#      of the height south (scales at 96 dpi, true scale at the centre latitude);
#   3. renders them with SafeMap (bench_render_project: renderMap, one thread) and with QGIS
#      (bench/qgis_render.py: sequential and parallel jobs) at 1600 × 1000, the same plain
#      style in both, antialiased, no labels; median of RUNS (default 7) after a warm-up;
#   4. measures SafeMap's pan frame (the canvas blits the shifted last image) and, for scale,
#      SafeMap's frames with every point stamped (no level of detail) and with clustering;
#   5. saves each tool's images in WORK_DIR (default /tmp/safemap-render-bench):
#      safemap_frameN.png and qgis_frameN.png, N in the order above.
# The results table is printed at the end and saved as $WORK_DIR/results.md.
# Takes about 1 minute on a 2-core machine.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$REPO/build/bench}
RUNS=${RUNS:-7}
WORK=${WORK_DIR:-/tmp/safemap-render-bench}
SIZE=1600x1000

mkdir -p "$WORK"
if [[ ! -f $BUILD/build.ninja ]]; then
    cmake -S "$REPO" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >"$WORK/configure.log"
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt")
if [[ $build_type != Release ]]; then
    echo "run_render_bench: $BUILD is a '$build_type' build; benchmarks need Release" >&2
    exit 2
fi
echo "== building safemap and bench_render_project in $BUILD"
cmake --build "$BUILD" --target safemap bench_render_project -j2 >"$WORK/build.log"

PROJECT=$WORK/project.gpkg
rm -f "$PROJECT"
"$BUILD/app/safemap" generate "$PROJECT" --factories 100000 --zones 1000 --seed 42

FRAMES=$WORK/frames.tsv
/usr/bin/python3 - "$PROJECT" "${SIZE%x*}" "${SIZE#*x}" >"$FRAMES" <<'EOF'
import math, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
W, H = int(sys.argv[2]), int(sys.argv[3])
R = 6378137.0
def merc(lon, lat):
    return R * math.radians(lon), R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
# The GeoPackage R-trees hold each layer's boxes in lon/lat.
x0, x1, y0, y1 = db.execute(
    "SELECT min(minx), max(maxx), min(miny), max(maxy) FROM (SELECT * FROM rtree_factories_geom "
    "UNION ALL SELECT * FROM rtree_zones_geom)").fetchone()
a, b = merc(x0, y0), merc(x1, y1)
mx, my = (b[0] - a[0]) * 0.05, (b[1] - a[1]) * 0.05
zone, n = db.execute("SELECT zone_id, count(*) FROM factories WHERE zone_id IS NOT NULL "
                     "GROUP BY zone_id ORDER BY 2 DESC, 1 LIMIT 1").fetchone()
zx0, zx1, zy0, zy1 = db.execute(
    "SELECT r.minx, r.maxx, r.miny, r.maxy FROM zones z JOIN rtree_zones_geom r ON r.id = z.fid "
    "WHERE z.zone_id = ?", (zone,)).fetchone()
lon, lat = (zx0 + zx1) / 2, (zy0 + zy1) / 2
cx, cy = merc(lon, lat)
def at_scale(denominator):
    # Mercator metres per pixel for a true scale at this latitude (gis extentForScale).
    upp = denominator * (0.0254 / 96) / math.cos(math.radians(lat))
    return (cx - upp * W / 2, cy - upp * H / 2, cx + upp * W / 2, cy + upp * H / 2)
def panned(e):
    dx, dy = (e[2] - e[0]) * 0.25, (e[3] - e[1]) * 0.10
    return (e[0] + dx, e[1] - dy, e[2] + dx, e[3] - dy)
print("# centre: zone %s (%d factories) at %.4f, %.4f" % (zone, n, lon, lat))
frames = [("full extent", (a[0] - mx, a[1] - my, b[0] + mx, b[1] + my)),
          ("1:500000 dense area", at_scale(500000)),
          ("1:500000 panned", panned(at_scale(500000))),
          ("1:50000 dense area", at_scale(50000)),
          ("1:50000 panned", panned(at_scale(50000)))]
for name, box in frames:
    print(name + "\t" + "\t".join("%.1f" % v for v in box))
EOF
head -1 "$FRAMES"

echo "== SafeMap (bench_render_project, $RUNS runs per frame)"
"$BUILD/bench/bench_render_project" "$PROJECT" "$FRAMES" --runs "$RUNS" --size $SIZE \
    --png "$WORK" | tee "$WORK/safemap.txt"
echo "== QGIS (bench/qgis_render.py, $RUNS runs per frame)"
QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$REPO/bench/qgis_render.py" "$PROJECT" "$FRAMES" \
    --runs "$RUNS" --size $SIZE --png "$WORK" | tee "$WORK/qgis.txt"

/usr/bin/python3 - "$WORK/safemap.txt" "$WORK/qgis.txt" "$FRAMES" "$RUNS" >"$WORK/results.md" <<'EOF'
import sys
safemap_txt, qgis_txt, frames_txt, runs = sys.argv[1:]
res, loads = {}, []
for path in (safemap_txt, qgis_txt):
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "result":
            res[(f[1], f[2])] = [float(f[3]), float(f[4])] + [int(x) for x in f[5:]]
        elif f[0] == "load":
            loads.append((f[1], float(f[2])))
frames = [l.split("\t")[0] for l in open(frames_txt, encoding="utf-8") if not l.startswith("#")]
def ms(key):
    r = res.get(key)
    return "%.1f (%.1f)" % (r[0], r[1]) if r else "–"
print("Per frame, 1600 × 1000: median ms of %s runs after a warm-up, and in brackets the fastest "
      "run (SafeMap: one thread)\n" % runs)
print("| frame | SafeMap renderMap | drawn / queried | QGIS sequential | QGIS parallel "
      "| QGIS seq ÷ SafeMap | every point stamped (no LOD) |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name in frames:
    s = res[("safemap renderMap", name)]
    q = res.get(("qgis sequential job", name))
    ratio = "%.0f×" % (q[0] / s[0]) if q and s[0] > 0 else "–"
    print("| %s | %s | %d / %d | %s | %s | %s | %s |" % (
        name, ms(("safemap renderMap", name)), s[3], s[2], ms(("qgis sequential job", name)),
        ms(("qgis parallel job", name)), ratio, ms(("every point stamped (not LOD)", name))))
c = res[("safemap renderMap, cluster LOD", frames[0])]
print("| %s, SafeMap cluster LOD | %.1f (%.1f) | %d bubbles | | | | |"
      % (frames[0], c[0], c[1], c[5]))
b = res[("canvas pan blit", "pan blit (shifted last frame)")]
print("| pan frame in the canvas (fill + drawImage of the shifted last image) | %.2f (%.2f) "
      "| | | | | |" % (b[0], b[1]))
print("\nStart-up and loading (not in the frame times)\n")
print("| step | ms |")
print("|---|---:|")
for what, t in loads:
    print("| %s | %.0f |" % (what, t))
EOF
# How alike the two tools' images are: share of pixels whose colour differs by more than 32
# (of 255) in some channel, and the share of pixels with ink (not white) in each.
QT_QPA_PLATFORM=offscreen /usr/bin/python3 - "$WORK" "$FRAMES" >>"$WORK/results.md" <<'EOF' ||
import sys
import numpy as np
from PyQt5.QtGui import QImage
work, frames_txt = sys.argv[1:]
def pixels(path):
    im = QImage(path).convertToFormat(QImage.Format_RGB32)
    bits = im.constBits()
    bits.setsize(im.sizeInBytes())
    a = np.frombuffer(bits, np.uint8).reshape(im.height(), im.width(), 4)[:, :, :3]
    return a.astype(int)
frames = [l.split("\t")[0] for l in open(frames_txt, encoding="utf-8") if not l.startswith("#")]
print("\nSafeMap's and QGIS's images compared (%s/safemap_frameN.png, qgis_frameN.png)\n" % work)
print("| frame | pixels differing by > 32 | ink, SafeMap | ink, QGIS |")
print("|---|---:|---:|---:|")
for n, name in enumerate(frames):
    a = pixels("%s/safemap_frame%d.png" % (work, n))
    b = pixels("%s/qgis_frame%d.png" % (work, n))
    differ = (abs(a - b).max(axis=2) > 32).mean() * 100
    print("| %s | %.2f %% | %.1f %% | %.1f %% |" % (name, differ, (a.min(axis=2) < 250).mean() * 100,
                                                  (b.min(axis=2) < 250).mean() * 100))
EOF
    echo "(image comparison skipped: needs numpy and PyQt5 for /usr/bin/python3)" >>"$WORK/results.md"
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/results.md"

echo
cat "$WORK/results.md"
echo
echo "Images: $WORK/safemap_frame*.png and $WORK/qgis_frame*.png"
