#include <ogr_spatialref.h>
#include <ogr_srs_api.h>
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "core/text/fold.h"
#include "gis/io/crs_input.h"
#include "gis/io/site_import.h"
#include "gis/io/vn2000.h"
#include "test_import_fixtures.h"
#include "test_support.h"

using namespace safemap;

namespace {

constexpr double kPiValue = 3.14159265358979323846;

double dms(int d, int m, double s) {
    return d + m / 60.0 + s / 3600.0;
}

// Transverse Mercator on the WGS 84 ellipsoid by Krüger's series to n^4 (Karney 2011, eq. 35;
// sub-millimetre within a 3° zone). Written here independently of PROJ so that the projection
// step of an import is checked against a second implementation.
std::pair<double, double> krugerTm(double latDeg, double lonDeg, double lon0Deg, double k0,
                                   double falseEasting) {
    const double a = 6378137.0, f = 1 / 298.257223563;
    const double n = f / (2 - f);
    const double bigA = a / (1 + n) * (1 + n * n / 4 + std::pow(n, 4) / 64);
    const double alpha[4] = {
        n / 2 - 2 * n * n / 3 + 5 * std::pow(n, 3) / 16 + 41 * std::pow(n, 4) / 180,
        13 * n * n / 48 - 3 * std::pow(n, 3) / 5 + 557 * std::pow(n, 4) / 1440,
        61 * std::pow(n, 3) / 240 - 103 * std::pow(n, 4) / 140, 49561 * std::pow(n, 4) / 161280};
    const double phi = latDeg * kPiValue / 180, lambda = (lonDeg - lon0Deg) * kPiValue / 180;
    const double e = 2 * std::sqrt(n) / (1 + n);
    const double t = std::sinh(std::atanh(std::sin(phi)) - e * std::atanh(e * std::sin(phi)));
    const double xi = std::atan2(t, std::cos(lambda));
    const double eta = std::atanh(std::sin(lambda) / std::sqrt(1 + t * t));
    double x = eta, y = xi;
    for (int j = 1; j <= 4; ++j) {
        x += alpha[j - 1] * std::cos(2 * j * xi) * std::sinh(2 * j * eta);
        y += alpha[j - 1] * std::sin(2 * j * xi) * std::cosh(2 * j * eta);
    }
    return {falseEasting + k0 * bigA * x, k0 * bigA * y};
}

// Metres between two nearby lon/lat points (equirectangular; fine below a few km).
double greatCircleMetres(GeoPoint a, GeoPoint b) {
    const double r = 6371000.0, lat = (a.lat + b.lat) / 2 * kPiValue / 180;
    const double dx = (a.lon - b.lon) * kPiValue / 180 * std::cos(lat) * r;
    const double dy = (a.lat - b.lat) * kPiValue / 180 * r;
    return std::hypot(dx, dy);
}

/// Imports one point given as two numbers in `crs` through a CSV, as a user would.
GeoPoint importPoint(double x, double y, const std::string& crs) {
    TempDir dir;
    char line[128];
    std::snprintf(line, sizeof line, "ten,x,y\nĐiểm,%.10f,%.10f\n", x, y);
    fixtures::writeFile(dir.file("p.csv"), line);
    SiteImportOptions options;
    options.sourceCrs = crs;
    auto batch = readSites(dir.file("p.csv"), options);
    REQUIRE_OK(batch);
    REQUIRE(batch->factories.size() == 1);
    return batch->factories[0].location;
}

std::string words(std::string_view s) {
    std::string out;
    for (char c : foldForSearch(s)) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    return " " + out + " ";
}

}  // namespace

TEST_CASE("VN-2000 central meridians of the provinces named in the brief") {
    // Typed from Circular 973/2001/TT-TCĐC as quoted in the task, not from the table.
    const std::vector<std::pair<const char*, int>> expected = {
        {"Hà Nội", 105 * 60},
        {"Hà Nam", 105 * 60},
        {"Lạng Sơn", 107 * 60 + 15},
        {"Bắc Ninh", 105 * 60 + 30},
        {"Hải Phòng", 105 * 60 + 45},
        {"Quảng Ninh", 107 * 60 + 45},
        {"TP Hồ Chí Minh", 105 * 60 + 45},
        {"Đà Nẵng", 107 * 60 + 45},
        {"Bình Dương", 105 * 60 + 45},
        {"Đồng Nai", 107 * 60 + 45},
        {"Thái Nguyên", 106 * 60 + 30},
        {"Bắc Giang", 107 * 60},
        {"Vĩnh Phúc", 105 * 60},
        {"Hưng Yên", 105 * 60 + 30},
        {"Hải Dương", 105 * 60 + 30},
        {"Nam Định", 105 * 60 + 30},
        {"Ninh Bình", 105 * 60},
        {"Thanh Hóa", 105 * 60},
        {"Nghệ An", 104 * 60 + 45},
    };
    for (const auto& [name, minutes] : expected) {
        INFO(name);
        auto p = findVn2000Province(name);
        REQUIRE(p.has_value());
        CHECK(p->meridianMinutes == minutes);
    }
}

