#!/usr/bin/env bash
# Assessment import and rules benchmark (issue 3, item 7), beside reference loaders.
#
#   bash bench/run_import_bench.sh [BUILD_DIR]        (from the repository root)
#
# BUILD_DIR defaults to build/bench and is configured as a Release build if it has no
# build.ninja yet (benchmarks of Debug or sanitizer builds mean nothing). The script then:
#   1. makes a 100,000-factory / 1,000-zone project: safemap generate --seed 42;
#   2. writes 1,000,000 assessment rows for those factories (bench/gen_assessments.cpp:
#      ten CRLN 1203 columns, ten rounds of every factory, UTF-8, about 87 MB);
#   3. times safemap import-assessments on a fresh copy of the project for each run;
#   4. times the same CSV into a GeoPackage with ogr2ogr -f GPKG (GDAL's defaults: every
#      field as text, -gt 100000; and again with -gt 65536) and into SQLite with the sqlite3
#      shell's .mode csv + .import (each into a file deleted before each run);
#   5. times safemap score (re-scores all 1,000,000 assessments), safemap list --suspend and
#      safemap list --inspect on the loaded project, output to /dev/null;
#   6. runs bench_scoring (in-memory scoring of 1,000,000 assessments, no storage).
# Each command runs RUNS times (default 3; RUNS=5 bash bench/run_import_bench.sh to change)
# and the median is reported; hyperfine is used when installed, else a loop over
# `date +%s.%N`. Everything bulky goes to WORK_DIR (default /tmp/safemap-import-bench),
# which is kept so the files can be inspected; the results table is printed at the end and
# saved as $WORK_DIR/results.md. Takes about 6 minutes on a 2-core machine.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$REPO/build/bench}
RUNS=${RUNS:-3}
WORK=${WORK_DIR:-/tmp/safemap-import-bench}
FACTORIES=${FACTORIES:-100000}  # smaller values make a quick smoke test of the script
ZONES=1000
ROWS=${ROWS:-1000000}
SEED=42

mkdir -p "$WORK"
if [[ ! -f $BUILD/build.ninja ]]; then
    cmake -S "$REPO" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >"$WORK/configure.log"
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt")
if [[ $build_type != Release ]]; then
    echo "run_import_bench: $BUILD is a '$build_type' build; benchmarks need Release" >&2
    exit 2
fi
echo "== building safemap, gen_assessments, bench_scoring in $BUILD"
cmake --build "$BUILD" --target safemap gen_assessments bench_scoring -j2 >"$WORK/build.log"
SAFEMAP=$BUILD/app/safemap

PROJECT=$WORK/project.gpkg
CSV=$WORK/assessments_1m.csv
echo "== data in $WORK"
rm -f "$PROJECT"
"$SAFEMAP" generate "$PROJECT" --factories $FACTORIES --zones $ZONES --seed $SEED
"$BUILD/bench/gen_assessments" "$CSV" --sites $FACTORIES --rows $ROWS
echo "$(wc -l <"$CSV") lines, $(du -m "$CSV" | cut -f1) MB: $CSV"

RESULTS=$WORK/results.tsv
: >"$RESULTS"

# measure NAME PREPARE COMMAND: runs COMMAND $RUNS times, PREPARE (untimed) before each,
# and appends "NAME<TAB>median<TAB>min<TAB>max<TAB>runs<TAB>cpu" (seconds) to $RESULTS, where
# cpu is the mean user + system time (hyperfine only, else "-"): on a shared machine the
# wall time varies with the load, the CPU time much less.
measure() {
    local name=$1 prepare=$2 command=$3
    echo "== $name"
    if command -v hyperfine >/dev/null; then
        hyperfine --runs "$RUNS" --prepare "$prepare" --export-json "$WORK/hf.json" \
            --command-name "$name" --style basic "$command" >&2
        /usr/bin/python3 - "$WORK/hf.json" "$name" >>"$RESULTS" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("\t".join([sys.argv[2], "%.3f" % r["median"], "%.3f" % r["min"], "%.3f" % r["max"],
                 str(len(r["times"])), "%.3f" % (r["user"] + r["system"])]))
EOF
    else
        local times=() t0 t1
        for ((i = 0; i < RUNS; i++)); do
            bash -c "$prepare"
            t0=$(date +%s.%N)
            bash -c "$command" >/dev/null
            t1=$(date +%s.%N)
            times+=("$(echo "$t1 - $t0" | bc -l)")
            echo "  run $((i + 1)): ${times[-1]} s" >&2
        done
        printf '%s\n' "${times[@]}" | sort -g | awk -v n="$name" '
            { v[NR] = $1 }
            END { printf "%s\t%.3f\t%.3f\t%.3f\t%d\t-\n", n, v[int((NR + 1) / 2)], v[1], v[NR], NR }' \
            >>"$RESULTS"
    fi
}

LOADED=$WORK/loaded.gpkg
measure "safemap import-assessments" "cp '$PROJECT' '$LOADED'" \
    "'$SAFEMAP' import-assessments '$LOADED' '$CSV' >/dev/null"
