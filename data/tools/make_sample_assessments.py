#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Generate SafeMap's sample self-assessments (deterministic, fixed seed).

Reads   data/sites/factories.csv                 (written by make_sample_sites.py)
        resources/criteria/extended-letters-v1.json   (the index ids and bands)
Writes  data/assessments/danh_gia_2021-06.csv        UTF-8, comma, CRLF
        data/assessments/danh_gia_2021-06_tcvn3.csv  the same in TCVN3 (ABC), only if
                                                     iconv has a TCVN 5712 converter
        data/assessments/loi_mau.csv                 three rows, two of them unreadable

Columns: ma_so_thue, ngay_danh_gia, nguoi_nop, then one column per index of the extended
set, filled as an enterprise fills the form: numbers ("12.5" or "12,5"), "có"/"không"
(sometimes "Có", "x", "yes", "1", "0"), choice codes (sometimes the Vietnamese label).

A province at the end of June 2021, as its officials would see it (the shares below are of
the factories that have an account on the national system and a tax code; the file is
keyed by tax code, so factories without one are left out; data/README.md has the numbers):

  * Reporting is weekly. Each factory's two newest rounds are in the file: the latest and,
    when the account is old enough, the one a week (6–8 days) before. The newest date is
    30/06/2021, so the lists are made for that day.
  * Timeliness: 94 % assessed in the last 5 days; 3 % six or seven days ago (the
    "stale" inspection reason); 1.5 % 9–22 days ago (overdue: the suspension reason (iii));
    2 % never assessed although their account is old, and every account issued on 29 or
    30 June has no assessment yet. Accounts issued in the last ten days have one
    assessment, one to three days after the account.
  * Level of the latest assessment (CRLN 1203, and the extended set alike): very low 4 %,
    low 52 %, medium 38 % (of which about one in twenty has an index of 7 or more: vetoed),
    high 4.5 %, very high 1.5 %. A factory whose concurrent workforce alone scores 7 (1,000
    or more at once) is not put at medium, where that index would veto it: large plants
    had the means to put the measures in place.
  * Mandatory measures (hand washing, masks, isolation room, shifts by residence) are in
    place except at very high sites and at 1 % of the others, which fail one of them.
  * Trend since the week before: 3 % rose by 6–14 points (the "rising" reason), 15 %
    improved by 3–12 points (measures taken), the rest moved by less than 4.
  * Every level appears for the extended set and for the ten CRLN columns alone; a few
    sites sit exactly on a level boundary (10, 30, 50, 80 %) for both sets at once, and many
    answers sit exactly on a band edge (100 workers, 16 m², 7 days...).
  * Six blank cells (missing: scored as the worst case), all in the earlier round so that
    they do not decide today's lists. Two unreadable cells ("1.200" is ambiguous, "nhiều"
    is not a number) go to loi_mau.csv, so the main file imports cleanly and the second
    shows how a bad file is refused.

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

SEED = 20210630  # the list date; any fixed int would do

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
REPO = os.path.dirname(DATA)
FACTORIES = os.path.join(DATA, "sites", "factories.csv")
CRITERIA = os.path.join(REPO, "resources", "criteria", "extended-letters-v1.json")
OUT_DIR = os.path.join(DATA, "assessments")
OUT_UTF8 = os.path.join(OUT_DIR, "danh_gia_2021-06.csv")
OUT_TCVN3 = os.path.join(OUT_DIR, "danh_gia_2021-06_tcvn3.csv")

CRLN_COUNT = 10  # the first ten indices of the extended set are CRLN 1203's
AS_OF = dt.date(2021, 6, 30)  # the newest assessment: the day the lists are made for

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

def solve(opts, target, rng, cap=None, prefer_low=0.0, prefer_high=(), strict=False):
    """Pick one value from each list in opts so they sum to target (or as near as possible).

    Values above cap are left out when possible, and always when strict (the sum then
    comes as near the target as the capped values allow). prefer_low (0..1) favours small
    values, which keeps failed mandatory measures and vetoes rarer than blind chance would;
    the positions in prefer_high favour large values instead and are not capped.
    """
    if cap is not None:
        capped = [o if k in prefer_high else [v for v in o if v <= cap] or o[:1]
                  for k, o in enumerate(opts)]
        if strict or reachable(capped, target):
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




# ---------------------------------------------------------------------------------------
# The province at the end of June 2021 (see the module docstring and data/README.md).
# ---------------------------------------------------------------------------------------

SHARE_NONE = 0.015       # old account, never assessed
SHARE_OVERDUE = 0.015    # latest 9–22 days before AS_OF
SHARE_STALE = 0.03       # latest 6–7 days before AS_OF
SHARE_FAILED_MANDATORY = 0.01
SHARE_RISING = 0.025
SHARE_IMPROVING = 0.15
# Percent of the assessed factories. The last three are quotas (exact counts, boundary
# sites included), the first three weights.
LEVEL_WEIGHTS = [("very_low", 4.0), ("low", 55.0), ("medium", 38.6), ("medium_veto", 0.8),
                 ("high", 1.6), ("very_high", 0.8)]
