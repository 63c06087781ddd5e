#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Generate SafeMap's sample site data (deterministic, fixed seed).

Writes, relative to the repository's data/ directory:

  sites/zones.geojson            real industrial zones (KCN), clusters (CCN) and the
                                 Đồng Đăng – Lạng Sơn border economic zone (KKT) of
                                 Hà Nội, Hà Nam and Lạng Sơn: real names, APPROXIMATE
                                 positions, simplified hand-placed polygons.
  sites/factories.csv            ~300 FICTITIOUS factories ("dữ liệu mẫu").
  sites/lang_son_ccn_vn2000/     the Lạng Sơn zones as an ESRI Shapefile in
                                 VN-2000 / TM-3 107-15 (EPSG:9215), to test
                                 reprojection on import (needs GDAL's Python bindings).

Run with Debian's interpreter (it has the GDAL bindings):

    /usr/bin/python3 data/tools/make_sample_sites.py

Running it twice gives byte-identical files. Only the standard library is used for
the GeoJSON and CSV; GDAL/OGR is used only to write the Shapefile (skipped with a
warning if the bindings are missing, or with --no-shapefile).
"""

import csv
import hashlib
import io
import json
import math
import os
import random
import sys
import unicodedata

SEED = 20210624  # date of Hà Nội letter 1987/UBND-KT; any fixed int would do

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
SITES = os.path.join(DATA, "sites")

# ---------------------------------------------------------------------------
# Zones.  Names are real; centres are approximate (from general knowledge of
# where each zone lies, good to a kilometre or two at best); areas are the
# published or roughly-known sizes.  Polygons are generated around the centre
# (star-shaped, so always simple) and scaled to the area given.
#
#   commune/admin: used only to build the fictitious factory addresses.
#   n_fac:         how many sample factories to put inside the zone.
# ---------------------------------------------------------------------------

Z = []


def zone(id, kind, name, province, district, admin, commune, lon, lat, ha,
         nv=8, aspect=1.3, rot=0.0, n_fac=0, short=None):
    Z.append(dict(id=id, kind=kind, name=name, province=province, district=district,
                  admin=admin, commune=commune, lon=lon, lat=lat, ha=ha, nv=nv,
                  aspect=aspect, rot=rot, n_fac=n_fac,
                  short=short or name.replace("Khu công nghiệp", "KCN")
                                     .replace("Cụm công nghiệp", "CCN")))


# --- Hà Nội -----------------------------------------------------------------
zone("HN-KCN-THANGLONG", "KCN", "Khu công nghiệp Thăng Long", "Hà Nội", "Đông Anh",
     "huyện Đông Anh", "xã Kim Chung", 105.7750, 21.1180, 274, nv=9, aspect=1.6, rot=20, n_fac=24)
zone("HN-KCN-NOIBAI", "KCN", "Khu công nghiệp Nội Bài", "Hà Nội", "Sóc Sơn",
     "huyện Sóc Sơn", "xã Quang Tiến", 105.8100, 21.2450, 114, nv=7, aspect=1.3, rot=-15, n_fac=12)
zone("HN-KCN-QUANGMINH", "KCN", "Khu công nghiệp Quang Minh", "Hà Nội", "Mê Linh",
     "huyện Mê Linh", "thị trấn Quang Minh", 105.7700, 21.1920, 344, nv=10, aspect=1.5, rot=35, n_fac=21)
zone("HN-KCN-NAMTHANGLONG", "KCN", "Khu công nghiệp Nam Thăng Long", "Hà Nội", "Bắc Từ Liêm",
     "quận Bắc Từ Liêm", "phường Thụy Phương", 105.7730, 21.0860, 45, nv=6, aspect=1.4, rot=10, n_fac=6)
zone("HN-KCN-SAIDONGB", "KCN", "Khu công nghiệp Sài Đồng B", "Hà Nội", "Long Biên",
     "quận Long Biên", "phường Thạch Bàn", 105.9170, 21.0180, 97, nv=7, aspect=1.3, rot=-30, n_fac=10)
zone("HN-KCN-HANOIDAITU", "KCN", "Khu công nghiệp Hà Nội – Đài Tư", "Hà Nội", "Long Biên",
     "quận Long Biên", "phường Sài Đồng", 105.9050, 21.0370, 40, nv=6, aspect=1.5, rot=5, n_fac=5,
     short="KCN Hà Nội – Đài Tư")
zone("HN-KCN-THACHTHATQUOCOAI", "KCN", "Khu công nghiệp Thạch Thất – Quốc Oai", "Hà Nội",
     "Thạch Thất, Quốc Oai", "huyện Thạch Thất", "xã Phùng Xá", 105.6280, 21.0120, 155,
     nv=8, aspect=1.4, rot=-20, n_fac=12)
zone("HN-KCN-PHUNGHIA", "KCN", "Khu công nghiệp Phú Nghĩa", "Hà Nội", "Chương Mỹ",
     "huyện Chương Mỹ", "xã Phú Nghĩa", 105.6620, 20.9340, 170, nv=8, aspect=1.5, rot=15, n_fac=12)
zone("HN-KCN-BACTHUONGTIN", "KCN", "Khu công nghiệp Bắc Thường Tín", "Hà Nội", "Thường Tín",
     "huyện Thường Tín", "xã Duyên Thái", 105.8850, 20.8950, 191, nv=8, aspect=1.3, rot=-40, n_fac=10)
# Legally a high-tech park (khu công nghệ cao), not a KCN; the schema has no such kind,
# so it is tagged KCN here.  About 1,586 ha.
zone("HN-CNC-HOALAC", "KCN", "Khu công nghệ cao Hòa Lạc", "Hà Nội", "Thạch Thất",
     "huyện Thạch Thất", "xã Thạch Hòa", 105.5250, 21.0100, 1586, nv=10, aspect=1.2, rot=30, n_fac=8,
     short="Khu CNC Hòa Lạc")
zone("HN-CCN-NGOCHOI", "CCN", "Cụm công nghiệp Ngọc Hồi", "Hà Nội", "Thanh Trì",
     "huyện Thanh Trì", "xã Ngọc Hồi", 105.8420, 20.9280, 43, nv=6, aspect=1.5, rot=80, n_fac=5)
zone("HN-CCN-PHUNG", "CCN", "Cụm công nghiệp thị trấn Phùng", "Hà Nội", "Đan Phượng",
     "huyện Đan Phượng", "thị trấn Phùng", 105.6550, 21.0900, 32, nv=6, aspect=1.3, rot=-10, n_fac=4,
     short="CCN thị trấn Phùng")
zone("HN-CCN-LIENPHUONG", "CCN", "Cụm công nghiệp Liên Phương", "Hà Nội", "Thường Tín",
     "huyện Thường Tín", "xã Liên Phương", 105.8380, 20.8780, 19, nv=6, aspect=1.3, rot=25, n_fac=3)
zone("HN-CCN-HABINHPHUONG", "CCN", "Cụm công nghiệp Hà Bình Phương", "Hà Nội", "Thường Tín",
     "huyện Thường Tín", "xã Văn Bình", 105.8500, 20.8580, 42, nv=7, aspect=1.4, rot=-25, n_fac=4)
zone("HN-CCN-QUATDONG", "CCN", "Cụm công nghiệp Quất Động", "Hà Nội", "Thường Tín",
     "huyện Thường Tín", "xã Quất Động", 105.8650, 20.8350, 24, nv=6, aspect=1.5, rot=70, n_fac=3)
zone("HN-CCN-NGOCLIEP", "CCN", "Cụm công nghiệp Ngọc Liệp", "Hà Nội", "Quốc Oai",
     "huyện Quốc Oai", "xã Ngọc Liệp", 105.6050, 20.9720, 38, nv=6, aspect=1.3, rot=0, n_fac=3)
zone("HN-CCN-PHUTHI", "CCN", "Cụm công nghiệp Phú Thị", "Hà Nội", "Gia Lâm",
     "huyện Gia Lâm", "xã Phú Thị", 105.9600, 21.0200, 12, nv=6, aspect=1.2, rot=40, n_fac=2)

# --- Hà Nam ------------------------------------------------------------------
zone("HNA-KCN-DONGVAN1", "KCN", "Khu công nghiệp Đồng Văn I", "Hà Nam", "Duy Tiên",
     "thị xã Duy Tiên", "phường Đồng Văn", 105.9000, 20.6400, 210, nv=8, aspect=1.5, rot=-10, n_fac=17)
zone("HNA-KCN-DONGVAN2", "KCN", "Khu công nghiệp Đồng Văn II", "Hà Nam", "Duy Tiên",
     "thị xã Duy Tiên", "phường Bạch Thượng", 105.9270, 20.6570, 320, nv=9, aspect=1.4, rot=25, n_fac=18)
zone("HNA-KCN-DONGVAN3", "KCN", "Khu công nghiệp Đồng Văn III", "Hà Nam", "Duy Tiên",
     "thị xã Duy Tiên", "phường Hoàng Đông", 105.9250, 20.6150, 300, nv=9, aspect=1.3, rot=-30, n_fac=10)
zone("HNA-KCN-DONGVAN4", "KCN", "Khu công nghiệp Đồng Văn IV", "Hà Nam", "Kim Bảng",
     "huyện Kim Bảng", "xã Đại Cương", 105.8720, 20.6080, 300, nv=8, aspect=1.6, rot=50, n_fac=6)
zone("HNA-KCN-CHAUSON", "KCN", "Khu công nghiệp Châu Sơn", "Hà Nam", "Phủ Lý",
     "thành phố Phủ Lý", "phường Châu Sơn", 105.8880, 20.5400, 170, nv=8, aspect=1.4, rot=0, n_fac=12)
zone("HNA-KCN-HOAMAC", "KCN", "Khu công nghiệp Hòa Mạc", "Hà Nam", "Duy Tiên",
     "thị xã Duy Tiên", "phường Hòa Mạc", 105.9900, 20.6400, 131, nv=7, aspect=1.3, rot=15, n_fac=9)
zone("HNA-KCN-THANHLIEM", "KCN", "Khu công nghiệp Thanh Liêm", "Hà Nam", "Thanh Liêm",
     "huyện Thanh Liêm", "xã Thanh Hải", 105.9300, 20.4700, 200, nv=8, aspect=1.5, rot=-15, n_fac=4)
zone("HNA-KCN-THAIHA", "KCN", "Khu công nghiệp Thái Hà", "Hà Nam", "Lý Nhân",
     "huyện Lý Nhân", "xã Bắc Lý", 106.0750, 20.5780, 100, nv=7, aspect=1.4, rot=30, n_fac=3)
zone("HNA-CCN-KIMBINH", "CCN", "Cụm công nghiệp Kim Bình", "Hà Nam", "Phủ Lý",
     "thành phố Phủ Lý", "xã Kim Bình", 105.9000, 20.5700, 52, nv=6, aspect=1.4, rot=-20, n_fac=4)
zone("HNA-CCN-THISON", "CCN", "Cụm công nghiệp Thi Sơn", "Hà Nam", "Kim Bảng",
     "huyện Kim Bảng", "xã Thi Sơn", 105.8500, 20.5520, 49, nv=6, aspect=1.3, rot=10, n_fac=3)
zone("HNA-CCN-TRUNGLUONG", "CCN", "Cụm công nghiệp Trung Lương", "Hà Nam", "Bình Lục",
     "huyện Bình Lục", "xã Trung Lương", 106.0200, 20.4930, 11, nv=6, aspect=1.2, rot=0, n_fac=2)

# --- Lạng Sơn ----------------------------------------------------------------
zone("LS-KCN-DONGBANH", "KCN", "Khu công nghiệp Đồng Bành", "Lạng Sơn", "Chi Lăng, Hữu Lũng",
     "huyện Chi Lăng", "thị trấn Chi Lăng", 106.5000, 21.5950, 162, nv=8, aspect=1.8, rot=45, n_fac=5)
# General plan approved in 2021; no factories yet in the sample.
zone("LS-KCN-HUULUNG", "KCN", "Khu công nghiệp Hữu Lũng", "Lạng Sơn", "Hữu Lũng",
     "huyện Hữu Lũng", "xã Hồ Sơn", 106.3850, 21.5450, 600, nv=9, aspect=1.6, rot=40, n_fac=0)
zone("LS-CCN-HOPTHANH", "CCN", "Cụm công nghiệp Hợp Thành", "Lạng Sơn", "Cao Lộc",
     "huyện Cao Lộc", "xã Hợp Thành", 106.7150, 21.8600, 20, nv=6, aspect=1.3, rot=20, n_fac=3)
zone("LS-CCN-NADUONG", "CCN", "Cụm công nghiệp Na Dương", "Lạng Sơn", "Lộc Bình",
     "huyện Lộc Bình", "thị trấn Na Dương", 106.9650, 21.6950, 70, nv=7, aspect=1.4, rot=-30, n_fac=3)

# The border economic zone (Decision 138/2008/QĐ-TTg, ~394 km²): a coarse hand-drawn
# ring from Tân Thanh along the border past the Hữu Nghị gate, round Lạng Sơn city and
# back west.  Kept ~1 km inside Natural Earth's 1:10m border line.  (lon, lat), CCW.
KKT_ID = "LS-KKT-DONGDANG"
KKT_RING = [
    (106.6400, 21.9480),   # Tân Mỹ / Tân Thanh (Văn Lãng)
    (106.6500, 21.8800),   # Đồng Giáp side (Văn Quan)
    (106.6900, 21.7900),   # Vân An side (Chi Lăng)
    (106.7800, 21.7950),   # south of Mai Pha
    (106.8400, 21.8650),   # east of Lạng Sơn city
    (106.8050, 21.9400),   # Bảo Lâm / Thụy Hùng
    (106.7600, 21.9730),   # near the border
    (106.7220, 21.9960),   # Hữu Nghị border gate
    (106.6900, 21.9620),   # Đồng Đăng
    (106.6620, 21.9530),   # Tân Thanh gate
]
KKT = dict(id=KKT_ID, kind="KKT", name="Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn",
           province="Lạng Sơn", district="Thành phố Lạng Sơn, Cao Lộc, Văn Lãng",
           short="Khu KTCK Đồng Đăng – Lạng Sơn", n_fac=12)
# Factories in the KKT are spread around these places (lon, lat, commune, admin, huyen).
KKT_ANCHORS = [
    (106.7650, 21.8480, "phường Đông Kinh", "thành phố Lạng Sơn", "Thành phố Lạng Sơn"),
    (106.7750, 21.8720, "thị trấn Cao Lộc", "huyện Cao Lộc", "Cao Lộc"),
    (106.7000, 21.9420, "thị trấn Đồng Đăng", "huyện Cao Lộc", "Cao Lộc"),
    (106.6600, 21.9350, "xã Tân Mỹ", "huyện Văn Lãng", "Văn Lãng"),
]

# Standalone facilities (outside every zone): places they cluster around.
# (province, lon, lat, commune, admin, huyen, count, national road through the town or None)
STANDALONE = [
    ("Hà Nội", 105.5750, 20.8970, "thị trấn Xuân Mai", "huyện Chương Mỹ", "Chương Mỹ", 3, "Quốc lộ 6"),
    ("Hà Nội", 105.9070, 20.7380, "thị trấn Phú Xuyên", "huyện Phú Xuyên", "Phú Xuyên", 3, "Quốc lộ 1A"),
    ("Hà Nội", 105.7720, 20.7280, "thị trấn Vân Đình", "huyện Ứng Hòa", "Ứng Hòa", 2, "Quốc lộ 21B"),
    ("Hà Nội", 105.8480, 21.2570, "thị trấn Sóc Sơn", "huyện Sóc Sơn", "Sóc Sơn", 3, "Quốc lộ 3"),
    ("Hà Nội", 105.4200, 21.2050, "thị trấn Tây Đằng", "huyện Ba Vì", "Ba Vì", 2, "Quốc lộ 32"),
    ("Hà Nội", 105.7700, 20.8570, "thị trấn Kim Bài", "huyện Thanh Oai", "Thanh Oai", 2, "Quốc lộ 21B"),
    ("Hà Nội", 105.7420, 20.6870, "thị trấn Đại Nghĩa", "huyện Mỹ Đức", "Mỹ Đức", 2, "Quốc lộ 21B"),
    ("Hà Nội", 105.9350, 21.0180, "thị trấn Trâu Quỳ", "huyện Gia Lâm", "Gia Lâm", 2, "Quốc lộ 5"),
    ("Hà Nội", 105.8450, 21.1400, "thị trấn Đông Anh", "huyện Đông Anh", "Đông Anh", 3, "Quốc lộ 3"),
    ("Hà Nam", 106.0250, 20.5550, "thị trấn Vĩnh Trụ", "huyện Lý Nhân", "Lý Nhân", 3, None),
    ("Hà Nam", 105.9900, 20.5050, "thị trấn Bình Mỹ", "huyện Bình Lục", "Bình Lục", 3, None),
    ("Hà Nam", 105.8750, 20.4950, "thị trấn Kiện Khê", "huyện Thanh Liêm", "Thanh Liêm", 3, None),
    ("Hà Nam", 105.8150, 20.5350, "thị trấn Ba Sao", "huyện Kim Bảng", "Kim Bảng", 3, "Quốc lộ 21A"),
    ("Hà Nam", 105.9600, 20.6050, "phường Yên Bắc", "thị xã Duy Tiên", "Duy Tiên", 2, None),
    ("Lạng Sơn", 106.3450, 21.5050, "thị trấn Hữu Lũng", "huyện Hữu Lũng", "Hữu Lũng", 3, "Quốc lộ 1A"),
    ("Lạng Sơn", 106.5800, 21.6600, "thị trấn Đồng Mỏ", "huyện Chi Lăng", "Chi Lăng", 2, "Quốc lộ 1A"),
    ("Lạng Sơn", 106.9200, 21.7600, "thị trấn Lộc Bình", "huyện Lộc Bình", "Lộc Bình", 2, "Quốc lộ 4B"),
    ("Lạng Sơn", 106.5500, 21.8600, "thị trấn Văn Quan", "huyện Văn Quan", "Văn Quan", 2, "Quốc lộ 1B"),
]

PROVINCE_LABEL = {"Hà Nội": "thành phố Hà Nội", "Hà Nam": "tỉnh Hà Nam", "Lạng Sơn": "tỉnh Lạng Sơn"}
PROVINCE_ORDER = {"Hà Nội": 0, "Hà Nam": 1, "Lạng Sơn": 2}

# ---------------------------------------------------------------------------
# Geometry helpers (plain Python, lon/lat degrees)
# ---------------------------------------------------------------------------
M_PER_DEG_LAT = 110574.0


def m_per_deg_lon(lat):
    return 111320.0 * math.cos(math.radians(lat))


def sub_rng(*parts):
    """An independent RNG for one named purpose, stable across runs and orderings."""
    h = hashlib.sha256(("%d|" % SEED + "|".join(str(p) for p in parts)).encode("utf-8")).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


def ring_area_m2(ring, lat0):
    kx, ky = m_per_deg_lon(lat0), M_PER_DEG_LAT
    a = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        a += (x1 * kx) * (y2 * ky) - (x2 * kx) * (y1 * ky)
    return a / 2.0  # > 0 for CCW


def make_polygon(z):
    """Star-shaped ring around the centre, CCW, scaled to z['ha'] hectares."""
    rng = sub_rng("zone", z["id"])
    n = z["nv"]
    step = 2 * math.pi / n
    rot = math.radians(z["rot"])
    pts = []
    for k in range(n):
        t = k * step + rng.uniform(-0.22, 0.22) * step
        r = 1.0 + rng.uniform(-0.22, 0.18)
        # ellipse with the given aspect, then rotate
        ex, ey = r * z["aspect"] * math.cos(t), r * math.sin(t)
        x = ex * math.cos(rot) - ey * math.sin(rot)
        y = ex * math.sin(rot) + ey * math.cos(rot)
        pts.append((x, y))
    # area of the unit shape (metres, unit = 1 m), then scale
    a = 0.0
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
        a += x1 * y2 - x2 * y1
    a /= 2.0
    s = math.sqrt(z["ha"] * 10000.0 / a)
    kx, ky = m_per_deg_lon(z["lat"]), M_PER_DEG_LAT
    ring = [(round(z["lon"] + x * s / kx, 6), round(z["lat"] + y * s / ky, 6)) for x, y in pts]
    return ring


def point_in_ring(x, y, ring):
    inside = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xi:
                inside = not inside
    return inside


def dist_to_ring_m(x, y, ring):
    kx, ky = m_per_deg_lon(y), M_PER_DEG_LAT
    best = float("inf")
    n = len(ring)
    for i in range(n):
        ax, ay = (ring[i][0] - x) * kx, (ring[i][1] - y) * ky
        bx, by = (ring[(i + 1) % n][0] - x) * kx, (ring[(i + 1) % n][1] - y) * ky
        dx, dy = bx - ax, by - ay
        L = dx * dx + dy * dy
        t = 0.0 if L == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / L))
        px, py = ax + t * dx, ay + t * dy
        best = min(best, math.hypot(px, py))
    return best


def segments_intersect(p1, p2, p3, p4):
    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 0) - (v < 0)
    o1, o2, o3, o4 = orient(p1, p2, p3), orient(p1, p2, p4), orient(p3, p4, p1), orient(p3, p4, p2)
    return o1 != o2 and o3 != o4 and 0 not in (o1, o2, o3, o4)


def rings_overlap(r1, r2):
    n1, n2 = len(r1), len(r2)
    for i in range(n1):
        for j in range(n2):
            if segments_intersect(r1[i], r1[(i + 1) % n1], r2[j], r2[(j + 1) % n2]):
                return True
    return point_in_ring(*r1[0], r2) or point_in_ring(*r2[0], r1)


def ring_contains(outer, inner):
    return all(point_in_ring(x, y, outer) for x, y in inner) and not any(
        segments_intersect(outer[i], outer[(i + 1) % len(outer)], inner[j], inner[(j + 1) % len(inner)])
        for i in range(len(outer)) for j in range(len(inner)))


# ---------------------------------------------------------------------------
# Build zones
# ---------------------------------------------------------------------------

def nfc(s):
    return unicodedata.normalize("NFC", s)


def build_zones():
    zones = []
    for z in Z:
        z = dict(z)
        z["ring"] = make_polygon(z)
        zones.append(z)
    kkt = dict(KKT)
    kkt["ring"] = list(KKT_RING)
    zones.append(kkt)
    for z in zones:
        r = z["ring"]
        assert 6 <= len(r) <= 10, z["id"]
        assert ring_area_m2(r, r[0][1]) > 0, ("ring not CCW", z["id"])
        for k in ("name", "province", "district"):
            z[k] = nfc(z[k])
    # no two zones may overlap, except clusters lying wholly inside the KKT
    for i, a in enumerate(zones):
        for b in zones[i + 1:]:
            if rings_overlap(a["ring"], b["ring"]):
                pair = {a["id"], b["id"]}
                ok = KKT_ID in pair and ring_contains(
                    kkt["ring"], (b if a["id"] == KKT_ID else a)["ring"])
                assert ok, ("zones overlap", a["id"], b["id"])
    return zones


def zones_geojson(zones):
    out = io.StringIO()
    out.write('{\n"type": "FeatureCollection",\n"features": [\n')
    feats = []
    for z in zones:
        ring = z["ring"] + [z["ring"][0]]
        f = {
            "type": "Feature",
            "properties": {"id": z["id"], "kind": z["kind"], "name": z["name"],
                           "province": z["province"], "district": z["district"]},
            "geometry": {"type": "Polygon",
                         "coordinates": [[[float("%.6f" % x), float("%.6f" % y)] for x, y in ring]]},
        }
        feats.append(json.dumps(f, ensure_ascii=False, separators=(", ", ": ")))
    out.write(",\n".join(feats))
    out.write("\n]\n}\n")
    return out.getvalue()


# ---------------------------------------------------------------------------
# Factories (all fictitious)
# ---------------------------------------------------------------------------

SECTORS = [  # (nganh, weight, name phrases, size factor, shifts weights (1,2,3))
    ("May mặc", 18, ["Dệt may", "May mặc", "May xuất khẩu", "Thời trang"], 1.6, (5, 4, 1)),
    ("Điện tử", 16, ["Điện tử", "Linh kiện điện tử", "Công nghệ điện tử", "Bảng mạch"], 1.7, (2, 3, 5)),
    ("Cơ khí", 14, ["Cơ khí", "Cơ khí chính xác", "Kết cấu thép", "Chế tạo máy"], 0.8, (5, 4, 1)),
    ("Thực phẩm", 10, ["Thực phẩm", "Chế biến nông sản", "Thực phẩm và đồ uống", "Bánh kẹo"], 0.9, (3, 4, 3)),
    ("Dược phẩm", 5, ["Dược phẩm", "Dược liệu", "Dược"], 0.8, (4, 4, 2)),
    ("Bao bì", 8, ["Bao bì", "Bao bì và in", "Bao bì carton"], 0.6, (4, 4, 2)),
    ("Gỗ", 8, ["Chế biến gỗ", "Đồ gỗ", "Gỗ ván ép"], 0.7, (6, 3, 1)),
    ("Nhựa", 8, ["Nhựa", "Nhựa kỹ thuật", "Sản phẩm nhựa"], 0.7, (3, 4, 3)),
    ("Giày da", 6, ["Giày da", "Giày dép", "Da giày"], 1.8, (6, 3, 1)),
    ("Linh kiện ô tô", 7, ["Linh kiện ô tô", "Phụ tùng ô tô", "Dây điện ô tô"], 1.3, (3, 4, 3)),
]
SECTOR_BY_NAME = {s[0]: s for s in SECTORS}
# Lạng Sơn leans to wood and food processing.
LS_WEIGHTS = {"Gỗ": 22, "Thực phẩm": 20, "May mặc": 12, "Cơ khí": 10, "Bao bì": 8, "Nhựa": 6,
              "Dược phẩm": 6, "Giày da": 6, "Điện tử": 5, "Linh kiện ô tô": 3}

LEGAL = [("Công ty TNHH", 55), ("Công ty cổ phần", 25), ("Công ty TNHH MTV", 20)]
SYLL = ["An", "Phát", "Hưng", "Thịnh", "Minh", "Long", "Phúc", "Hòa", "Bình", "Tân", "Việt",
        "Thành", "Đạt", "Khang", "Gia", "Bảo", "Nam", "Trường", "Hải", "Quang", "Sơn", "Đức",
        "Tiến", "Lộc", "Vạn", "Kim", "Ngọc", "Hoàng", "Thái", "Hà", "Phong", "Nguyên", "Trung",
        "Anh", "Đông", "Tâm", "Hữu", "Lợi", "Thuận", "Huy"]
LOT_PREFIX = ["A", "B", "C", "D", "E", "CN", "CN1", "CN2", "CN3", "F"]
OUT_SHARE = {"Hà Nội": (0.15, 0.55), "Hà Nam": (0.10, 0.45), "Lạng Sơn": (0.02, 0.20)}

MARGIN_IN_M = 30.0     # a factory in a zone keeps this far inside the polygon edge
MARGIN_OUT_M = 150.0   # a standalone factory keeps this far from every zone
MIN_SPACING_M = 60.0   # between two factories


def weighted(rng, items):
    total = sum(w for _, w in items)
    r = rng.uniform(0, total)
    acc = 0.0
    for item, w in items:
        acc += w
        if r <= acc:
            return item
    return items[-1][0]


class Gen:
    def __init__(self, zones):
        self.zones = zones
        self.rng = random.Random(SEED)
        self.names = set()
        self.taxcodes = set()
        self.points = []
        self.lots = {}

    def far_from_others(self, x, y):
        kx = m_per_deg_lon(y)
        for px, py in self.points:
            if math.hypot((px - x) * kx, (py - y) * M_PER_DEG_LAT) < MIN_SPACING_M:
                return False
        return True

    def in_zones(self, x, y):
        return [z for z in self.zones if point_in_ring(x, y, z["ring"])]

    def point_in_zone(self, z, around=None, spread_deg=0.0):
        ring = z["ring"]
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        for _ in range(20000):
            if around:
                x = around[0] + self.rng.uniform(-spread_deg, spread_deg)
                y = around[1] + self.rng.uniform(-spread_deg, spread_deg)
            else:
                x = self.rng.uniform(min(xs), max(xs))
                y = self.rng.uniform(min(ys), max(ys))
            x, y = round(x, 6), round(y, 6)
            if not point_in_ring(x, y, ring) or dist_to_ring_m(x, y, ring) < MARGIN_IN_M:
                continue
            # must not fall in any other zone (e.g. a cluster inside the KKT)
            # (a point in a cluster inside the KKT is in both; that is fine)
            others = [o for o in self.in_zones(x, y)
                      if o["id"] != z["id"] and not (o["kind"] == "KKT" and z["kind"] != "KKT")]
            if others or any(dist_to_ring_m(x, y, o["ring"]) < MARGIN_IN_M
                                  for o in self.zones if o["id"] != z["id"] and o["kind"] != "KKT"):
                continue
            if not self.far_from_others(x, y):
                continue
            self.points.append((x, y))
            return x, y
        raise RuntimeError("could not place a factory in " + z["id"])

    def point_outside(self, lon, lat, spread_deg=0.012):
        for _ in range(20000):
            x = round(lon + self.rng.uniform(-spread_deg, spread_deg), 6)
            y = round(lat + self.rng.uniform(-spread_deg, spread_deg), 6)
            if self.in_zones(x, y):
                continue
            if any(dist_to_ring_m(x, y, z["ring"]) < MARGIN_OUT_M for z in self.zones):
                continue
            if not self.far_from_others(x, y):
                continue
            self.points.append((x, y))
            return x, y
        raise RuntimeError("could not place a standalone factory near %.4f,%.4f" % (lon, lat))

    def sector(self, province, zone_id=None):
        if province == "Lạng Sơn":
            return weighted(self.rng, list(LS_WEIGHTS.items()))
        if zone_id == "HN-CNC-HOALAC":
            return weighted(self.rng, [("Điện tử", 6), ("Dược phẩm", 3), ("Cơ khí", 1)])
        return weighted(self.rng, [(s[0], s[1]) for s in SECTORS])

    def name(self, nganh):
        phrases = SECTOR_BY_NAME[nganh][2]
        for _ in range(1000):
            legal = weighted(self.rng, LEGAL)
            a, b = self.rng.sample(SYLL, 2)
            brand = a + " " + b
            if self.rng.random() < 0.25:
                brand += " Việt Nam"
            n = "%s %s Mẫu %s (dữ liệu mẫu)" % (legal, self.rng.choice(phrases), brand)
            if n not in self.names:
                self.names.add(n)
                return nfc(n)
        raise RuntimeError("names exhausted")

    def taxcode(self):
        while True:
            c = "99" + "%08d" % self.rng.randrange(0, 10 ** 8)
            if c not in self.taxcodes:
                self.taxcodes.add(c)
                return c

    def workers(self, nganh, kind, forced=None):
        if forced:
            return forced
        f = SECTOR_BY_NAME[nganh][3] * (0.45 if kind == "CCN" else (0.7 if kind is None else 1.0))
        v = math.exp(self.rng.gauss(math.log(230 * f), 0.95))
        v = int(round(max(25, min(4900, v))))
        if v >= 100:
            v = int(round(v, -1))  # spreadsheets tend to carry round-ish numbers
        return v

    def lot(self, zone_id):
        n = self.lots.setdefault(zone_id, set())
        while True:
            s = "Lô %s-%02d" % (self.rng.choice(LOT_PREFIX), self.rng.randint(1, 40))
            if s not in n:
                n.add(s)
                return s

    def row(self, province, huyen, lon, lat, zone_id, kind, address, forced=None):
        nganh = forced[0] if forced else self.sector(province, zone_id)
        total = self.workers(nganh, kind, forced[1] if forced else None)
        lo, hi = OUT_SHARE[province]
        share = 0.0 if self.rng.random() < 0.08 else self.rng.uniform(lo, hi)
        if kind is None:
            share *= 0.5  # local workshops recruit locally
        ngoai = min(total, int(round(total * share)))
        shifts = weighted(self.rng, list(zip((1, 2, 3), SECTOR_BY_NAME[nganh][4])))
        if shifts == 1:
            ca = int(round(total * self.rng.uniform(0.85, 1.0)))
        else:
            ca = int(math.ceil(total / shifts * self.rng.uniform(1.0, 1.35)))
        ca = max(1, min(total, ca))
        p_empty_date = 0.35 if kind is None else 0.07
        if self.rng.random() < p_empty_date:
            date = ""
        else:
            d = self.rng.randrange(0, 91)  # 2021-04-01 .. 2021-06-30
            month, day = (4, d + 1) if d < 30 else ((5, d - 29) if d < 61 else (6, d - 60))
            date = "2021-%02d-%02d" % (month, day)
        mst = self.taxcode()
        return {
            "ma_so_thue": mst,
            "ten_co_so": self.name(nganh),
            "kinh_do": "%.6f" % lon,
            "vi_do": "%.6f" % lat,
            "ma_khu": zone_id or "",
            "tinh": province,
            "huyen": nfc(huyen),
            "dia_chi": nfc(address),
            "nganh": nganh,
            "so_lao_dong": str(total),
            "lao_dong_ngoai_tinh": str(ngoai),
            "lao_dong_ca_dong_nhat": str(ca),
            "ngay_cap_tai_khoan": date,
        }


COLUMNS = ["ma_so_thue", "ten_co_so", "kinh_do", "vi_do", "ma_khu", "tinh", "huyen", "dia_chi",
           "nganh", "so_lao_dong", "lao_dong_ngoai_tinh", "lao_dong_ca_dong_nhat",
           "ngay_cap_tai_khoan"]

# Two very large plants (fictitious) so the "large facility" rules have something to bite on.
FORCED = {"HN-KCN-THANGLONG": ("Điện tử", 12350), "HNA-KCN-DONGVAN2": ("May mặc", 11870)}


def build_factories(zones):
    g = Gen(zones)
    byid = {z["id"]: z for z in zones}
    rows = []
    for z in zones:
        if z["id"] == KKT_ID:
            continue
        for i in range(z["n_fac"]):
            forced = FORCED.get(z["id"]) if i == 0 else None
            x, y = g.point_in_zone(z)
            addr = "%s, %s, %s, %s, %s" % (g.lot(z["id"]), z["short"], z["commune"], z["admin"],
                                          PROVINCE_LABEL[z["province"]])
            huyen = z["district"].split(",")[0].strip()
            rows.append(g.row(z["province"], huyen, x, y, z["id"], z["kind"], addr, forced))
    kkt = byid[KKT_ID]
    for i in range(kkt["n_fac"]):
        lon, lat, commune, admin, huyen = KKT_ANCHORS[i % len(KKT_ANCHORS)]
        x, y = g.point_in_zone(kkt, around=(lon, lat), spread_deg=0.012)
        addr = "%s, %s, %s, %s, %s" % (g.lot(KKT_ID), kkt["short"], commune, admin,
                                      PROVINCE_LABEL["Lạng Sơn"])
        rows.append(g.row("Lạng Sơn", huyen, x, y, KKT_ID, "KKT", addr))
    for prov, lon, lat, commune, admin, huyen, count, road in STANDALONE:
        for i in range(count):
            x, y = g.point_outside(lon, lat)
            if road is None or g.rng.random() < 0.5:
                addr = "Thửa đất số %d, tờ bản đồ số %d, %s, %s, %s" % (
                    g.rng.randint(12, 480), g.rng.randint(1, 38), commune, admin, PROVINCE_LABEL[prov])
            else:
                addr = "Km %d+%03d %s, %s, %s, %s" % (
                    g.rng.randint(2, 60), g.rng.randrange(0, 1000, 50), road,
                    commune, admin, PROVINCE_LABEL[prov])
            rows.append(g.row(prov, huyen, x, y, None, None, addr))
    # ~3 % of rows arrive without a tax code. Accounts on the national system are issued to
    # an enterprise by its tax code, so these rows have no account date either.
    for i in sorted(g.rng.sample(range(len(rows)), round(0.03 * len(rows)))):
        rows[i]["ma_so_thue"] = ""
        rows[i]["ngay_cap_tai_khoan"] = ""
    rows.sort(key=lambda r: (PROVINCE_ORDER[r["tinh"]], r["huyen"], r["ma_khu"] == "", r["ma_khu"],
                             r["ten_co_so"]))
    return rows


def factories_csv(rows):
    out = io.StringIO(newline="")
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return out.getvalue()


# ---------------------------------------------------------------------------
# Shapefile in VN-2000 / TM-3 107-15 (EPSG:9215)
# ---------------------------------------------------------------------------
SHP_DIR = os.path.join(SITES, "lang_son_ccn_vn2000")
SHP_NAME = "lang_son_ccn_vn2000"
# Same CRS as a PROJ string, used only if the EPSG code is unknown to this PROJ.
VN2000_TM3_10715 = ("+proj=tmerc +lat_0=0 +lon_0=107.25 +k=0.9999 +x_0=500000 +y_0=0 "
                    "+ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,"
                    "-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs")


def write_shapefile(zones):
    from osgeo import ogr, osr
    src = osr.SpatialReference()
    src.ImportFromEPSG(4326)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dst = osr.SpatialReference()
    if dst.ImportFromEPSG(9215) != 0:
        dst.ImportFromProj4(VN2000_TM3_10715)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(src, dst)
    os.makedirs(SHP_DIR, exist_ok=True)
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        p = os.path.join(SHP_DIR, SHP_NAME + ext)
        if os.path.exists(p):
            os.remove(p)
    drv = ogr.GetDriverByName("ESRI Shapefile")
    ds = drv.CreateDataSource(os.path.join(SHP_DIR, SHP_NAME + ".shp"))
    lyr = ds.CreateLayer(SHP_NAME, dst, ogr.wkbPolygon,
                         options=["ENCODING=UTF-8", "DBF_DATE_LAST_UPDATE=2021-06-24"])
    widths = {"id": 24, "kind": 3, "name": 120, "province": 40, "district": 80}
    for k, wdt in widths.items():
        fd = ogr.FieldDefn(k, ogr.OFTString)
        fd.SetWidth(wdt)
        lyr.CreateField(fd)
    for z in zones:
        if z["province"] != "Lạng Sơn":
            continue
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in z["ring"] + [z["ring"][0]]:
            ring.AddPoint_2D(x, y)
        poly = ogr.Geometry(ogr.wkbPolygon)
        poly.AddGeometry(ring)
        poly.Transform(ct)
        # round to the millimetre so the output does not depend on PROJ's last bits
        r2 = ogr.Geometry(ogr.wkbLinearRing)
        pr = poly.GetGeometryRef(0)
        for i in range(pr.GetPointCount()):
            px, py = pr.GetPoint_2D(i)
            r2.AddPoint_2D(round(px, 3), round(py, 3))
        p2 = ogr.Geometry(ogr.wkbPolygon)
        p2.AddGeometry(r2)
        f = ogr.Feature(lyr.GetLayerDefn())
        for k in widths:
            f.SetField(k, z[k])
        f.SetGeometry(p2)
        lyr.CreateFeature(f)
        f = None
    ds = None


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def main(argv):
    zones = build_zones()
    write_text(os.path.join(SITES, "zones.geojson"), zones_geojson(zones))
    rows = build_factories(zones)
    write_text(os.path.join(SITES, "factories.csv"), factories_csv(rows))
    msg = "zones: %d, factories: %d (%d outside any zone)" % (
        len(zones), len(rows), sum(1 for r in rows if not r["ma_khu"]))
    if "--no-shapefile" not in argv:
        try:
            write_shapefile(zones)
            msg += ", shapefile: %s" % os.path.relpath(SHP_DIR, DATA)
        except ImportError:
            sys.stderr.write("warning: GDAL Python bindings missing; shapefile not written "
                             "(run with /usr/bin/python3)\n")
    print(msg)


if __name__ == "__main__":
    main(sys.argv[1:])
