// The project file must be an ordinary GeoPackage to other tools: GDAL (hence ogrinfo and
// QGIS, which read it through GDAL) opens it, sees the layers with the right geometry and
// CRS, reads our geometries back, and its spatial filter uses our R-tree.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>

#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/synthetic/synthetic_sites.h"
#include "gis/gdal_boundary.h"
#include "test_support.h"

using namespace safemap;

TEST_CASE("GDAL opens a SafeMap project as a GeoPackage with our layers") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    SyntheticSpec spec;
    spec.zones = 30;
    spec.factories = 400;
    const SiteBatch batch = generateSyntheticSites(spec);
    {
        auto store = Project::create(path);
        REQUIRE(store.ok());
        REQUIRE(importSites(*store, batch, "synthetic").ok());
    }
    ensureGdalRegistered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    CHECK(std::string(ds->GetDriver()->GetDescription()) == "GPKG");

    OGRLayer* factories = ds->GetLayerByName("factories");
    OGRLayer* zones = ds->GetLayerByName("zones");
    REQUIRE(factories);
    REQUIRE(zones);
    CHECK(ds->GetLayerByName("assessments"));  // attribute tables are layers too
    CHECK(wkbFlatten(factories->GetGeomType()) == wkbPoint);
    CHECK(wkbFlatten(zones->GetGeomType()) == wkbMultiPolygon);
    CHECK(factories->GetFeatureCount() == 400);
    CHECK(zones->GetFeatureCount() == 30);
    const OGRSpatialReference* srs = factories->GetSpatialRef();
    REQUIRE(srs);
    CHECK(std::string(srs->GetAuthorityCode(nullptr)) == "4326");

    // Geometries read back exactly, Vietnamese attributes intact.
    factories->SetAttributeFilter("site_id = 'MST-9800000001'");
    OGRFeatureUniquePtr f(factories->GetNextFeature());
    REQUIRE(f);
    const auto* p = f->GetGeometryRef()->toPoint();
    CHECK(p->getX() == batch.factories[0].location.lon);
    CHECK(p->getY() == batch.factories[0].location.lat);
    CHECK(std::string(f->GetFieldAsString("name")) == batch.factories[0].name);
    factories->SetAttributeFilter(nullptr);

    // A spatial filter around one zone finds exactly the factories whose points fall in its
    // bounding box (GDAL answers it from rtree_factories_geom, which our triggers filled).
    const BBox box = bounds(batch.zones[0].area);
    factories->SetSpatialFilterRect(box.minX, box.minY, box.maxX, box.maxY);
    long expected = 0;
    for (const auto& fac : batch.factories)
        if (box.contains(fac.location.lon, fac.location.lat))
            ++expected;
    CHECK(factories->GetFeatureCount() == expected);
    CHECK(expected > 0);

    // The declared extent covers every factory.
    OGREnvelope env;
    REQUIRE(factories->GetExtent(&env, FALSE) == OGRERR_NONE);
    CHECK(env.MinX <= 103.5 + 0.1);
    CHECK(env.MaxY >= 22.8 - 0.1);
}
