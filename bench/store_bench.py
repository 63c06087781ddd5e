#!/usr/bin/python3
"""Storage benchmark of issue 8, beside the reference tools in the same run.

    /usr/bin/python3 bench/store_bench.py --safemap BUILD/app/safemap \\
        --gen BUILD/bench/gen_assessments --work /tmp/store [--runs 3] [--label NAME]

Makes (once, kept in --work) a 100,000-factory / 1,000-zone project with `safemap generate
--seed 42` and the 1,000,000-row assessment CSV of bench/gen_assessments. Then, RUNS times
and interleaved (so a change of load hits every tool alike), on a fresh copy of the
project / a deleted output each time:

  * safemap import-assessments PROJECT CSV (and with --before, another build's, in the same runs)
  (goal 1: time <= sqlite3 .import, peak RSS < 200 MB)
  * sqlite3 OUT -cmd '.mode csv' '.import CSV assessments'
  * ogr2ogr -f GPKG OUT CSV -nln assessments
and then, RUNS times, safemap score --criteria under another set on a fresh copy of the
loaded project followed by that set's two lists there (goal 3 whole), and safemap score,
list --suspend, list --inspect on the loaded project under its active set.

Each command runs under /usr/bin/time: wall, user + system CPU and peak RSS. The load
average is read before and after every run. Prints a Markdown table (median, min-max) and
the project growth beside the size of ogr2ogr's GeoPackage (goal 2); --label names the
build in the output, so figures of two builds can be put side by side.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys


def timed(cmd, out_path=None):
    """Runs cmd under /usr/bin/time; returns (wall s, cpu s, peak RSS MB, load before, after)."""
    load0 = os.getloadavg()[0]
    tf = "/tmp/store_bench_time.txt"
    with open(out_path or os.devnull, "wb") as out:
        r = subprocess.run(["/usr/bin/time", "-o", tf, "-f", "%e %U %S %M"] + cmd, stdout=out,
                           stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (r.returncode, " ".join(cmd), r.stderr.decode()[-2000:]))
    wall, user, sys_, rss = open(tf).read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) / 1024.0, load0, os.getloadavg()[0]


def summary(samples):
    walls = [s[0] for s in samples]
    return {
        "median": statistics.median(walls), "min": min(walls), "max": max(walls),
        "cpu": statistics.median(s[1] for s in samples),
        "rss": max(s[2] for s in samples),
        "load": (min(min(s[3], s[4]) for s in samples), max(max(s[3], s[4]) for s in samples)),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--safemap", required=True)
    ap.add_argument("--before", help="another safemap build to time in the same runs")
    ap.add_argument("--gen", required=True)
    ap.add_argument("--work", default="/tmp/store")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--factories", type=int, default=100000)
    ap.add_argument("--rows", type=int, default=1000000)
    ap.add_argument("--label", default="")
    ap.add_argument("--skip-rules", action="store_true", help="only the import and sizes")
    a = ap.parse_args()
    # The CLI finds the shipped criteria set through SAFEMAP_HOME when run from a copy.
    os.environ.setdefault("SAFEMAP_HOME", os.path.dirname(os.path.dirname(os.path.abspath(
        __file__))))
    os.makedirs(a.work, exist_ok=True)
    base = os.path.join(a.work, "base_%d.gpkg" % a.factories)
    csv = os.path.join(a.work, "assessments_%d.csv" % a.rows)
    if not os.path.exists(base):
        subprocess.run([a.safemap, "generate", base, "--factories", str(a.factories), "--zones",
                        "1000", "--seed", "42"], check=True, stdout=subprocess.DEVNULL)
    # Each build starts from a base it wrote itself: a build of another schema version may
    # not open the other's file (an older one refuses a newer schema).
    base_before = os.path.join(a.work, "base_before_%d.gpkg" % a.factories)
    if a.before:
        if os.path.exists(base_before):
            os.remove(base_before)
        subprocess.run([a.before, "generate", base_before, "--factories", str(a.factories),
                        "--zones", "1000", "--seed", "42"], check=True, stdout=subprocess.DEVNULL)
    if not os.path.exists(csv):
        subprocess.run([a.gen, csv, "--sites", str(a.factories), "--rows", str(a.rows)],
                       check=True, stdout=subprocess.DEVNULL)
    loaded = os.path.join(a.work, "loaded.gpkg")
    sq = os.path.join(a.work, "sqlite_import.db")
    ogr = os.path.join(a.work, "ogr2ogr.gpkg")
    res = {"safemap import-assessments": [], "sqlite3 .mode csv + .import": [],
           "ogr2ogr -f GPKG": []}
    if a.before:
        res["safemap import-assessments, --before build"] = []
    for i in range(a.runs):
        if a.before:
            before = os.path.join(a.work, "loaded_before.gpkg")
            shutil.copyfile(base_before, before)
            res["safemap import-assessments, --before build"].append(
                timed([a.before, "import-assessments", before, csv]))
            before_mb = os.path.getsize(before) / 1e6
            if i + 1 < a.runs:
                os.remove(before)
        shutil.copyfile(base, loaded)
        res["safemap import-assessments"].append(
            timed([a.safemap, "import-assessments", loaded, csv]))
        for p in (sq, ogr):
            if os.path.exists(p):
                os.remove(p)
        res["sqlite3 .mode csv + .import"].append(
            timed(["sqlite3", sq, "-cmd", ".mode csv", ".import %s assessments" % csv]))
        res["ogr2ogr -f GPKG"].append(timed(["ogr2ogr", "-f", "GPKG", ogr, csv, "-nln",
                                             "assessments"]))
        print("run %d: %s" % (i + 1, ", ".join("%s %.2f s" % (k, v[-1][0])
                                                 for k, v in res.items())), file=sys.stderr)
    rules = {}
    if not a.skip_rules:
        # Interleaved like the imports: this build, then (with --before) the other on its own
        # loaded project, run after run.
        builds = [("", a.safemap, loaded)]
        if a.before:
            builds.append((", --before build", a.before, before))
        samples = {}
        other_set = os.path.join(os.environ["SAFEMAP_HOME"], "resources", "criteria",
                                 "extended-letters-v1.json")
        for _ in range(a.runs):
            for suffix, exe, project in builds:
                # Under another set, the first time (a fresh copy each run): every block is
                # written. `score` again under the active set writes only what changed.
                fresh = os.path.join(a.work, "other_set.gpkg")
                shutil.copyfile(project, fresh)
                samples.setdefault("safemap score --criteria another set, first time" + suffix,
                                   []).append(timed([exe, "score", fresh, "--criteria", other_set]))
                # Goal 3 whole: that set's own lists, on the project it just scored.
                for name, flag in (("safemap list --suspend, under that set", "--suspend"),
                                   ("safemap list --inspect, under that set", "--inspect")):
                    samples.setdefault(name + suffix, []).append(
                        timed([exe, "list", fresh, flag]))
                os.remove(fresh)
                for name, args in (("safemap score", ["score", project]),
                                   ("safemap list --suspend", ["list", project, "--suspend"]),
                                   ("safemap list --inspect", ["list", project, "--inspect"])):
                    samples.setdefault(name + suffix, []).append(timed([exe] + args))
        rules = {k: summary(v) for k, v in samples.items()}

    mb = lambda p: os.path.getsize(p) / 1e6
    growth, ogr_mb = mb(loaded) - mb(base), mb(ogr)
    s = {k: summary(v) for k, v in res.items()}
    ref = s["sqlite3 .mode csv + .import"]["median"]
    print("### %s%d assessment rows, %d factories (median of %d, interleaved runs)\n"
          % (a.label + ": " if a.label else "", a.rows, a.factories, a.runs))
    print("| command | median s | min–max s | CPU s | peak RSS MB | ÷ sqlite3 | load avg |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for k, v in list(s.items()) + list(rules.items()):
        print("| %s | %.2f | %.2f–%.2f | %.2f | %.0f | %s | %.1f–%.1f |" % (
            k, v["median"], v["min"], v["max"], v["cpu"], v["rss"],
            "%.2f×" % (v["median"] / ref) if k in s else "", v["load"][0], v["load"][1]))
    imp = s["safemap import-assessments"]
    print("\nProject %.0f MB → %.0f MB: growth %.0f MB; ogr2ogr's GeoPackage %.0f MB (%.2f×)."
          % (mb(base), mb(loaded), growth, ogr_mb, growth / ogr_mb))
    if a.before:
        print("--before build: project %.0f MB → %.0f MB: growth %.0f MB (%.2f×)."
              % (mb(base_before), before_mb, before_mb - mb(base_before),
                 (before_mb - mb(base_before)) / ogr_mb))
    print("Goal 1 (import <= sqlite3 .import, never slower than ogr2ogr, peak RSS < 200 MB): "
          "%s — %.2f s vs sqlite3 %.2f s, ogr2ogr %.2f s, %.0f MB."
          % ("met" if imp["median"] <= ref and imp["rss"] < 200 else "NOT met", imp["median"],
             ref, s["ogr2ogr -f GPKG"]["median"], imp["rss"]))
    print("Goal 2 (growth <= 1.2× ogr2ogr's GeoPackage): %s — %.2f×."
          % ("met" if growth <= 1.2 * ogr_mb else "NOT met", growth / ogr_mb))
    if rules:
        def lists(under_that_set):
            return sum(v["median"] for k, v in rules.items() if k.startswith("safemap list")
                       and "--before" not in k and ("under that set" in k) == under_that_set)
        first = rules["safemap score --criteria another set, first time"]["median"]
        again = rules["safemap score"]["median"]
        print("Goal 3 (re-score under another set + both lists < 0.3 s): %s — %.2f s with that "
              "set's own lists; %.2f s with the active set's lists; %.2f s with `score` again "
              "under the active set."
              % ("met" if first + lists(True) < 0.3 else "NOT met", first + lists(True),
                 first + lists(False), again + lists(False)))


if __name__ == "__main__":
    main()