TEST_CASE("provinces are found by folded names, prefixes and common aliases") {
    CHECK(vn2000CrsFor("lang son").value() == "EPSG:9215");
    CHECK(vn2000CrsFor("Tỉnh Lạng Sơn").value() == "EPSG:9215");
    CHECK(vn2000CrsFor("LẠNG SƠN").value() == "EPSG:9215");
    CHECK(findVn2000Province("Thành phố Hà Nội")->name == "Hà Nội");
    CHECK(findVn2000Province("tp. ho chi minh")->name == "Hồ Chí Minh");
    CHECK(findVn2000Province("HCM")->name == "Hồ Chí Minh");
    CHECK(findVn2000Province("Thanh Hoá")->name == "Thanh Hóa");  // either tone placement
    CHECK(findVn2000Province("Bà Rịa – Vũng Tàu")->name == "Bà Rịa - Vũng Tàu");
    CHECK(findVn2000Province("Bắc Cạn")->name == "Bắc Kạn");
    CHECK_FALSE(findVn2000Province("Viêng Chăn").has_value());
    CHECK_FALSE(findVn2000Province("").has_value());
    CHECK_FALSE(vn2000CrsFor("Atlantis").ok());
}

TEST_CASE("the VN-2000 table matches the EPSG dataset: meridian, scale, datum and area of use") {
    ensureGdalRegistered();
    // 63 provinces of 2021 plus Hà Tây.
    CHECK(vn2000Provinces().size() == 64);

    // EPSG names the provinces in each CRS's area of use; read them from PROJ's database.
    std::string dbPath;
    char** paths = OSRGetPROJSearchPaths();
    for (char** p = paths; p && *p && dbPath.empty(); ++p)
        if (std::filesystem::exists(std::string(*p) + "/proj.db"))
            dbPath = std::string(*p) + "/proj.db";
    CSLDestroy(paths);
    REQUIRE_FALSE(dbPath.empty());
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(dbPath.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    auto areasOf = [db](int code) {
        std::string areas;
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db,
                           "SELECT e.description FROM usage u JOIN extent e ON "
                           "e.auth_name = u.extent_auth_name AND e.code = u.extent_code WHERE "
                           "u.object_table_name = 'projected_crs' AND u.object_auth_name = "
                           "'EPSG' AND u.object_code = ?",
                           -1, &st, nullptr);
        const std::string c = std::to_string(code);
        sqlite3_bind_text(st, 1, c.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(st) == SQLITE_ROW)
            areas += words(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
        return areas;
    };

    for (const auto& p : vn2000Provinces()) {
        INFO(std::string(p.name) + " EPSG:" + std::to_string(p.epsg));
        OGRSpatialReference srs;
        REQUIRE(srs.importFromEPSG(p.epsg) == OGRERR_NONE);
        CHECK(srs.GetProjParm(SRS_PP_CENTRAL_MERIDIAN) == Approx(p.centralMeridian()).margin(1e-9));
        CHECK(srs.GetProjParm(SRS_PP_SCALE_FACTOR) == 0.9999);
        CHECK(srs.GetProjParm(SRS_PP_FALSE_EASTING) == 500000.0);
        CHECK(std::string(srs.GetAttrValue("DATUM")) == "Vietnam_2000");
        const std::string name = words(p.name);
        CHECK(areasOf(p.epsg).find(name) != std::string::npos);
    }
    sqlite3_close(db);
}

TEST_CASE("our VN-2000 Helmert constants are the ones EPSG and PROJ use") {
    ensureGdalRegistered();
    OGRSpatialReference srs;
    REQUIRE(srs.importFromEPSG(4756) == OGRERR_NONE);
    char* proj4 = nullptr;
    REQUIRE(srs.exportToProj4(&proj4) == OGRERR_NONE);
    const std::string text = proj4;
    CPLFree(proj4);
    char expected[200];
    std::snprintf(expected, sizeof expected, "+towgs84=%.8f,%.8f,%.8f,%.8f,%.8f,%.8f,%.9f",
                  kVn2000ToWgs84[0], kVn2000ToWgs84[1], kVn2000ToWgs84[2], kVn2000ToWgs84[3],
                  kVn2000ToWgs84[4], kVn2000ToWgs84[5], kVn2000ToWgs84[6]);
    CHECK(text.find(expected) != std::string::npos);
    // Decision 05/2007/QĐ-BTNMT gives the rotations as -0.00928836", +0.01975479",
    // -0.00427372" (coordinate frame); +towgs84 is position vector, so the signs flip.
    CHECK(kVn2000ToWgs84[3] == 0.00928836);
    CHECK(kVn2000ToWgs84[4] == -0.01975479);
}

TEST_CASE("CRS input shorthands resolve to EPSG codes or PROJ strings") {
    CHECK(resolveCrsInput("9215").value() == "EPSG:9215");
    CHECK(resolveCrsInput(" EPSG:3405 ").value() == "EPSG:3405");
    CHECK(resolveCrsInput("VN2000").value() == "EPSG:4756");
    CHECK(resolveCrsInput("VN2000:Lạng Sơn").value() == "EPSG:9215");
    CHECK(resolveCrsInput("vn2000:lang son").value() == "EPSG:9215");
    CHECK(resolveCrsInput("VN2000:107-15").value() == "EPSG:9215");
    CHECK(resolveCrsInput("VN2000:107°15'").value() == "EPSG:9215");
    CHECK(resolveCrsInput("VN2000:107.25").value() == "EPSG:9215");
    CHECK(resolveCrsInput("VN2000:105").value() == "EPSG:5897");
    // No EPSG code exists for 105°15': a PROJ string with the same parameters.
    const auto custom = resolveCrsInput("VN2000:105-15");
    REQUIRE_OK(custom);
    CHECK(custom->find("+lon_0=105.25 ") != std::string::npos);
    CHECK(custom->find("+k=0.9999 ") != std::string::npos);
    CHECK(crsDisplayName("VN2000:Lạng Sơn").value() == "VN-2000 / TM-3 107-15");
    CHECK(crsDisplayName("+proj=utm +zone=48 +datum=WGS84").ok());
    CHECK_FALSE(resolveCrsInput("VN2000:Atlantis").ok());
    CHECK_FALSE(resolveCrsInput("VN2000:125.5").ok());
    CHECK_FALSE(resolveCrsInput("EPSG:999999").ok());
    CHECK_FALSE(resolveCrsInput("khong phai CRS").ok());
    CHECK_FALSE(resolveCrsInput("").ok());
}

TEST_CASE("VN-2000 → WGS 84 matches published coordinate pairs") {
    // Circular 20/2019/TT-BGTVT (Khánh Hòa seaport waters), appendix: each boundary point in
    // both WGS-84 and VN-2000 geographic coordinates, to 0.1". Rounding both sides allows
    // 0.1" of disagreement, plus EPSG:6960's stated 1 m accuracy: 0.15" tolerance.
    struct Pair {
        const char* point;
        double vnLat, vnLon, wgsLat, wgsLon;
    };
    const Pair pairs[] = {
        {"VP1", dms(12, 33, 39.7), dms(109, 25, 53.6), dms(12, 33, 36.0), dms(109, 26, 0.0)},
        {"NT1", dms(12, 14, 17.7), dms(109, 15, 53.6), dms(12, 14, 14.0), dms(109, 16, 0.0)},
        {"C1", dms(11, 58, 12.5), dms(109, 12, 18.4), dms(11, 58, 8.8), dms(109, 12, 24.9)},
    };
    const double tolerance = 0.15 / 3600;
    for (const auto& p : pairs) {
        INFO(p.point);
        const GeoPoint got = importPoint(p.vnLon, p.vnLat, "VN2000");
        CHECK(got.lat == Approx(p.wgsLat).margin(tolerance));
        CHECK(got.lon == Approx(p.wgsLon).margin(tolerance));
    }
}

TEST_CASE("a VN-2000 TM-3 point lands where its geographic twin does") {
    // A point near Đồng Đăng, Lạng Sơn, in VN-2000 geographic coordinates.
    const double lat = 21.85, lon = 106.76;
    // Projected by hand (Krüger series above) on the local zone: 107°15', k0 = 0.9999.
    const auto [e, n] = krugerTm(lat, lon, 107.25, 0.9999, 500000);
    // Cross-check of the series itself, recorded at development time with
    // `echo "106.76 21.85" | cs2cs +proj=longlat +ellps=WGS84 +to +proj=tmerc +lon_0=107.25
    //  +k=0.9999 +x_0=500000 +ellps=WGS84` → 449353.1238 2417029.9728.
    CHECK(e == Approx(449353.1238).margin(0.001));
    CHECK(n == Approx(2417029.9728).margin(0.001));

    const GeoPoint fromGeographic = importPoint(lon, lat, "VN2000");
    const GeoPoint fromTm3 = importPoint(e, n, "VN2000:Lạng Sơn");
    CHECK(greatCircleMetres(fromTm3, fromGeographic) < 0.01);
    // The same point on the national UTM 48N variant (EPSG:3405, k0 = 0.9996, 105°E).
    const auto [ue, un] = krugerTm(lat, lon, 105.0, 0.9996, 500000);
    CHECK(greatCircleMetres(importPoint(ue, un, "EPSG:3405"), fromGeographic) < 0.01);
    // Sanity: the datum shift itself. The published pairs above move about 3.7" north-south
    // and 6.5" east-west, i.e. a couple of hundred metres; a missing or doubled shift would
    // give 0 or ~400 m.
    const double shift = greatCircleMetres(fromGeographic, GeoPoint{lon, lat});
    CHECK(shift > 100);
    CHECK(shift < 300);
}
