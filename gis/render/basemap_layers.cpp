// Việt Nam's offline basemap (data/basemap/README.md): two files read once with OGR into
// immutable layers with their own styles. GDAL's error state is per thread; every call is
// wrapped (GdalErrorScope) and turned into an Error value naming the file.
#include "gis/render/basemap_layers.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <array>
#include <filesystem>
#include <memory>

#include "core/errors/error_catalogue.h"
#include "gis/gdal_boundary.h"
#include "gis/render/layer_style.h"
#include "gis/render/ogr_geometry_p.h"

namespace safemap {

namespace {

// Category 1 of the land layer: Việt Nam, its islands and archipelagos; 0: its neighbours.
constexpr std::uint8_t kNeighbour = 0;
constexpr std::uint8_t kVietnam = 1;

const QColor kVietnamLand(252, 250, 242);
const QColor kNeighbourLand(236, 234, 228);
const QColor kCoastline(150, 150, 150);
const QColor kProvinceLine(150, 132, 160);
const QColor kDistrictLine(190, 180, 196);
const QColor kRiver(120, 168, 214);
const QColor kRiverText(50, 100, 160);

// Natural Earth's English names (countries.geojson) in Vietnamese and English. Hong Kong and
// Macao are too small at the basemap's scales to carry a name; the unnamed feature holds the
// Hoàng Sa and Trường Sa islets (make_basemap.py), named by the archipelago layer instead.
struct CountryNames {
    std::string_view naturalEarth, vi, en;
};
constexpr std::array<CountryNames, 19> kCountryNames{{
    {"Vietnam", "Việt Nam", "Vietnam"},
    {"China", "Trung Quốc", "China"},
    {"Laos", "Lào", "Laos"},
    {"Cambodia", "Campuchia", "Cambodia"},
    {"Thailand", "Thái Lan", "Thailand"},
    {"Myanmar", "Myanmar", "Myanmar"},
    {"Malaysia", "Malaysia", "Malaysia"},
    {"Indonesia", "Indonesia", "Indonesia"},
    {"Brunei", "Brunei", "Brunei"},
    {"Philippines", "Philippines", "Philippines"},
    {"Taiwan", "Đài Loan", "Taiwan"},
    {"India", "Ấn Độ", "India"},
    {"Bhutan", "Bhutan", "Bhutan"},
    {"Bangladesh", "Bangladesh", "Bangladesh"},
    {"Japan", "Nhật Bản", "Japan"},
    {"Hong Kong", "", ""},
    {"Macao", "", ""},
    {"Scarborough Reef", "", ""},
    {"", "", ""},
}};

// The two archipelagos are districts of Đà Nẵng and Khánh Hòa in vietnam_admin.gpkg.
constexpr std::string_view kHoangSaCode = "498";
constexpr std::string_view kTruongSaCode = "576";

std::string text(MapLanguage language, const char* vi, const char* en) {
    return language == MapLanguage::Vietnamese ? vi : en;
}

/// One vector file open for reading, its layers read feature by feature.
class VectorFile {
public:
    static Result<VectorFile> open(const std::string& path) {
        ensureGdalRegistered();
        GdalErrorScope errors;
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        if (!ds)
            return errors.error("basemap.cannot_open_gdal", {}, path);
        return VectorFile(path, std::move(ds));
    }

    /// Calls f(feature) for every feature with a geometry of `layer` (the first layer if
    /// empty), in EPSG:4326 lon/lat.
    template <class F>
    Status forEach(const char* layerName, F f) {
        GdalErrorScope errors;
        OGRLayer* layer = layerName ? ds_->GetLayerByName(layerName) : ds_->GetLayer(0);
        if (!layer)
            return codedError("basemap.layer_missing", {layerName ? layerName : "0"}, path_);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> transform;
        if (const OGRSpatialReference* source = layer->GetSpatialRef();
            source && !source->IsSame(&wgs84)) {
            OGRSpatialReference from(*source);
            from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            transform.reset(OGRCreateCoordinateTransformation(&from, &wgs84));
            if (!transform)
                return errors.error("basemap.cannot_reproject", {}, path_);
        }
        layer->ResetReading();
        for (auto& feature : *layer) {
            OGRGeometry* geometry = feature->GetGeometryRef();
            if (!geometry)
                continue;
            if (transform && geometry->transform(transform.get()) != OGRERR_NONE)
                continue;
            f(*feature, *geometry);
        }
        if (errors.failed())
            return errors.error("basemap.cannot_read", {}, path_);
        return {};
    }

private:
    VectorFile(std::string path, GDALDatasetUniquePtr ds)
        : path_(std::move(path)), ds_(std::move(ds)) {}

