#!/usr/bin/env python3
"""Deterministic sample inspections for the fictitious factories of data/sites/factories.csv.

Writes data/inspections/kiem_tra_2021-06.csv: the spring 2021 inspection campaign of a
province whose three (fictitious) inter-agency teams visited nearly every factory in its
zones and clusters between 5 April and 30 June 2021:

  * 96 % of the factories with a tax code were inspected at least once (the file is keyed
    by tax code, so the 9 factories without one are never inspected here); the rest are
    the "never inspected" reason of the inspection list.
  * Visit dates are spread evenly over the campaign, so the days since the last inspection
    (a part of the list priority) run from 0 to about 85.
  * 10 % of the visits found the measures not in place, with the finding written as an
    inspector would. A failed visit before 20 June is followed 7–14 days later by a second
    visit, which finds the measures in place nine times in ten.

Run with Debian's /usr/bin/python3; the same input gives the same bytes.
"""
import csv
import datetime as dt
import io
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SITES = os.path.join(HERE, "..", "sites", "factories.csv")
OUT = os.path.join(HERE, "..", "inspections", "kiem_tra_2021-06.csv")

SEED = 20210630
CAMPAIGN = (dt.date(2021, 4, 5), dt.date(2021, 6, 30))
COVERAGE = 0.96
FAIL_SHARE = 0.10
REVISIT_BEFORE = dt.date(2021, 6, 20)
REVISIT_PASS = 0.9

TEAMS = ["Đoàn kiểm tra liên ngành số 1", "Đoàn kiểm tra liên ngành số 2",
         "Đoàn kiểm tra liên ngành số 3"]
PASS = ["Thực hiện đầy đủ các biện pháp phòng, chống dịch",
        "Đã bố trí phòng cách ly, khu vực nhà ăn có vách ngăn",
        "Đủ điều kiện duy trì sản xuất"]
REVISIT_OK = ["Đã khắc phục các tồn tại của lần kiểm tra trước",
              "Đã bố trí phòng cách ly, khu vực nhà ăn có vách ngăn"]
FAIL = ["Không bố trí phòng cách ly tạm thời",
        "Nhà ăn không có vách ngăn, công nhân ngồi đối diện",
        "Không đo thân nhiệt người lao động khi vào ca",
        "Không cập nhật đánh giá nguy cơ trên hệ thống bản đồ an toàn",
        "Công nhân không đeo khẩu trang trong xưởng"]


def main():
    rng = random.Random(SEED)
    with open(SITES, encoding="utf-8", newline="") as fh:
        sites = sorted((r for r in csv.DictReader(fh) if r["ma_so_thue"]),
                       key=lambda r: r["ma_so_thue"])
    chosen = sorted(rng.sample(sites, round(COVERAGE * len(sites))),
                    key=lambda r: r["ma_so_thue"])
    span = (CAMPAIGN[1] - CAMPAIGN[0]).days
    rows = []

    def visit(site, day, ok, texts):
        rows.append({"ma_so_thue": site["ma_so_thue"], "ngay_kiem_tra": day.isoformat(),
                     "nguoi_kiem_tra": rng.choice(TEAMS), "dat_yeu_cau": "có" if ok else "không",
                     "ket_luan": rng.choice(texts)})

    for r in chosen:
        day = CAMPAIGN[0] + dt.timedelta(days=rng.randint(0, span))
        ok = rng.random() >= FAIL_SHARE
        visit(r, day, ok, PASS if ok else FAIL)
        if not ok and day < REVISIT_BEFORE:
            again = rng.random() < REVISIT_PASS
            visit(r, day + dt.timedelta(days=rng.randint(7, 14)), again,
                  REVISIT_OK if again else FAIL)
    rows.sort(key=lambda r: (r["ngay_kiem_tra"], r["ma_so_thue"]))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())
    last = {}
    for r in rows:
        last[r["ma_so_thue"]] = r
    print(f"{OUT}: {len(rows)} inspections of {len(chosen)} of the {len(sites)} factories with "
          f"a tax code; {sum(r['dat_yeu_cau'] == 'không' for r in rows)} failed, "
          f"{sum(r['dat_yeu_cau'] == 'không' for r in last.values())} of them the latest visit")


if __name__ == "__main__":
    main()
