#!/usr/bin/env bash
# Issue 9 item 5: `safemap report` of the 100,000-facility project (the map page plus both
# action lists, at the CLI's default of 500 rows each) against QGIS 3.22 exporting a print
# layout of the same layers on the same A4 landscape page (bench/qgis_report.py), in the
# same run on the same machine.
#
# Usage: bench/run_report_bench.sh [BUILD_DIR] [WORK_DIR] [RUNS]
#   BUILD_DIR  default build/ci (safemap in BUILD_DIR/app/safemap)
#   WORK_DIR   default /tmp/safemap-report-bench (the project is generated there once)
#   RUNS       default 5: SafeMap's times are the medians of RUNS whole runs of the
#              command (process start to PDF written); QGIS's of 3 whole runs of
#              bench/qgis_report.py (start-up, loading the layers, one export), whose own
#              lines split start-up from the export.
# Each line gives wall time and CPU time (user + sys of the process and its threads). On a
# loaded, shared machine wall time includes waiting for a core; CPU time does not. The load
# average is printed before and after: compare within one run.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$REPO/build/ci}
WORK=${2:-/tmp/safemap-report-bench}
RUNS=${3:-5}
SAFEMAP=$BUILD/app/safemap
mkdir -p "$WORK"
PROJECT=$WORK/big.gpkg
[ -f "$PROJECT" ] || "$SAFEMAP" generate "$PROJECT" >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
export QT_QPA_PLATFORM=offscreen SOURCE_DATE_EPOCH=1624838400
/usr/bin/python3 - "$SAFEMAP" "$PROJECT" "$WORK" "$RUNS" "$REPO/bench/qgis_report.py" <<'PY'
import os, resource, statistics, subprocess, sys, time
safemap, project, work, runs, qgis = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]

def timed(argv):
    """Wall and CPU (user + sys) milliseconds of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(argv, capture_output=True, text=True)
    wall = (time.perf_counter() - t0) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        sys.exit(r.stderr)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu, r

def report(what, argv, out, n):
    samples = [timed(argv) for _ in range(n + 1)][1:]  # the first warms the page cache
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[1] for s in samples)
    print("%-62s wall %6.0f ms   CPU %6.0f ms   PDF %5.2f MB"
          % (what, wall, cpu, os.path.getsize(out) / 1e6))
    return samples[-1][2]

r = report("safemap report (map page + both lists, 500 rows each)",
           [safemap, "report", project, work + "/safemap.pdf"], work + "/safemap.pdf", runs)
print("   " + r.stdout.strip())
r = report("QGIS 3.22 print layout → PDF (whole process, 1 export)",
           ["/usr/bin/python3", qgis, project, work + "/qgis.pdf", "--runs", "1"],
           work + "/qgis.pdf", 3)
for line in r.stdout.splitlines():
    print("   " + line.replace("result\t", "").replace("\t", " | "))
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