    std::string path_;
    GDALDatasetUniquePtr ds_;
};

std::string field(const OGRFeature& feature, const char* name) {
    const int i = feature.GetFieldIndex(name);
    return i >= 0 && feature.IsFieldSetAndNotNull(i) ? feature.GetFieldAsString(i) : std::string();
}

LayerRender layerOf(std::shared_ptr<const LayerData> data, LayerStyle style) {
    return LayerRender{std::move(data), std::move(style), true};
}

LayerStyle landStyle() {
    LayerStyle s;
    s.categories = {{kNeighbourLand, QColor(175, 172, 165)}, {kVietnamLand, kCoastline}};
    s.strokeWidth = 0.8;
    s.showLabels = true;
    s.labelColor = QColor(125, 122, 115);
    s.labelSize = 13;
    s.labelUppercase = true;
    return s;
}

LayerStyle archipelagoStyle() {
    LayerStyle s;
    s.categories = {{kVietnamLand, kCoastline}};
    s.strokeWidth = 1.0;
    s.showLabels = true;
    s.labelColor = QColor(70, 90, 130);
    s.labelSize = 11;
    s.labelItalic = true;
    return s;
}

LayerStyle provinceStyle() {
    LayerStyle s;
    s.categories = {{kVietnamLand, kProvinceLine}};
    s.strokeWidth = 1.0;
    s.showLabels = true;
    s.labelColor = QColor(115, 92, 128);
    s.labelSize = 10.5;
    s.labelBold = true;
    s.labelUppercase = true;
    return s;
}

LayerStyle districtStyle() {
    LayerStyle s;
    s.categories = {{QColor(0, 0, 0, 0), kDistrictLine}};  // boundaries only
    s.strokeWidth = 0.7;
    s.showLabels = true;
    s.labelColor = QColor(120, 110, 128);
    s.labelSize = 10;
    s.labelRoom = 0.7;  // a district is named when its name nearly fits across it
    s.maxScale = kBasemapDetailScale;
    return s;
}

LayerStyle riverStyle() {
    LayerStyle s;
    s.categories = {{kRiver, kRiver}};
    s.strokeWidth = 1.2;
    s.showLabels = true;
    s.labelColor = kRiverText;
    s.labelSize = 10;
    s.labelItalic = true;
    s.labelMaxScale = kBasemapDetailScale;
    return s;
}

LayerStyle townStyle() {
    LayerStyle s;
    s.categories = {{QColor(55, 55, 60), Qt::white}};
    s.pointSize = 5;
    s.strokeWidth = 1.2;
    s.showLabels = true;
    s.labelColor = QColor(30, 30, 35);
    s.labelSize = 11;
    s.maxScale = kBasemapDetailScale;
    return s;
}

// "TP. Lạng Sơn", "TX. Duy Tiên", "Kim Bảng": how Vietnamese maps name district-level units.
std::string districtLabel(const std::string& name, const std::string& type) {
    if (type == "Thành phố")
        return "TP. " + name;
    if (type == "Thị xã")
        return "TX. " + name;
    return name;
}

}  // namespace

std::string countryName(std::string_view naturalEarthName, MapLanguage language) {
    for (const CountryNames& c : kCountryNames)
        if (c.naturalEarth == naturalEarthName)
            return std::string(language == MapLanguage::Vietnamese ? c.vi : c.en);
    return std::string(naturalEarthName);
}

std::string hoangSaLabel(MapLanguage language) {
    return text(language, "Quần đảo Hoàng Sa", "Hoang Sa (Paracel) Islands");
}

std::string truongSaLabel(MapLanguage language) {
    return text(language, "Quần đảo Trường Sa", "Truong Sa (Spratly) Islands");
}

namespace {

// Where the basemap's layers are: the shipped files, or a field package that holds them
// clipped to its area (gis/field/package_basemap.h), the same layers under a prefix.
struct BasemapSource {
    std::string countriesPath;
    std::string countriesLayer;  ///< empty: the file's first layer
    std::string adminPath;
    std::string prefix;  ///< of the admin layers' names
};

Result<std::vector<LayerRender>> loadBasemapFrom(const BasemapSource& source,
                                                 MapLanguage language) {
    const std::string adminPath = source.adminPath;
    const auto adminLayer = [&](const char* name) { return source.prefix + name; };
    auto countries = VectorFile::open(source.countriesPath);
    if (!countries)
        return countries.error();
    LayerBuilder land(kBasemapLandId, text(language, "Quốc gia", "Countries"), LayerKind::Basemap);
    long n = 0;
    Status st = countries->forEach(
        source.countriesLayer.empty() ? nullptr : source.countriesLayer.c_str(),
        [&](const OGRFeature& f, const OGRGeometry& g) {
            MultiPolygon area;
            detail::collectPolygons(g, nullptr, area);
            if (area.empty())
                return;
            const std::string ne = field(f, "name");
            // Việt Nam and the unnamed islets of its archipelagos in Việt Nam's colour; Việt Nam
            // itself is not named (its provinces are).
            const bool vietnam = ne == "Vietnam" || ne.empty();
            land.addPolygon("country-" + std::to_string(++n), area, vietnam ? kVietnam : kNeighbour,
                            vietnam ? std::string() : countryName(ne, language),
                            detail::interiorPoint(g));
        });
    if (!st)
        return st.error();

    auto admin = VectorFile::open(adminPath);
    if (!admin)
        return admin.error();
    LayerBuilder archipelagos(
        kBasemapArchipelagosId,
        text(language, "Quần đảo Hoàng Sa, Trường Sa", "Hoang Sa and Truong Sa Islands"),
        LayerKind::Basemap);
    LayerBuilder districts(kBasemapDistrictsId, text(language, "Quận, huyện", "Districts"),
                           LayerKind::Basemap);
    st = admin->forEach(
        adminLayer("districts").c_str(), [&](const OGRFeature& f, const OGRGeometry& g) {
            MultiPolygon area;
            detail::collectPolygons(g, nullptr, area);
            if (area.empty())
                return;
            const std::string code = field(f, "code");
            districts.addPolygon("district-" + code, area, 0,
                                 districtLabel(field(f, "name_vi"), field(f, "type_vi")),
                                 detail::interiorPoint(g));
            if (code == kHoangSaCode || code == kTruongSaCode) {
                // Named at the middle of the archipelago's extent, out at sea among its islands.
                OGREnvelope e;
                g.getEnvelope(&e);
                archipelagos.addPolygon(
                    std::string("archipelago-") + code, area, 0,
                    code == kHoangSaCode ? hoangSaLabel(language) : truongSaLabel(language),
                    GeoPoint{(e.MinX + e.MaxX) / 2, (e.MinY + e.MaxY) / 2});
            }
        });
    if (!st)
        return st.error();

    LayerBuilder provinces(kBasemapProvincesId, text(language, "Tỉnh, thành phố", "Provinces"),
                           LayerKind::Basemap);
    st = admin->forEach(adminLayer("provinces").c_str(),
                        [&](const OGRFeature& f, const OGRGeometry& g) {
                            MultiPolygon area;
                            detail::collectPolygons(g, nullptr, area);
                            if (!area.empty())
                                provinces.addPolygon("province-" + field(f, "code"), area, 0,
                                                     field(f, "name_vi"), detail::interiorPoint(g));
                        });
    if (!st)
        return st.error();

    LayerBuilder rivers(kBasemapRiversId, text(language, "Sông", "Rivers"), LayerKind::Basemap,
                        GeometryKind::Lines);
    n = 0;
    st = admin->forEach(adminLayer("rivers").c_str(), [&](const OGRFeature& f,
                                                          const OGRGeometry& g) {
        std::vector<std::vector<GeoPoint>> parts;
        detail::collectLines(g, parts);
        const std::string vi = field(f, "name_vi");
        // Only the rivers with a Vietnamese name are named, in both languages.
        std::string label = vi.empty()                            ? std::string()
                            : language == MapLanguage::Vietnamese ? vi
                                                                  : field(f, "name_en") + " River";
        rivers.addLine("river-" + std::to_string(++n), parts, 0, std::move(label));
    });
    if (!st)
        return st.error();

    LayerBuilder towns(kBasemapTownsId, text(language, "Thành phố, thị xã", "Cities and towns"),
                       LayerKind::Basemap, GeometryKind::Points);
    n = 0;
    st = admin->forEach(
        adminLayer("places").c_str(), [&](const OGRFeature& f, const OGRGeometry& g) {
            if (const auto p = detail::pointOf(g))
                towns.addPoint("town-" + std::to_string(++n), *p, 0,
                               std::numeric_limits<float>::quiet_NaN(), field(f, "name_vi"));
        });
    if (!st)
        return st.error();

    std::vector<LayerRender> layers;
    layers.push_back(layerOf(land.finish(), landStyle()));
    layers.push_back(layerOf(archipelagos.finish(), archipelagoStyle()));
    layers.push_back(layerOf(provinces.finish(), provinceStyle()));
    layers.push_back(layerOf(districts.finish(), districtStyle()));
    layers.push_back(layerOf(rivers.finish(), riverStyle()));
    layers.push_back(layerOf(towns.finish(), townStyle()));
    return layers;
}

}  // namespace

Result<std::vector<LayerRender>> loadBasemapLayers(const std::string& dataDir,
                                                   MapLanguage language) {
    const std::filesystem::path dir = std::filesystem::path(dataDir) / "basemap";
    return loadBasemapFrom(
        {(dir / "countries.geojson").string(), "", (dir / "vietnam_admin.gpkg").string(), ""},
        language);
}

Result<std::vector<LayerRender>> loadPackageBasemapLayers(const std::string& packagePath,
                                                          MapLanguage language) {
    return loadBasemapFrom({packagePath, std::string(kPackageBasemapPrefix) + "countries",
                            packagePath, kPackageBasemapPrefix},
                           language);
}

}  // namespace safemap
