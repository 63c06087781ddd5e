#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Check data/sites and data/basemap with GDAL.  Exit status 1 on any problem.

    /usr/bin/python3 data/tools/check_sample_data.py
"""

import collections
import csv
import datetime
import math
import os
import sys
import unicodedata

from osgeo import ogr, osr

DATA = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
problems = []


def bad(msg):
    problems.append(msg)
    print("PROBLEM:", msg)


def ring_signed_area(ring):
    pts = [ring.GetPoint_2D(i) for i in range(ring.GetPointCount())]
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(pts, pts[1:])) / 2.0


def main():
    # --- zones
    zds = ogr.Open(os.path.join(DATA, "sites", "zones.geojson"))
    zones = {}
    for f in zds.GetLayer():
        g = f.GetGeometryRef().Clone()
        r = g.GetGeometryRef(0)
        n = r.GetPointCount() - 1
        if g.GetGeometryName() != "POLYGON" or g.GetGeometryCount() != 1:
            bad("%s: not a single-ring polygon" % f["id"])
        if not (6 <= n <= 10):
            bad("%s: %d vertices" % (f["id"], n))
        if not g.IsValid() or not g.IsSimple():
            bad("%s: invalid" % f["id"])
        if ring_signed_area(r) <= 0:
            bad("%s: outer ring not CCW" % f["id"])
        if f["kind"] not in ("KCN", "CCN", "KKT"):
            bad("%s: kind %r" % (f["id"], f["kind"]))
        if f["province"] not in ("Hà Nội", "Hà Nam", "Lạng Sơn"):
            bad("%s: province %r" % (f["id"], f["province"]))
        for k in ("name", "district"):
            if not unicodedata.is_normalized("NFC", f[k]):
                bad("%s: %s not NFC" % (f["id"], k))
        if f["id"] in zones or not f["id"].isascii():
            bad("%s: duplicate or non-ASCII id" % f["id"])
        zones[f["id"]] = (g, f["province"], f["kind"])
    ids = sorted(zones)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            ga, gb = zones[a][0], zones[b][0]
            if ga.Intersects(gb) and not (ga.Contains(gb) or gb.Contains(ga)):
                bad("zones %s and %s overlap" % (a, b))
    print("zones: %d %s %s" % (len(zones), dict(collections.Counter(v[1] for v in zones.values())),
                               dict(collections.Counter(v[2] for v in zones.values()))))

    # --- basemap
    bds = ogr.Open(os.path.join(DATA, "basemap", "countries.geojson"))
    vn = None
    names = []
    for f in bds.GetLayer():
        names.append(f["name"])
        if not f.GetGeometryRef().IsValid():
            bad("basemap feature %r invalid" % f["name"])
        if f["name"] == "Vietnam":
            vn = f.GetGeometryRef().Clone()
    if vn is None:
        bad("basemap has no Vietnam")
    size = os.path.getsize(os.path.join(DATA, "basemap", "countries.geojson"))
    if size >= 1 << 20:
        bad("basemap is %d bytes" % size)
    print("basemap: %s, %d bytes" % (names, size))
    for k, (g, _, _) in zones.items():
        if vn is not None and not vn.Contains(g):
            bad("%s is not inside Natural Earth's Vietnam" % k)

    # --- vietnam_admin.gpkg (data/basemap/README.md)
    ads = ogr.Open(os.path.join(DATA, "basemap", "vietnam_admin.gpkg"))
    expected = {"provinces": 63, "districts": 692, "places": 59, "rivers": 9}
    for layer, count in expected.items():
        lyr = ads.GetLayerByName(layer) if ads else None
        if lyr is None:
            bad("vietnam_admin.gpkg has no layer %s" % layer)
            continue
        if lyr.GetFeatureCount() != count:
            bad("vietnam_admin.gpkg %s: %d features, expected %d"
                % (layer, lyr.GetFeatureCount(), count))
        for f in lyr:
            name = f["name_vi"]
            if name and not unicodedata.is_normalized("NFC", name):
                bad("vietnam_admin.gpkg %s: %r not NFC" % (layer, name))
    if ads:
        districts = {f["code"]: f["name_vi"] for f in ads.GetLayerByName("districts")}
        for code, name in (("498", "Hoàng Sa"), ("576", "Trường Sa")):
            if districts.get(code) != name:
                bad("vietnam_admin.gpkg: district %s is %r, expected %s"
                    % (code, districts.get(code), name))
        print("vietnam_admin.gpkg: %s" % ", ".join("%s %d" % kv for kv in expected.items()))

    # --- factories
    path = os.path.join(DATA, "sites", "factories.csv")
    raw = open(path, "rb").read()
    raw.decode("utf-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        bad("factories.csv has a BOM")
    rows = list(csv.DictReader(open(path, encoding="utf-8", newline="")))
    outside = 0
    for r in rows:
        name = r["ten_co_so"]
        if "(dữ liệu mẫu)" not in name:
            bad("name without marker: %s" % name)
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(float(r["kinh_do"]), float(r["vi_do"]))
        inz = [k for k, (g, _, _) in zones.items() if g.Contains(p)]
        if r["ma_khu"]:
            if r["ma_khu"] not in zones:
                bad("%s: unknown zone %s" % (name, r["ma_khu"]))
                continue
            g, prov, _ = zones[r["ma_khu"]]
            if not g.Contains(p):
                bad("%s: not inside %s" % (name, r["ma_khu"]))
            if prov != r["tinh"]:
                bad("%s: province differs from its zone" % name)
            extra = [k for k in inz if k != r["ma_khu"] and zones[k][2] != "KKT"]
            if extra:
                bad("%s: also inside %s" % (name, extra))
        else:
            outside += 1
            if inz:
                bad("%s: standalone but inside %s" % (name, inz))
        if vn is not None and not vn.Contains(p):
            bad("%s: outside Vietnam" % name)
        tot = int(r["so_lao_dong"])
        if not (0 <= int(r["lao_dong_ngoai_tinh"]) <= tot and 1 <= int(r["lao_dong_ca_dong_nhat"]) <= tot):
            bad("%s: worker counts inconsistent" % name)
        if r["ngay_cap_tai_khoan"]:
            d = datetime.date.fromisoformat(r["ngay_cap_tai_khoan"])
            if not datetime.date(2021, 4, 1) <= d <= datetime.date(2021, 6, 30):
                bad("%s: date %s" % (name, d))
        m = r["ma_so_thue"]
        if m and not (len(m) == 10 and m.isdigit() and m.startswith("99")):
            bad("%s: tax code %r" % (name, m))
    codes = [r["ma_so_thue"] for r in rows if r["ma_so_thue"]]
    if len(set(codes)) != len(codes):
        bad("duplicate tax codes")
    if len({r["ten_co_so"] for r in rows}) != len(rows):
        bad("duplicate names")
    print("factories: %d, standalone %d (%.1f %%), no tax code %d, no account date %d" % (
        len(rows), outside, 100.0 * outside / len(rows), len(rows) - len(codes),
        sum(1 for r in rows if not r["ngay_cap_tai_khoan"])))

    # --- shapefile round trip
    sds = ogr.Open(os.path.join(DATA, "sites", "lang_son_ccn_vn2000", "lang_son_ccn_vn2000.shp"))
    lyr = sds.GetLayer()
    srs = lyr.GetSpatialRef()
    print("shapefile: %d features, CRS %s:%s" % (lyr.GetFeatureCount(), srs.GetAuthorityName(None),
                                                 srs.GetAuthorityCode(None)))
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(srs, wgs)
    n_ls = sum(1 for v in zones.values() if v[1] == "Lạng Sơn")
    if lyr.GetFeatureCount() != n_ls:
        bad("shapefile has %d features, zones has %d in Lạng Sơn" % (lyr.GetFeatureCount(), n_ls))
    for f in lyr:
        if f["id"] not in zones:
            bad("shapefile id %s not in zones" % f["id"])
            continue
        ref = zones[f["id"]][0].GetGeometryRef(0)
        refpts = [ref.GetPoint_2D(i) for i in range(ref.GetPointCount())]
        r = f.GetGeometryRef().GetGeometryRef(0)
        worst = 0.0
        for i in range(r.GetPointCount()):
            lon, lat, _ = ct.TransformPoint(*r.GetPoint_2D(i))
            worst = max(worst, min(math.hypot((lon - x) * 111320 * math.cos(math.radians(y)),
                                              (lat - y) * 110574) for x, y in refpts))
        if worst > 0.01:
            bad("shapefile %s differs from zones.geojson by %.3f m" % (f["id"], worst))
    print("OK" if not problems else "%d problem(s)" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