LEVEL_RANGES = {  # CRLN percent (= points of the ten indices) drawn from, per level
    # A medium site with no index above 6 cannot score much over a third under CRLN
    # (its bands' values up to 6 add up to 32 or so besides the workforce index).
    "very_low": (10, 10), "low": (12, 28), "medium": (30, 35), "medium_veto": (31, 48),
    "high": (52, 78), "very_high": (81, 90),
}
LEVEL_ORDER = ["very_low", "low", "medium", "high", "very_high"]
MANDATORY = {"hand_washing", "masks_worn", "isolation_room", "shifts_by_residence"}


def crln_level(percent):
    return ("very_low" if percent <= 10 else "low" if percent < 30 else "medium" if percent < 50
            else "high" if percent < 80 else "very_high")


def weighted_pick(rng, pairs):
    """One value of (value, weight) pairs."""
    total = sum(w for _, w in pairs)
    u = rng.random() * total
    for value, w in pairs:
        u -= w
        if u < 0:
            return value
    return pairs[-1][0]


def main():
    wait_for(FACTORIES)
    with open(CRITERIA, encoding="utf-8") as fh:
        cset = json.load(fh)
    indices = cset["indices"]
    ids = [i["id"] for i in indices]
    by_id = {i["id"]: i for i in indices}
    opts = [options(i) for i in indices]
    assert ids[0] == "workers_concurrent" and ids[CRLN_COUNT + 1] == "out_of_province_share"
    assert all(by_id[m]["mandatory"] for m in MANDATORY)

    with open(FACTORIES, encoding="utf-8-sig", newline="") as fh:
        factories = list(csv.DictReader(fh))
    rng = random.Random(SEED)

    keyed = [f for f in factories if f["ma_so_thue"].strip() and f["ngay_cap_tai_khoan"].strip()]
    seen = set()
    keyed = [f for f in keyed if not (f["ma_so_thue"] in seen or seen.add(f["ma_so_thue"]))]
    skipped_no_tax = sum(1 for f in factories
                         if not f["ma_so_thue"].strip() and f["ngay_cap_tai_khoan"].strip())
    account = [dt.date.fromisoformat(f["ngay_cap_tai_khoan"].strip()) for f in keyed]

    def fixed_points(f, workers):
        w = score_text(by_id["workers_concurrent"], str(workers))[0]
        share = 100.0 * int(f["lao_dong_ngoai_tinh"]) / max(1, int(f["so_lao_dong"]))
        share = round(share, 1)
        o = score_text(by_id["out_of_province_share"], str(share))[0]
        return w, share, o

    # --- who assessed when
    order = sorted(range(len(keyed)), key=lambda i: keyed[i]["ma_so_thue"])
    shuffled = order[:]
    rng.shuffle(shuffled)
    old = [i for i in shuffled if account[i] <= AS_OF - dt.timedelta(days=30)]
    n = len(keyed)
    never = set(old[:round(SHARE_NONE * n)])
    overdue = set(old[len(never):len(never) + round(SHARE_OVERDUE * n)])
    rest = [i for i in shuffled if i not in never | overdue]
    stale = set(rest[:round(SHARE_STALE * n)])
    current = [i for i in order if i in set(rest) - stale]

    # --- at what level
    # Sites exactly on a level boundary, for the extended set and the CRLN ten at once:
    # (CRLN total, total of the six extra indices) → 10/30/50/80 % of 100 and of 160.
    boundary_targets = [(10, 6), (30, 18), (50, 30), (80, 48)]
    boundary_level = {10: "very_low", 30: "medium", 50: "high", 80: "very_high"}

    def perfect_possible(i):
        w_pts, _, o_pts = fixed_points(keyed[i], int(keyed[i]["lao_dong_ca_dong_nhat"]))
        return w_pts == 1 and o_pts == 1

    small = [i for i in current if perfect_possible(i)]
    pool = [i for i in current if i not in small[:1]]
    rng.shuffle(pool)
    boundary_sites = {}
    if small:
        boundary_sites[small[0]] = boundary_targets[0]
    for i, t in zip(pool, boundary_targets[1:]):
        boundary_sites[i] = t

    # The rare levels by quota (so the sample always has them), the rest by weight.
    assessed = [i for i in order if i not in never]
    n_assessed = len(assessed)
    quota = {lv: round(w / 100 * n_assessed) for lv, w in LEVEL_WEIGHTS
             if lv in ("medium_veto", "high", "very_high")}
    for t in boundary_sites.values():
        lv = boundary_level[t[0]]
        if lv in quota:
            quota[lv] = max(0, quota[lv] - 1)
    common = [(lv, w) for lv, w in LEVEL_WEIGHTS if lv not in quota]
    level, trend = {}, {}
    picks = [i for i in shuffled if i in set(assessed) - set(boundary_sites)]
    for i in boundary_sites:
        level[i] = boundary_level[boundary_sites[i][0]]
    for lv, k in quota.items():
        takers = [i for i in picks if i not in level][:k]
        for i in takers:
            level[i] = lv
    for i in assessed:
        if i in level:
            continue
        lv = weighted_pick(rng, common)
        w_pts = fixed_points(keyed[i], int(keyed[i]["lao_dong_ca_dong_nhat"]))[0]
        if lv == "very_low" and not perfect_possible(i):
            lv = "low"
        if lv == "medium" and w_pts >= 7:
            lv = "low"  # the workforce index alone would veto a medium site
        level[i] = lv
    for i in assessed:
        u = rng.random()
        trend[i] = ("rising" if u < SHARE_RISING else
                    "improving" if u < SHARE_RISING + SHARE_IMPROVING else "stable")
    ordinary = [i for i in picks if level[i] in ("very_low", "low", "medium")]
    failed_mandatory = set(ordinary[:round(SHARE_FAILED_MANDATORY * n_assessed)])

    def assessment(f, date, target, mode, submitter, earlier):
        """One row: `target` = (CRLN points, points of the six extra indices); `mode` says
        how free the answers are ("safe": no index above 6; "veto": one index at 7 or more;
        "free"; "fail": one mandatory measure not in place)."""
        workers = int(f["lao_dong_ca_dong_nhat"])
        if earlier:
            workers = max(1, round(workers * (1 + rng.uniform(-0.08, 0.08))))
        w_pts, share, o_pts = fixed_points(f, workers)
        t_crln, t_extra = target
        free_ids = ids[1:CRLN_COUNT]
        extra_ids = [x for x in ids[CRLN_COUNT:] if x != "out_of_province_share"]
        free_opts = [list(opts[ids.index(x)]) for x in free_ids]
        extra_opts = [list(opts[ids.index(x)]) for x in extra_ids]
        if mode != "free":
            # Mandatory measures in place (a failing answer scores the index's maximum).
            for o_list, id_list in ((free_opts, free_ids), (extra_opts, extra_ids)):
                for k, x in enumerate(id_list):
                    if x in MANDATORY:
                        o_list[k] = [v for v in o_list[k] if v < by_id[x]["points_max"]]
        if mode == "fail":
            k = free_ids.index(rng.choice(["hand_washing", "masks_worn"]))
            free_opts[k] = [by_id[free_ids[k]]["points_max"]]
        elif mode == "veto":
            candidates = [k for k, x in enumerate(free_ids) if x not in MANDATORY]
            k = candidates[rng.randrange(len(candidates))]
            free_opts[k] = [v for v in free_opts[k] if v >= 7] or free_opts[k]
        cap = 6 if mode == "safe" else None
        low_pref = 0.5 if mode == "free" else 0.9
        strict = mode == "safe"  # no index above 6, even if the total comes out lower
        crln = [w_pts] + solve(free_opts, t_crln - w_pts, rng, cap, low_pref, strict=strict)
        # In June 2021 few workers were vaccinated yet: favour the high-points bands where
        # a high index does not change the outcome.
        vaccination = () if mode == "safe" else (extra_ids.index("vaccinated_share"),)
        extra = solve(extra_opts, t_extra - o_pts, rng, cap, low_pref, prefer_high=vaccination,
                      strict=strict)
        points = crln + extra[:1] + [o_pts] + extra[1:]  # out_of_province_share is 2nd extra
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

    def mode_for(lv, i):
        if i in failed_mandatory:
            return "fail"
        if lv in ("very_low", "low", "medium"):
            return "safe"
        if lv == "medium_veto":
            return "veto"
        return "free" if lv == "very_high" else "high"

    def person():
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"

    rows, earlier_rows = [], []
    for i in order:
        if i not in level:
            continue
        f = keyed[i]
        first_day = account[i]
        if i in overdue:
            latest = AS_OF - dt.timedelta(days=rng.randint(9, 22))
        elif i in stale:
            latest = AS_OF - dt.timedelta(days=rng.randint(6, 7))
        elif account[i] >= AS_OF - dt.timedelta(days=5):
            latest = account[i] + dt.timedelta(days=rng.randint(0, 2))
        else:
            latest = AS_OF - dt.timedelta(days=rng.randint(0, 5))
        latest = min(max(latest, first_day), AS_OF)
        if i == current[0]:
            latest = AS_OF  # someone always reports on the last day
        previous = latest - dt.timedelta(days=rng.randint(6, 8))
        if previous <= first_day:
            previous = None

        lv = level[i]
        if i in boundary_sites:
            target = boundary_sites[i]
        else:
            lo, hi = LEVEL_RANGES[lv]
            p = rng.randint(lo, hi)
            target = (p, round(p * 0.6))
        mode = mode_for(lv, i)
        if mode == "high" and target[0] >= 80:
            mode = "free"
        submitter = person()
        rows.append(assessment(f, latest, target, mode, submitter, False))
        if previous is None:
            continue
        # The week before: the trend decides its percent, and its own level its answers.
        p2 = target[0]
        if trend[i] == "rising" and p2 >= 16:
            p1 = p2 - rng.randint(6, 14)
        elif trend[i] == "improving" and p2 <= 85:
            p1 = p2 + rng.randint(3, 12)
        else:
            p1 = p2 + rng.randint(-3, 3)
        p1 = max(10, min(92, p1))
        if p1 == 10 and not perfect_possible(i):
            p1 = 11
        lv1 = crln_level(p1)
        mode1 = "safe" if lv1 in ("very_low", "low", "medium") else "free"
        if rng.random() < 0.2:
            submitter = person()
        earlier_rows.append(assessment(f, previous, (p1, round(p1 * 0.6)), mode1, submitter,
                                       True))

    # A few blank cells in the earlier round (scored as the worst case there); the latest
    # answers, which make the lists, are complete.
    on_boundary = {keyed[i]["ma_so_thue"] for i in boundary_sites}
    spoilable = [r for r in earlier_rows if r["ma_so_thue"] not in on_boundary]
    answer_ids = [x for x in ids if x != "workers_concurrent"]
    for _ in range(6):
        spoilable[rng.randrange(len(spoilable))][rng.choice(answer_ids)] = ""
    bad = [dict(spoilable[rng.randrange(len(spoilable))]) for _ in range(3)]
    bad[1]["workers_concurrent"] = "1.200"
    bad[2]["residential_areas"] = "nhiều"

    latest_rows = rows
    rows = rows + earlier_rows
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

    summarize(rows, latest_rows, indices, cset["levels"], len(keyed), len(never), skipped_no_tax)
    write_tcvn3(text)


