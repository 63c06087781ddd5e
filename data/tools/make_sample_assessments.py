#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Generate SafeMap's sample self-assessments (deterministic, fixed seed).

Reads   data/sites/factories.csv                 (written by make_sample_sites.py)
        resources/criteria/extended-letters-v1.json   (the index ids and bands)
Writes  data/assessments/danh_gia_2021-06.csv        UTF-8, comma, CRLF
        data/assessments/danh_gia_2021-06_tcvn3.csv  the same in TCVN3 (ABC), only if
                                                     iconv has a TCVN 5712 converter

Columns: ma_so_thue, ngay_danh_gia, nguoi_nop, then one column per index of the extended
set, filled as an enterprise fills the form: numbers ("12.5" or "12,5"), "có"/"không"
(sometimes "Có", "x", "yes", "1", "0"), choice codes (sometimes the Vietnamese label).

What is in it, on purpose:
  * Factories with an account and a tax code get a late-May and a mid-June assessment when
    the account was issued in time; accounts issued later get one, a few days after.
  * About 8 % of the factories that have an account get none ("account but no assessment").
  * About 5 % stop after May (stale), about 15 % are riskier in June than in May.
  * Every level appears, for the extended set and for the ten CRLN columns alone.
  * A few sites sit exactly on a level boundary (10, 30, 50, 80 %) for both sets at once,
    and many answers sit exactly on a band edge (100 workers, 16 m², 7 days...).
  * A handful of blank cells (missing: scored as the worst case). Two unreadable cells
    ("1.200" is ambiguous, "nhiều" is not a number) go to a separate file, loi_mau.csv, so
    the main file imports cleanly and the second shows how a bad file is refused.
Factories without a tax code are skipped: the file is keyed by ma_so_thue.

