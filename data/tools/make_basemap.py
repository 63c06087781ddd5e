#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Build data/basemap/countries.geojson from Natural Earth (via the npm package world-atlas).

    mkdir -p /tmp/wa && cd /tmp/wa && npm install world-atlas@2.0.2
    /usr/bin/python3 data/tools/make_basemap.py /tmp/wa/node_modules/world-atlas/countries-10m.json

Steps (see data/basemap/README.md):
  1. ogr2ogr -makevalid: the quantised TopoJSON has a self-intersecting ring in Vietnam's
     polygon; without this step -clipsrc silently drops the whole country.
  2. ogr2ogr -clipsrc 92 3 126 27: keep the region that a view of the whole of Việt Nam,
     Hoàng Sa and Trường Sa included, shows on a wide screen.
  3. Natural Earth puts the small islets of the Hoàng Sa archipelago (Paracel Islands)
     inside the feature named "China", and the Trường Sa archipelago (Spratly Islands) in
     a feature "Spratly Is." of its own.  Both are moved, geometry unchanged, into one
     feature with an empty name, so no other country's name or colour is put on them;
     SafeMap draws that feature in Việt Nam's colour and labels the two archipelagos
     itself (gis/render/basemap_layers.cpp).
  4. Write RFC 7946 GeoJSON, coordinates to 5 decimals (~1 m; the source is
     quantised to ~0.0036°).
"""

import os
import subprocess
import sys
import tempfile

from osgeo import gdal, ogr, osr

gdal.UseExceptions()

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "basemap", "countries.geojson")
CLIP = ("92", "3", "126", "27")
# lon/lat boxes around the Hoàng Sa (Paracel) and Trường Sa (Spratly) archipelagos. Only
# small parts wholly inside a box move (the Trường Sa box stops west of Palawan's islets and
# north of Sabah's).
ISLETS_BOXES = [(110.5, 15.5, 113.0, 17.5), (111.5, 7.0, 116.5, 12.0)]
ISLET_MAX_AREA = 0.05  # square degrees
ARCHIPELAGO_FEATURES = {"Spratly Is."}


def main(src):
    with tempfile.TemporaryDirectory() as tmp:
        valid = os.path.join(tmp, "valid.geojson")
        clipped = os.path.join(tmp, "clipped.geojson")
        subprocess.check_call(["ogr2ogr", "-f", "GeoJSON", valid, src, "countries",
                               "-makevalid", "-nlt", "PROMOTE_TO_MULTI"])
        subprocess.check_call(["ogr2ogr", "-f", "GeoJSON", clipped, valid, "countries",
                               "-clipsrc", *CLIP, "-nlt", "PROMOTE_TO_MULTI"])
        src_ds = ogr.Open(clipped)
        src_lyr = src_ds.GetLayer()
        feats = []
        islets = ogr.Geometry(ogr.wkbMultiPolygon)
        for f in src_lyr:
            g = f.GetGeometryRef().Clone()
            keep = ogr.Geometry(ogr.wkbMultiPolygon)
            name = f.GetField("name") or ""
            for i in range(g.GetGeometryCount()):
                part = g.GetGeometryRef(i)
                x0, x1, y0, y1 = part.GetEnvelope()
                in_box = any(x0 >= b[0] and x1 <= b[2] and y0 >= b[1] and y1 <= b[3]
                             for b in ISLETS_BOXES)
                if name in ARCHIPELAGO_FEATURES or (
                        name != "Vietnam" and in_box and part.GetArea() < ISLET_MAX_AREA):
                    islets.AddGeometry(part.Clone())
                else:
                    keep.AddGeometry(part.Clone())
            if keep.GetGeometryCount():
                feats.append((f.GetField("id") or "", name, keep))
        if islets.GetGeometryCount():
            feats.append(("", "", islets))
        src_ds = None

        os.makedirs(os.path.dirname(OUT), exist_ok=True)
        if os.path.exists(OUT):
            os.remove(OUT)
        drv = ogr.GetDriverByName("GeoJSON")
        ds = drv.CreateDataSource(OUT)
        wgs84 = osr.SpatialReference()
        wgs84.ImportFromEPSG(4326)
        wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        lyr = ds.CreateLayer("countries", wgs84, ogr.wkbMultiPolygon,
                             options=["RFC7946=YES", "COORDINATE_PRECISION=5", "WRITE_NAME=NO"])
        for k in ("id", "name"):
            lyr.CreateField(ogr.FieldDefn(k, ogr.OFTString))
        for fid, name, geom in feats:
            assert geom.IsValid(), name
            f = ogr.Feature(lyr.GetLayerDefn())
            f.SetField("id", fid)
            f.SetField("name", name)
            f.SetGeometry(geom)
            assert lyr.CreateFeature(f) == 0, (name, gdal.GetLastErrorMsg())
        ds = None
    print("wrote %s (%d features, %d bytes)" % (OUT, len(feats), os.path.getsize(OUT)))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