def score_row(row, indices, levels, count):
    total, worst = 0, 0
    for index in indices[:count]:
        total += score_text(index, row[index["id"]])[0]
        worst += index["points_max"]
    percent = total * 100 / worst
    return total, percent, level_of(levels, percent)


def summarize(rows, latest_rows, indices, levels, n_keyed, n_none, skipped_no_tax):
    from collections import Counter
    ext = Counter(score_row(r, indices, levels, len(indices))[2] for r in rows)
    crln = Counter(score_row(r, indices, levels, CRLN_COUNT)[2] for r in rows)
    latest = Counter(score_row(r, indices, levels, CRLN_COUNT)[2] for r in latest_rows)
    ages = Counter(min(8, (AS_OF - dt.date.fromisoformat(r["ngay_danh_gia"])).days)
                   for r in latest_rows)
    per_site = Counter(r["ma_so_thue"] for r in rows)
    boundary = sum(1 for r in rows
                   if score_row(r, indices, levels, len(indices))[1] in (10, 30, 50, 80))
    by_site = {}
    for r in sorted(rows, key=lambda r: r["ngay_danh_gia"]):
        by_site.setdefault(r["ma_so_thue"], []).append(score_row(r, indices, levels,
                                                                 CRLN_COUNT)[1])
    rising = sum(1 for v in by_site.values() if len(v) == 2 and v[1] - v[0] >= 5)
    failed = sum(1 for r in latest_rows for i in indices[:CRLN_COUNT]
                 if i.get("mandatory") and score_text(i, r[i["id"]])[0] >= i["points_max"])
    print(f"{OUT_UTF8}: {len(rows)} assessments of {len(per_site)} factories")
    print(f"  factories with an account and a tax code: {n_keyed}; without any assessment: "
          f"{n_none}; two assessments: {sum(1 for c in per_site.values() if c == 2)}; "
          f"risk up 5 points or more (CRLN): {rising}")
    print(f"  skipped (account but no tax code): {skipped_no_tax}")
    print("  latest assessment, CRLN level: " +
          ", ".join(f"{k}={latest[k]}" for k in LEVEL_ORDER))
    print("  latest assessment, days before the list date: " +
          ", ".join(f"{k if k < 8 else '8+'}={ages[k]}" for k in sorted(ages)))
    print(f"  failed mandatory CRLN measures in the latest assessments: {failed}")
    print("  all rows, extended set levels: " + ", ".join(f"{k}={ext[k]}" for k in LEVEL_ORDER))
    print("  all rows, CRLN (10 indices) levels: " +
          ", ".join(f"{k}={crln[k]}" for k in LEVEL_ORDER))
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