Run with Debian's interpreter:  /usr/bin/python3 data/tools/make_sample_assessments.py
Running it twice gives byte-identical files. Standard library only (iconv for TCVN3).
"""

import csv
import datetime as dt
import io
import json
import os
import random
import shutil
import subprocess
import sys
import time
import unicodedata

SEED = 20210615  # mid June 2021, the second round; any fixed int would do

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
REPO = os.path.dirname(DATA)
FACTORIES = os.path.join(DATA, "sites", "factories.csv")
CRITERIA = os.path.join(REPO, "resources", "criteria", "extended-letters-v1.json")
OUT_DIR = os.path.join(DATA, "assessments")
OUT_UTF8 = os.path.join(OUT_DIR, "danh_gia_2021-06.csv")
OUT_TCVN3 = os.path.join(OUT_DIR, "danh_gia_2021-06_tcvn3.csv")

CRLN_COUNT = 10  # the first ten indices of the extended set are CRLN 1203's
MAY = (dt.date(2021, 5, 24), dt.date(2021, 5, 31))
JUNE = (dt.date(2021, 6, 23), dt.date(2021, 6, 29))
LAST_DAY = dt.date(2021, 6, 30)

# Fictitious submitters. No capital letter carries a tone mark, so the TCVN3 (ABC) copy,
# which has no such capitals, loses nothing.
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương",
          "Lương", "Trịnh", "Phan", "Mai"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Quang", "Thanh", "Ngọc", "Hữu", "Kim"]
GIVEN = ["Hùng", "Lan", "Tuấn", "Hà", "Thắng", "Mai", "Huy", "Tâm", "Hương", "Dũng", "Nga",
         "Phương", "Long", "Trang", "Sơn", "Hải", "Linh", "Quý", "Nam", "Hạnh", "Bình",
         "Thảo", "Khánh", "Giang"]


# ---------------------------------------------------------------------------------------
# The criteria set, read from its JSON so this script follows the shipped bands.
# ---------------------------------------------------------------------------------------

def fold(text):
    """Lower case without accents, as SafeMap compares answers (core/text/fold.h)."""
    s = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return " ".join(s.lower().split())


def in_band(band, v):
    if "min" in band and (v < band["min"] or (v == band["min"] and not band["min_inclusive"])):
        return False
    if "max" in band and (v > band["max"] or (v == band["max"] and not band["max_inclusive"])):
        return False
    return True


YES = {"co", "yes", "y", "x", "1", "true"}
NO = {"khong", "ko", "no", "n", "0", "false"}


def score_text(index, text):
    """Points of one answer text; (points_max, status) when missing or unreadable."""
    t = text.strip()
    worst = index["points_max"]
    if not t:
        return worst, "missing"
    kind = index["input"]
    if kind == "yes_no":
        f = fold(t)
        if f in YES:
            return index["yes_no"]["yes"], "ok"
        if f in NO:
            return index["yes_no"]["no"], "ok"
        return worst, "invalid"
    if kind == "choice":
        f = fold(t)
        for c in index["choices"]:
            if f in (fold(c["value"]), fold(c["label"]), fold(c["label_en"])):
                return c["points"], "ok"
        return worst, "invalid"
    t = t.rstrip("%").strip()
    if t.count(".") + t.count(",") == 1 and len(t.replace(",", ".").split(".")[1]) == 3:
        return worst, "invalid"  # "1.200": ambiguous, SafeMap refuses it
    try:
        v = float(t.replace(",", "."))
    except ValueError:
        return worst, "invalid"
    for b in index["bands"]:
        if in_band(b, v):
            return b["points"], "ok"
    return worst, "invalid"


def level_of(levels, percent):
    for lv in levels:
        if "upper" not in lv or percent < lv["upper"] or (
                percent == lv["upper"] and lv["upper_inclusive"]):
            return lv["id"]
    return levels[-1]["id"]


def options(index):
    """The distinct point values an index can score, ascending."""
    if index["input"] == "yes_no":
        return sorted({index["yes_no"]["yes"], index["yes_no"]["no"]})
    if index["input"] == "choice":
        return sorted({c["points"] for c in index["choices"]})
    return sorted({b["points"] for b in index["bands"]})


# ---------------------------------------------------------------------------------------
# Raw answers for a wanted number of points.
# ---------------------------------------------------------------------------------------

def number_text(v, rng, decimals):
    if decimals == 0 or float(v).is_integer():
        return str(int(round(v)))
    s = f"{v:.{decimals}f}".rstrip("0").rstrip(".")
    # Vietnamese forms often use a decimal comma; the CSV quotes such cells.
    return s.replace(".", ",") if rng.random() < 0.3 else s


def value_in_band(band, rng, integer, edge_bias=0.25):
    lo = band.get("min")
    hi = band.get("max")
    if lo is not None and hi is not None and lo == hi:
        return lo
    if lo is not None and band.get("min_inclusive") and rng.random() < edge_bias:
        return lo  # exactly on the band's lower edge
    if hi is not None and band.get("max_inclusive") and rng.random() < edge_bias:
        return hi
    if lo is None:
        lo = 0.0
    if hi is None:
        hi = lo * 2 + 10
    for _ in range(100):
        v = lo + (hi - lo) * rng.random()
        v = float(int(v)) if integer else round(v, 1)
        if in_band(band, v):
            return v
    return lo if in_band(band, lo) else hi


INTEGER_INDICES = {"workers_concurrent", "residential_areas", "testing_interval_days"}


def yes_no_text(yes, rng):
    u = rng.random()
    if u < 0.82:
        return "có" if yes else "không"
    if u < 0.90:
        return "Có" if yes else "Không"
    if u < 0.95:
        return "x" if yes else "0"
    return "yes" if yes else "no"


def answer_for(index, points, rng):
    kind = index["input"]
    if kind == "yes_no":
        return yes_no_text(index["yes_no"]["yes"] == points, rng)
    if kind == "choice":
        choices = [c for c in index["choices"] if c["points"] == points]
        c = choices[rng.randrange(len(choices))]
        return c["label"] if rng.random() < 0.15 else c["value"]
    bands = [b for b in index["bands"] if b["points"] == points]
    band = bands[rng.randrange(len(bands))]
    integer = index["id"] in INTEGER_INDICES
    if index["id"] == "testing_interval_days" and band.get("max") == 7:
        return str(rng.choice([5, 6, 7, 7, 3]))  # 2787/QĐ-BYT: every 5–7 days
    edge_bias = 0.05 if index["id"] == "vaccinated_share" else 0.25  # "100 %" was rare in 2021
    return number_text(value_in_band(band, rng, integer, edge_bias), rng, 0 if integer else 1)


# ---------------------------------------------------------------------------------------
# Choosing points that add up to a wanted total.
# ---------------------------------------------------------------------------------------

def solve(opts, target, rng, cap=None, prefer_low=0.0, prefer_high=()):
    """Pick one value from each list in opts so they sum to target (or as near as possible).

    Values above cap are left out when possible. prefer_low (0..1) favours small values,
    which keeps failed mandatory measures and vetoes rarer than blind chance would; the
    positions in prefer_high favour large values instead and are not capped.
    """
    if cap is not None:
        capped = [o if k in prefer_high else [v for v in o if v <= cap] or o[:1]
                  for k, o in enumerate(opts)]
        if reachable(capped, target):
            opts = capped
    if not reachable(opts, target):
        sums = sorted(suffix_sums(opts)[0], key=lambda s: (abs(s - target), s))
        target = sums[0]
    suffix = suffix_sums(opts)
    out, rem = [], target
    for i, o in enumerate(opts):
        feasible = [v for v in o if rem - v in suffix[i + 1]]
        weights = [(1.0 - prefer_low) + prefer_low / (1 + k) for k, _ in enumerate(feasible)]
        if i in prefer_high:
            weights.reverse()
        v = rng.choices(feasible, weights=weights)[0]
        out.append(v)
        rem -= v
    return out


def suffix_sums(opts):
    sums = [set() for _ in range(len(opts) + 1)]
    sums[len(opts)] = {0}
    for i in range(len(opts) - 1, -1, -1):
        sums[i] = {v + s for v in opts[i] for s in sums[i + 1]}
    return sums


def reachable(opts, target):
    return target in suffix_sums(opts)[0]


# ---------------------------------------------------------------------------------------

def wait_for(path, seconds=600):
    """factories.csv is written by make_sample_sites.py, possibly at the same time."""
    waited = 0
    while not os.path.exists(path):
        if waited >= seconds:
            sys.exit(f"{path} is missing: run data/tools/make_sample_sites.py first")
        if waited == 0:
            print(f"waiting for {path} ...", file=sys.stderr)
        time.sleep(5)
        waited += 5


LEVEL_RANGES = {  # percent ranges drawn from, per level (boundaries are added separately)
    "very_low": (10, 10), "low": (12, 28), "medium": (31, 48), "high": (52, 78),
    "very_high": (81, 92),
}
LEVEL_ORDER = ["very_low", "low", "medium", "high", "very_high"]


def main():
    wait_for(FACTORIES)
    with open(CRITERIA, encoding="utf-8") as fh:
        cset = json.load(fh)
    indices = cset["indices"]
    ids = [i["id"] for i in indices]
    by_id = {i["id"]: i for i in indices}
    opts = [options(i) for i in indices]
    assert ids[0] == "workers_concurrent" and "out_of_province_share" in ids

    with open(FACTORIES, encoding="utf-8-sig", newline="") as fh:
        factories = list(csv.DictReader(fh))
    rng = random.Random(SEED)

    keyed = [f for f in factories if f["ma_so_thue"].strip() and f["ngay_cap_tai_khoan"].strip()]
    seen = set()
    keyed = [f for f in keyed if not (f["ma_so_thue"] in seen or seen.add(f["ma_so_thue"]))]
    skipped_no_tax = sum(1 for f in factories
                         if not f["ma_so_thue"].strip() and f["ngay_cap_tai_khoan"].strip())

    order = sorted(range(len(keyed)), key=lambda i: keyed[i]["ma_so_thue"])
    shuffled = order[:]
    rng.shuffle(shuffled)
    n_none = round(0.08 * len(keyed))
    no_assessment = set(shuffled[:n_none])
    stale = set(shuffled[n_none:n_none + round(0.05 * len(keyed))])
    rising = set(shuffled[n_none + len(stale):n_none + len(stale) + round(0.15 * len(keyed))])

    def fixed_points(f, workers):
        w = score_text(by_id["workers_concurrent"], str(workers))[0]
        share = 100.0 * int(f["lao_dong_ngoai_tinh"]) / max(1, int(f["so_lao_dong"]))
        share = round(share, 1)
        o = score_text(by_id["out_of_province_share"], str(share))[0]
        return w, share, o

    # Sites exactly on a level boundary, for the extended set and the CRLN ten at once:
    # (CRLN total, total of the six extra indices) → 10/30/50/80 % of 100 and of 160.
    boundary_targets = [(10, 6), (30, 18), (30, 18), (50, 30), (50, 30), (80, 48), (80, 48)]
    candidates = [i for i in order if i not in no_assessment and i not in stale]
    boundary_sites = {}
    def perfect_possible(i):
        w_pts, _, o_pts = fixed_points(keyed[i], int(keyed[i]["lao_dong_ca_dong_nhat"]))
        return w_pts == 1 and o_pts == 1

    small = [i for i in candidates if perfect_possible(i)]
    pool = [i for i in candidates if i not in small[:1]]
    rng.shuffle(pool)
    if small:
        boundary_sites[small[0]] = boundary_targets[0]
    for i, t in zip(pool, boundary_targets[1:]):
        boundary_sites[i] = t
    very_low_sites = set(small[1:4])

    def assessment(f, idx, date, level, submitter, round_no, exact=None):
        workers = int(f["lao_dong_ca_dong_nhat"])
        if round_no == 2:
            workers = max(1, round(workers * (1 + rng.uniform(-0.08, 0.08))))
        w_pts, share, o_pts = fixed_points(f, workers)
        if exact:
            t_crln, t_extra = exact
        else:
            lo, hi = LEVEL_RANGES[level]
            p = rng.uniform(lo, hi)
            t_crln, t_extra = round(p), round(p * 0.6)
        free_crln = opts[1:CRLN_COUNT]
        extra_ids = [x for x in ids[CRLN_COUNT:] if x != "out_of_province_share"]
        free_extra = [opts[ids.index(x)] for x in extra_ids]
        # Medium sites are mostly safe (no index ≥ 7, vaccination included), a third vetoed.
        medium_safe = level == "medium" and rng.random() < 0.67
        cap = 6 if medium_safe or level in ("very_low", "low") else None
        low_pref = 0.9 if level in ("very_low", "low", "medium") else 0.5
        crln = [w_pts] + solve(free_crln, t_crln - w_pts, rng, cap, low_pref)
        # In June 2021 few workers were vaccinated yet: favour the high-points bands.
        vaccination = () if medium_safe else (extra_ids.index("vaccinated_share"),)
        extra = solve(free_extra, t_extra - o_pts, rng, cap, low_pref, prefer_high=vaccination)
        points = crln + extra[:1] + [o_pts] + extra[1:]  # out_of_province_share is 2nd extra
        assert ids[CRLN_COUNT + 1] == "out_of_province_share"
        row = {"ma_so_thue": f["ma_so_thue"], "ngay_danh_gia": date.isoformat(),
               "nguoi_nop": submitter}
        for k, index in enumerate(indices):
            if index["id"] == "workers_concurrent":
                row[index["id"]] = str(workers)
            elif index["id"] == "out_of_province_share":
                row[index["id"]] = number_text(share, rng, 1)
            else:
                row[index["id"]] = answer_for(index, points[k], rng)
        return row

    def pick_level(i):
        if i in very_low_sites:
            return "very_low"
        u = rng.random()
        return "low" if u < 0.33 else "medium" if u < 0.70 else "high" if u < 0.91 else "very_high"

    def person():
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"

    def day_in(span, not_before):
        first = max(span[0], not_before)
        if first > span[1]:
            return None
        return first + dt.timedelta(days=rng.randint(0, (span[1] - first).days))

    rows = []
    for i in order:
        if i in no_assessment:
            continue
        f = keyed[i]
        account = dt.date.fromisoformat(f["ngay_cap_tai_khoan"].strip())
        submitter = person()
        may = day_in(MAY, account + dt.timedelta(days=1))
        june = day_in(JUNE, account + dt.timedelta(days=1))
        if may is None and june is None:
            first = account + dt.timedelta(days=rng.randint(1, 5))
            june = min(first, LAST_DAY)
        exact = boundary_sites.get(i)
        level1 = pick_level(i)
        if i in rising:
            level2 = LEVEL_ORDER[min(4, LEVEL_ORDER.index(level1) + 1)]
        elif rng.random() < 0.25 and level1 not in ("very_low", "low"):
            level2 = LEVEL_ORDER[LEVEL_ORDER.index(level1) - 1]  # measures taken
        else:
            level2 = level1
        if may is not None:
            rows.append(assessment(f, i, may, level1, submitter, 1,
                                   exact if june is None or i in stale else None))
        if june is not None and i not in stale:
            if rng.random() < 0.2:
                submitter = person()
            rows.append(assessment(f, i, june, level2, submitter, 2, exact))

    # A few blank and unreadable cells, away from the boundary sites.
    on_boundary = {keyed[i]["ma_so_thue"] for i in boundary_sites}
    spoilable = [r for r in rows if r["ma_so_thue"] not in on_boundary]
    answer_ids = [x for x in ids if x != "workers_concurrent"]
    for n in range(6):
        spoilable[rng.randrange(len(spoilable))][rng.choice(answer_ids)] = ""
    bad = [dict(spoilable[rng.randrange(len(spoilable))]) for _ in range(3)]
    bad[1]["workers_concurrent"] = "1.200"
    bad[2]["residential_areas"] = "nhiều"

    rows.sort(key=lambda r: (r["ngay_danh_gia"], r["ma_so_thue"]))
    columns = ["ma_so_thue", "ngay_danh_gia", "nguoi_nop"] + ids
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n",
                       quoting=csv.QUOTE_MINIMAL)
    w.writeheader()
    w.writerows(rows)
    text = buf.getvalue()
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(OUT_UTF8, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n",
                       quoting=csv.QUOTE_MINIMAL)
    w.writeheader()
    w.writerows(bad)
    with open(os.path.join(OUT_DIR, "loi_mau.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())

    summarize(rows, indices, cset["levels"], len(keyed), n_none, skipped_no_tax)
    write_tcvn3(text)


def score_row(row, indices, levels, count):
    total, worst = 0, 0
    for index in indices[:count]:
        total += score_text(index, row[index["id"]])[0]
        worst += index["points_max"]
    percent = total * 100 / worst
    return total, percent, level_of(levels, percent)


def summarize(rows, indices, levels, n_keyed, n_none, skipped_no_tax):
    from collections import Counter
    ext = Counter(score_row(r, indices, levels, len(indices))[2] for r in rows)
    crln = Counter(score_row(r, indices, levels, CRLN_COUNT)[2] for r in rows)
    per_site = Counter(r["ma_so_thue"] for r in rows)
    boundary = sum(1 for r in rows
                   if score_row(r, indices, levels, len(indices))[1] in (10, 30, 50, 80))
    by_site = {}
    for r in rows:
        by_site.setdefault(r["ma_so_thue"], []).append(
            LEVEL_ORDER.index(score_row(r, indices, levels, len(indices))[2]))
    rising = sum(1 for v in by_site.values() if len(v) == 2 and v[1] > v[0])
    print(f"{OUT_UTF8}: {len(rows)} assessments of {len(per_site)} factories")
    print(f"  factories with an account and a tax code: {n_keyed}; without any assessment: "
          f"{n_none}; two assessments: {sum(1 for c in per_site.values() if c == 2)}; "
          f"risk rising May→June: {rising}")
    print(f"  skipped (account but no tax code): {skipped_no_tax}")
    print("  extended set levels: " + ", ".join(f"{k}={ext[k]}" for k in LEVEL_ORDER))
    print("  CRLN (10 indices) levels: " + ", ".join(f"{k}={crln[k]}" for k in LEVEL_ORDER))
    print(f"  on a level boundary (extended): {boundary}")
    missing = Counter(s for r in rows for i in indices for s in [score_text(i, r[i["id"]])[1]]
                      if s != "ok")
    print(f"  blank cells: {missing['missing']}, unreadable cells: {missing['invalid']}")
    percents = {score_row(r, indices, levels, len(indices))[1] for r in rows}
    assert all(p in percents for p in (10, 30, 50, 80)), "each boundary must appear"
    assert all(ext[k] > 0 for k in LEVEL_ORDER), "every level must appear"
    assert all(crln[k] > 0 for k in LEVEL_ORDER), "every level must appear (CRLN)"


# TCVN3 (ABC) has precomposed lower-case letters only, plus Đ Ă Â Ê Ô Ơ Ư; glibc's
# TCVN5712-1 (VN1) agrees with it on exactly those characters and adds capitals that ABC
# files never contain, so the output is refused if any other non-ASCII character occurs.
TCVN3_CAPITALS = set("ĐĂÂÊÔƠƯ")


def tcvn3_ok(text):
    for c in set(text):
        if ord(c) < 128 or c in TCVN3_CAPITALS:
            continue
        base = unicodedata.normalize("NFD", c)[0]
        if not ("a" <= base <= "z" or c == "đ") or c != c.lower():
            return False
    return True


def write_tcvn3(text):
    iconv = shutil.which("iconv")
    if iconv is None:
        print("  TCVN3 copy skipped: iconv is not installed")
        return
    if not tcvn3_ok(text):
        print("  TCVN3 copy skipped: the text has characters TCVN3 cannot hold")
        return
    res = subprocess.run([iconv, "-f", "UTF-8", "-t", "TCVN5712-1"], input=text.encode("utf-8"),
                         capture_output=True)
    if res.returncode != 0:
        print("  TCVN3 copy skipped: iconv has no TCVN5712-1 converter")
        return
    back = subprocess.run([iconv, "-f", "TCVN5712-1", "-t", "UTF-8"], input=res.stdout,
                          capture_output=True)
    if back.returncode != 0 or back.stdout.decode("utf-8") != text:
        print("  TCVN3 copy skipped: the conversion does not round-trip")
        return
    with open(OUT_TCVN3, "wb") as fh:
        fh.write(res.stdout)
    print(f"{OUT_TCVN3}: TCVN3 (ABC) copy, {len(res.stdout)} bytes")


if __name__ == "__main__":
    main()
