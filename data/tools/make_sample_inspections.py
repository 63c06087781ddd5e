#!/usr/bin/env python3
"""Deterministic sample inspections for the fictitious factories of data/sites/factories.csv.

Writes data/inspections/kiem_tra_2021-06.csv: about a quarter of the factories with a tax
code were inspected in June 2021 by one of three (fictitious) inter-agency teams; about one
in five inspections found the measures not in place, with the finding written as an
inspector would. Run with Debian's /usr/bin/python3; the same input gives the same bytes.
"""
import csv
import datetime as dt
import io
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SITES = os.path.join(HERE, "..", "sites", "factories.csv")
OUT = os.path.join(HERE, "..", "inspections", "kiem_tra_2021-06.csv")

TEAMS = ["Đoàn kiểm tra liên ngành số 1", "Đoàn kiểm tra liên ngành số 2",
         "Đoàn kiểm tra liên ngành số 3"]
PASS = ["Thực hiện đầy đủ các biện pháp phòng, chống dịch",
        "Đã bố trí phòng cách ly, khu vực nhà ăn có vách ngăn",
        "Đủ điều kiện duy trì sản xuất"]
FAIL = ["Không bố trí phòng cách ly tạm thời",
        "Nhà ăn không có vách ngăn, công nhân ngồi đối diện",
        "Không đo thân nhiệt người lao động khi vào ca",
        "Không cập nhật đánh giá nguy cơ trên hệ thống bản đồ an toàn",
        "Công nhân không đeo khẩu trang trong xưởng"]


def main():
    rng = random.Random(20210615)
    with open(SITES, encoding="utf-8", newline="") as fh:
        sites = [r for r in csv.DictReader(fh) if r["ma_so_thue"]]
    chosen = sorted(rng.sample(sites, len(sites) // 4), key=lambda r: r["ma_so_thue"])
    rows = []
    for r in chosen:
        day = dt.date(2021, 6, 1) + dt.timedelta(days=rng.randrange(0, 29))
        ok = rng.random() >= 0.2
        rows.append({"ma_so_thue": r["ma_so_thue"], "ngay_kiem_tra": day.isoformat(),
                     "nguoi_kiem_tra": rng.choice(TEAMS), "dat_yeu_cau": "có" if ok else "không",
                     "ket_luan": rng.choice(PASS if ok else FAIL)})
    rows.sort(key=lambda r: (r["ngay_kiem_tra"], r["ma_so_thue"]))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())
    print(f"{OUT}: {len(rows)} inspections, {sum(r['dat_yeu_cau'] == 'không' for r in rows)} failed")


if __name__ == "__main__":
    main()
