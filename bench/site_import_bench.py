#!/usr/bin/python3
"""Factory import of issue 8 (goal 4), beside ogr2ogr in the same run.

    /usr/bin/python3 bench/site_import_bench.py --safemap BUILD/app/safemap \\
        [--before OTHER/app/safemap] [--work /tmp/sites] [--rows 100000] [--runs 5] [--shuffled]

Writes (once, kept in --work) a CSV of ROWS fictitious factories with longitude and latitude
(tax code, name, lon, lat, province, district, workers; about 10 MB for 100,000), in tax-code
order, or with --shuffled in a random order (as a real list is: every tax-code index insert
then lands somewhere else). Then, RUNS
times and interleaved, each into a file deleted first:

  * safemap import NEW.gpkg CSV  (a new project: matching, validation, change log, index)
  * the same with --before, another build, in the same runs
  * ogr2ogr -f GPKG OUT CSV -oo X_POSSIBLE_NAMES=kinh_do -oo Y_POSSIBLE_NAMES=vi_do
    -a_srs EPSG:4326 -nln factories  (GDAL's CSV driver to GeoPackage points, with its
    spatial index)

Each under /usr/bin/time (wall, user + system CPU, peak RSS), with the load average before
and after. Prints a Markdown table: median and range of wall time, median CPU, peak RSS,
and the ratio to ogr2ogr's median. Goal 4: safemap's time at most half of ogr2ogr's.
"""
import argparse
import os
import random
import statistics
import subprocess
import sys


def timed(cmd):
    load0 = os.getloadavg()[0]
    tf = "/tmp/site_import_bench_time.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(["/usr/bin/time", "-o", tf, "-f", "%e %U %S %M"] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if r.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (r.returncode, " ".join(cmd), r.stderr.decode()[-2000:]))
    wall, user, sys_, rss = open(tf).read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) / 1024.0, load0, os.getloadavg()[0]


def write_csv(path, rows, shuffled):
    rng = random.Random(7)
    order = list(range(rows))
    if shuffled:
        random.Random(8).shuffle(order)
    with open(path, "w", encoding="utf-8") as f:
        f.write("ma_so_thue,ten_co_so,kinh_do,vi_do,tinh,huyen,so_lao_dong\n")
        for i in order:
            f.write("%d,Cơ sở thử %d (dữ liệu tổng hợp),%.6f,%.6f,Hà Nam,Duy Tiên,%d\n"
                    % (9600000000 + i, i, 105.70 + rng.random() * 0.5,
                       20.30 + rng.random() * 0.4, rng.randint(10, 3000)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--safemap", required=True)
    ap.add_argument("--before")
    ap.add_argument("--work", default="/tmp/sites")
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--shuffled", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    csv = os.path.join(a.work, "factories_%d%s.csv" % (a.rows, "_shuffled" if a.shuffled else ""))
    if not os.path.exists(csv):
        write_csv(csv, a.rows, a.shuffled)
    out = os.path.join(a.work, "out.gpkg")
    tools = {"safemap import": lambda: [a.safemap, "import", out, csv]}
    if a.before:
        tools["safemap import, before"] = lambda: [a.before, "import", out, csv]
    tools["ogr2ogr -f GPKG"] = lambda: [
        "ogr2ogr", "-f", "GPKG", out, csv, "-oo", "X_POSSIBLE_NAMES=kinh_do", "-oo",
        "Y_POSSIBLE_NAMES=vi_do", "-a_srs", "EPSG:4326", "-nln", "factories"]
    samples = {name: [] for name in tools}
    for _ in range(a.runs):
        for name, cmd in tools.items():
            if os.path.exists(out):
                os.remove(out)
            samples[name].append(timed(cmd()))
    ref = statistics.median(s[0] for s in samples["ogr2ogr -f GPKG"])
    print("### %d factories from CSV, %s (median of %d interleaved runs)\n"
          % (a.rows, "shuffled" if a.shuffled else "in tax-code order", a.runs))
    print("| command | median s | min–max s | CPU s (user+sys) | peak RSS MB | ÷ ogr2ogr | load |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, s in samples.items():
        walls = [x[0] for x in s]
        loads = [v for x in s for v in (x[3], x[4])]
        print("| %s | %.2f | %.2f–%.2f | %.2f | %.0f | %.2f× | %.1f–%.1f |"
              % (name, statistics.median(walls), min(walls), max(walls),
                 statistics.median(x[1] for x in s), max(x[2] for x in s),
                 statistics.median(walls) / ref, min(loads), max(loads)))
    mine = statistics.median(x[0] for x in samples["safemap import"])
    print("\nGoal 4 (at most half of ogr2ogr's time): %s — %.2f s against %.2f s (%.2f×)."
          % ("met" if mine <= ref / 2 else "not met", mine, ref, mine / ref))


if __name__ == "__main__":
    main()
