#!/usr/bin/env bash
# Issue 9 item 5: `safemap report` of the 100,000-facility project (the map page plus both
# action lists, at the CLI's default of 500 rows each) against QGIS 3.22 exporting a print
# layout of the same layers on the same A4 landscape page (bench/qgis_report.py), in the
# same run on the same machine.
#
# Usage: bench/run_report_bench.sh [BUILD_DIR] [WORK_DIR] [RUNS]
#   BUILD_DIR  default build/ci (safemap in BUILD_DIR/app/safemap)
#   WORK_DIR   default /tmp/safemap-report-bench (the project is generated there once)
#   RUNS       default 5: SafeMap's time is the median of RUNS whole runs of the command
#              (process start to PDF written); QGIS's the median of 3 layout exports after
#              its start-up, which is printed apart.
# Prints the load average before and after: on a shared machine, compare within one run.
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
/usr/bin/python3 - "$SAFEMAP" "$PROJECT" "$WORK/safemap.pdf" "$RUNS" <<'PY'
import os, statistics, subprocess, sys, time
safemap, project, out, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
times = []
for _ in range(runs + 1):  # the first warms the page cache
    t0 = time.perf_counter()
    r = subprocess.run([safemap, "report", project, out], capture_output=True, text=True)
    times.append((time.perf_counter() - t0) * 1000)
    if r.returncode != 0:
        sys.exit(r.stderr)
print("result\tsafemap report (whole command: load, score, map page, lists), median of %d\t%.0f\t%d"
      % (runs, statistics.median(times[1:]), os.path.getsize(out)))
print("note\t" + r.stdout.strip())
PY
/usr/bin/python3 "$REPO/bench/qgis_report.py" "$PROJECT" "$WORK/qgis.pdf" --runs 3 2>/dev/null
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