OGR=$WORK/ogr2ogr.gpkg
measure "ogr2ogr -f GPKG (defaults, -gt 100000)" "rm -f '$OGR'" \
    "ogr2ogr -f GPKG '$OGR' '$CSV' -nln assessments"
measure "ogr2ogr -f GPKG -gt 65536" "rm -f '$OGR'" \
    "ogr2ogr -f GPKG -gt 65536 '$OGR' '$CSV' -nln assessments"
SQLITE_DB=$WORK/sqlite_import.db
measure "sqlite3 .mode csv + .import" "rm -f '$SQLITE_DB'" \
    "sqlite3 '$SQLITE_DB' -cmd '.mode csv' '.import $CSV assessments'"

# The loaded project of the last import run (10 assessments per factory by default).
measure "safemap score (all assessments)" "true" "'$SAFEMAP' score '$LOADED' >/dev/null"
measure "safemap list --suspend" "true" "'$SAFEMAP' list '$LOADED' --suspend >/dev/null"
measure "safemap list --inspect" "true" "'$SAFEMAP' list '$LOADED' --inspect >/dev/null"

echo "== bench_scoring (in memory)"
"$BUILD/bench/bench_scoring" --runs "$RUNS" --criteria-dir "$REPO/resources/criteria" |
    tee "$WORK/bench_scoring.txt"
# The first batch line is the CRLN set's: "... 1000000 in 56.9 ms = ...".
batch_ms=$(awk '/batch API/ { for (i = 1; i <= NF; i++) if ($i == "ms") { print $(i - 1); exit } }' \
    "$WORK/bench_scoring.txt")

# Facts worth printing beside the times.
suspend_n=$(("$("$SAFEMAP" list "$LOADED" --suspend | wc -l)" - 1))
inspect_n=$(("$("$SAFEMAP" list "$LOADED" --inspect | wc -l)" - 1))
project_mb=$(du -m "$LOADED" | cut -f1)
ogr_mb=$(du -m "$OGR" | cut -f1)

/usr/bin/python3 - "$RESULTS" "$ROWS" "$batch_ms" "$suspend_n" "$inspect_n" "$project_mb" \
    "$ogr_mb" "$RUNS" "$FACTORIES" >"$WORK/results.md" <<'EOF'
import sys
path, rows, batch_ms, suspend_n, inspect_n, project_mb, ogr_mb, runs, sites = sys.argv[1:]
rows = int(rows)
res = {}
order = []
for line in open(path):
    name, med, lo, hi, n, cpu = line.rstrip("\n").split("\t")
    res[name] = (float(med), float(lo), float(hi), int(n), cpu)
    order.append(name)
ogr = res["ogr2ogr -f GPKG (defaults, -gt 100000)"][0]
loaders = [n for n in order if n.startswith(("safemap import", "ogr2ogr", "sqlite3"))]
print("Loading %d assessment rows (median of %s runs; min–max in brackets)\n" % (rows, runs))
print("| loader | median s | min–max s | rows/s | time ÷ ogr2ogr default | CPU s (user+sys) |")
print("|---|---:|---:|---:|---:|---:|")
for n in loaders:
    med, lo, hi, _, cpu = res[n]
    print("| %s | %.2f | %.2f–%.2f | %s | %.2f× | %s |" % (
        n, med, lo, hi, format(round(rows / med), ","), med / ogr, cpu))
print("\nRules over the loaded project (%d assessments, %s factories)\n" % (rows, sites))
print("| command | median s | min–max s | CPU s (user+sys) | output |")
print("|---|---:|---:|---:|---|")
outputs = {"safemap list --suspend": "%s facilities" % suspend_n,
           "safemap list --inspect": "%s facilities" % inspect_n,
           "safemap score (all assessments)": "%s assessments re-scored" % format(rows, ",")}
total = 0.0
for n in order:
    if n in loaders:
        continue
    med, lo, hi, _, cpu = res[n]
    total += med
    print("| %s | %.2f | %.2f–%.2f | %s | %s |" % (n, med, lo, hi, cpu, outputs.get(n, "")))
print("| **score + both lists** | **%.2f** | | | goal: under 1 s |" % total)
print("| bench_scoring, batch API, CRLN set (in memory, no storage) | %.3f | | | 1,000,000 scored |"
      % (float(batch_ms) / 1000))
imp = res["safemap import-assessments"][0]
print("\nGoal 1, import at least as fast as ogr2ogr: %s (%.2f s vs %.2f s)."
      % ("met" if imp <= ogr else "NOT met", imp, ogr))
print("Goal 2, score + both lists under 1 s: %s (%.2f s)." % ("met" if total < 1 else "NOT met",
                                                              total))
print("Project after the import: %s MB; ogr2ogr's GeoPackage: %s MB." % (project_mb, ogr_mb))
EOF
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/results.md"
echo
cat "$WORK/results.md"
