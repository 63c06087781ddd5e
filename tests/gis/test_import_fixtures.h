#pragma once

// Writes small source files at test time with GDAL itself, so the fixtures are exactly what
// the real drivers produce and nothing binary is kept in the repository.

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "core/model/site.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "gis/gdal_boundary.h"

namespace fixtures {

struct Field {
    std::string name;
    OGRFieldType type = OFTString;
};

/// One feature: a value per field (nullopt leaves it unset) and its geometry as WKT.
struct Feature {
    std::vector<std::optional<std::string>> values;
    std::string wkt;
};

/// Creates `path` with one layer through the named GDAL driver.
inline void writeLayer(const std::string& path, const std::string& driver,
                       const std::string& layerName, const std::string& srsDefinition,
                       OGRwkbGeometryType geometryType, const std::vector<Field>& fields,
                       const std::vector<Feature>& features,
                       const std::vector<std::string>& layerOptions = {}) {
    safemap::ensureGdalRegistered();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver.c_str());
    REQUIRE(drv != nullptr);
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds != nullptr);
    OGRSpatialReference srs;
    const bool hasSrs = !srsDefinition.empty();
    if (hasSrs) {
        REQUIRE(srs.SetFromUserInput(srsDefinition.c_str()) == OGRERR_NONE);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    std::vector<const char*> options;
    for (const auto& o : layerOptions)
        options.push_back(o.c_str());
    options.push_back(nullptr);
    OGRLayer* layer = ds->CreateLayer(layerName.c_str(), hasSrs ? &srs : nullptr, geometryType,
                                      const_cast<char**>(options.data()));
    REQUIRE(layer != nullptr);
    for (const auto& f : fields) {
        OGRFieldDefn defn(f.name.c_str(), f.type);
        REQUIRE(layer->CreateField(&defn) == OGRERR_NONE);
    }
    for (const auto& spec : features) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        for (size_t i = 0; i < spec.values.size(); ++i)
            if (spec.values[i])
                feature->SetField(static_cast<int>(i), spec.values[i]->c_str());
        if (!spec.wkt.empty()) {
            OGRGeometry* g = nullptr;
            REQUIRE(OGRGeometryFactory::createFromWkt(spec.wkt.c_str(), nullptr, &g) ==
                    OGRERR_NONE);
            feature->SetGeometryDirectly(g);
        }
        REQUIRE(layer->CreateFeature(feature.get()) == OGRERR_NONE);
    }
}

inline void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    REQUIRE(out.good());
}

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Rows in a project's site tables, to show that a failed import wrote nothing.
inline long long siteRows(const safemap::Project& project) {
    const auto& repo = project.repository();
    return static_cast<long long>(repo.zones().value().size() + repo.factories().value().size() +
                                  repo.importLog(1000000).value().size());
}

/// Transforms a WGS 84 lon/lat to another CRS with GDAL, for writing projected fixtures.
inline std::pair<double, double> fromWgs84(const std::string& target, double lon, double lat) {
    safemap::ensureGdalRegistered();
    OGRSpatialReference wgs84, to;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    REQUIRE(to.SetFromUserInput(target.c_str()) == OGRERR_NONE);
    to.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs84, &to));
    REQUIRE(ct != nullptr);
    REQUIRE(ct->Transform(1, &lon, &lat));
    return {lon, lat};
}

}  // namespace fixtures

namespace fixtures {

/// Three facilities with Vietnamese names, used by every format test. The values are typed
/// out once here and checked field by field in checkSampleFactories.
struct SampleFactory {
    const char* taxCode;
    const char* id;
    const char* name;
    const char* province;
    const char* district;
    const char* zoneId;
    const char* workers;
    const char* outOfProvince;
    const char* largestShift;
    const char* accountIssued;  // as written in the file
    double lon;
    double lat;
};

inline const std::vector<SampleFactory>& sampleFactories() {
    static const std::vector<SampleFactory> rows = {
        {"0101234567", "HN-01", "Công ty TNHH Điện tử Đồng Văn", "Hà Nam", "Duy Tiên", "KCN-DV2",
         "1200", "300", "500", "2021-05-01", 105.9312, 20.6345},
        {"4900123456", "LS-02", "Công ty CP May Hữu Lũng", "Lạng Sơn", "Hữu Lũng", "", "850", "40",
         "400", "2021-06-15", 106.3451, 21.5003},
        {"", "LS-03", "Hợp tác xã Chế biến Nông sản Đồng Đăng", "Lạng Sơn", "Cao Lộc", "", "", "",
         "", "", 106.7012, 21.9421},
    };
    return rows;
}

inline std::optional<std::string> opt(const char* s) {
    return *s ? std::optional<std::string>(s) : std::nullopt;
}

/// The sample as GDAL features with the given column names, in this order: tax code, id,
/// name, province, district, zone id, workers, out of province, largest shift, account date.
inline std::vector<Feature> sampleFeatures(bool withPointGeometry) {
    std::vector<Feature> out;
    for (const auto& s : sampleFactories()) {
        Feature f;
        f.values = {opt(s.taxCode),      opt(s.id),           opt(s.name),    opt(s.province),
                    opt(s.district),     opt(s.zoneId),       opt(s.workers), opt(s.outOfProvince),
                    opt(s.largestShift), opt(s.accountIssued)};
        if (withPointGeometry)
            f.wkt = "POINT (" + std::to_string(s.lon) + " " + std::to_string(s.lat) + ")";
        out.push_back(std::move(f));
    }
    return out;
}

/// Checks imported factories against sampleFactories(), diacritics included.
inline void checkSampleFactories(const std::vector<safemap::Factory>& got,
                                 double tolerance = 1e-7) {
    REQUIRE(got.size() == 3);
    CHECK(got[0].id == "MST-0101234567");
    CHECK(got[0].taxCode == "0101234567");
    CHECK(got[0].name == "Công ty TNHH Điện tử Đồng Văn");
    CHECK(got[0].province == "Hà Nam");
    CHECK(got[0].district == "Duy Tiên");
    CHECK(got[0].zoneId == "KCN-DV2");
    CHECK(got[0].workforce.total == 1200);
    CHECK(got[0].workforce.outOfProvince == 300);
    CHECK(got[0].workforce.largestShift == 500);
    CHECK(got[0].accountIssued == safemap::parseDate("2021-05-01"));
    CHECK(got[0].location.lon == Approx(105.9312).margin(tolerance));
    CHECK(got[0].location.lat == Approx(20.6345).margin(tolerance));

    CHECK(got[1].id == "MST-4900123456");
    CHECK(got[1].name == "Công ty CP May Hữu Lũng");
    CHECK(got[1].province == "Lạng Sơn");
    CHECK(got[1].district == "Hữu Lũng");
    CHECK(got[1].zoneId.empty());
    CHECK(got[1].workforce.total == 850);
    CHECK(got[1].accountIssued == safemap::parseDate("2021-06-15"));
    CHECK(got[1].location.lon == Approx(106.3451).margin(tolerance));

    // No tax code: the source id is the stable id; unknown counts stay unknown, not zero.
    CHECK(got[2].id == "LS-03");
    CHECK(got[2].taxCode.empty());
    CHECK(got[2].name == "Hợp tác xã Chế biến Nông sản Đồng Đăng");
    CHECK(got[2].district == "Cao Lộc");
    CHECK_FALSE(got[2].workforce.total.has_value());
    CHECK_FALSE(got[2].workforce.outOfProvince.has_value());
    CHECK_FALSE(got[2].accountIssued.has_value());
    CHECK(got[2].location.lat == Approx(21.9421).margin(tolerance));
}

}  // namespace fixtures

/// REQUIRE(result.ok()), saying what went wrong when it did not.
#define REQUIRE_OK(result)                                                   \
    do {                                                                     \
        INFO(((result).ok() ? std::string() : (result).error().describe())); \
        REQUIRE((result).ok());                                              \
    } while (0)
