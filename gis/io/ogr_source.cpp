#include "gis/io/ogr_source_p.h"

#include <filesystem>

#include "core/errors/error_catalogue.h"
#include "core/text/quoted.h"
#include "gis/io/cp1258.h"

namespace safemap {

namespace {

std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

GDALDatasetUniquePtr openVector(const std::string& path, const std::vector<std::string>& opts) {
    std::vector<const char*> openOptions;
    for (const auto& o : opts)
        openOptions.push_back(o.c_str());
    openOptions.push_back(nullptr);
    return GDALDatasetUniquePtr(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                          nullptr, openOptions.data(), nullptr));
}

std::string srsId(const OGRSpatialReference& srs) {
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority && code)
        return std::string(authority) + ":" + code;
    // An ESRI .prj carries no authority; ask PROJ for a confident match.
    int count = 0;
    int* confidence = nullptr;
    OGRSpatialReferenceH* matches = srs.FindMatches(nullptr, &count, &confidence);
    std::string id;
    if (count > 0 && confidence[0] >= 90) {
        auto* best = OGRSpatialReference::FromHandle(matches[0]);
        if (best->GetAuthorityName(nullptr) && best->GetAuthorityCode(nullptr))
            id = std::string(best->GetAuthorityName(nullptr)) + ":" +
                 best->GetAuthorityCode(nullptr);
    }
    OSRFreeSRSArray(matches);
    CPLFree(confidence);
    return id;
}

SourceFieldType fieldType(OGRFieldType type) {
    switch (type) {
        case OFTInteger:
        case OFTInteger64:
            return SourceFieldType::Integer;
        case OFTReal:
            return SourceFieldType::Real;
        case OFTString:
            return SourceFieldType::Text;
        case OFTDate:
            return SourceFieldType::Date;
        case OFTDateTime:
            return SourceFieldType::DateTime;
        default:
            return SourceFieldType::Other;
    }
}

// The file next to `path` with another extension, in whatever case it was written (Windows
// tools write ".DBF" beside ".shp"); empty if there is none.
std::string sibling(const std::string& path, std::string_view extension) {
    namespace fs = std::filesystem;
    const fs::path p(path);
    const std::string stem = p.stem().string();
    std::error_code ec;
    const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const fs::path& candidate = entry.path();
        if (candidate.stem().string() == stem && lowerExtension(candidate.string()) == extension)
            return candidate.string();
    }
    return {};
}

// GDAL opens a shapefile without its .dbf as a layer with no columns (and the import then
// says "no column is mapped to the site name"), and one without its .shx not at all.
Status checkShapefileParts(const std::string& path, const std::string& file) {
    const std::string stem = std::filesystem::path(path).stem().string();
    if (sibling(path, ".shx").empty())
        return codedError("sites.shapefile_no_shx", {stem}, file);
    if (sibling(path, ".dbf").empty())
        return codedError("sites.shapefile_no_dbf", {stem}, file);
    return {};
}

}  // namespace

bool hasShapefilePrj(const std::string& path) {
    return !sibling(path, ".prj").empty();
}

bool isTabularPath(const std::string& path) {
    const std::string ext = lowerExtension(path);
    return ext == ".csv" || ext == ".tsv" || ext == ".txt" || isSpreadsheetPath(path);
}

bool isSpreadsheetPath(const std::string& path) {
    const std::string ext = lowerExtension(path);
    return ext == ".xlsx" || ext == ".xlsm" || ext == ".ods";
}

std::string OgrSource::text(const char* bytes) const {
    if (!bytes)
        return {};
    if (decoding == TextDecoding::Cp1258)
        return decodeCp1258(bytes);
    return bytes;
}

std::string displayFileName(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

Result<std::unique_ptr<OgrSource>> openOgrSource(const std::string& path) {
    ensureGdalRegistered();
    GdalErrorScope errors;
    const std::string file = displayFileName(path);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return codedError("file.not_found", {}, file);

    auto source = std::make_unique<OgrSource>();
    source->path = path;
    std::vector<std::string> openOptions;
    const std::string ext = lowerExtension(path);
    if (ext == ".shp") {
        if (Status parts = checkShapefileParts(path, file); !parts)
            return parts.error();
    }
    if (ext == ".csv" || ext == ".tsv" || ext == ".txt") {
        // Every value stays text: numbers and dates are parsed (and refused) by us, with the
        // row and column in the message, instead of a column silently turning into strings.
        openOptions = {"HEADERS=YES", "AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO"};
    } else if (ext == ".xlsx" || ext == ".xlsm" || ext == ".ods") {
        // GDAL 3.6 takes these as configuration options only. DISABLE: every row, titles
        // included, arrives as a feature (FID = sheet row) and chooseHeaderRow finds the
        // header, which offices put below title rows. STRING: tax codes keep their leading
        // zeros and every cell reaches us as the user typed it.
        const std::string prefix = ext == ".ods" ? "OGR_ODS_" : "OGR_XLSX_";
        source->threadOptions.push_back(
            std::make_unique<ScopedGdalThreadOption>(prefix + "HEADERS", "DISABLE"));
        source->threadOptions.push_back(
            std::make_unique<ScopedGdalThreadOption>(prefix + "FIELD_TYPES", "STRING"));
    }
    source->dataset = openVector(path, openOptions);
    if (!source->dataset)
        return errors.error("gdal.unsupported_file", {}, file);
    source->driver = source->dataset->GetDriverName();

    if (source->driver == "ESRI Shapefile" && source->dataset->GetLayerCount() > 0) {
        OGRLayer* layer = source->dataset->GetLayer(0);
        const char* enc = layer->GetMetadataItem("SOURCE_ENCODING", "SHAPEFILE");
        source->encoding = enc ? enc : "";
        if (isCp1258Name(source->encoding)) {
            // See cp1258.h: GDAL's own recoding loses the last letter of every string.
            source->dataset.reset();
            source->dataset = openVector(path, {"ENCODING="});
            if (!source->dataset)
                return errors.error("gdal.cannot_reopen_shapefile", {}, file);
            source->decoding = TextDecoding::Cp1258;
        }
    }
    return source;
}

Result<OGRLayer*> findLayer(const OgrSource& source, const std::string& name) {
    GDALDataset& ds = *source.dataset;
    const std::string file = displayFileName(source.path);
    if (ds.GetLayerCount() == 0)
        return codedError("gdal.no_layers", {}, file);
    if (name.empty())
        return ds.GetLayer(0);
    std::string names;
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        OGRLayer* layer = ds.GetLayer(i);
        const std::string layerName = layer->GetName();
        if (layerName == name)
            return layer;
        names += (i ? ", " : "") + layerName;
    }
    return codedError("gdal.no_such_layer", {quotedForMessage(name), names}, file);
}

SourceGeometry geometryFamily(OGRwkbGeometryType type) {
    const OGRwkbGeometryType flat = OGR_GT_Flatten(type);
    if (flat == wkbNone)
        return SourceGeometry::None;
    if (flat == wkbPoint || flat == wkbMultiPoint)
        return SourceGeometry::Point;
    if (OGR_GT_IsSubClassOf(flat, wkbCurve) || OGR_GT_IsSubClassOf(flat, wkbMultiCurve))
        return SourceGeometry::Line;
    if (OGR_GT_IsSubClassOf(flat, wkbSurface) || OGR_GT_IsSubClassOf(flat, wkbMultiSurface))
        return SourceGeometry::Polygon;
    return SourceGeometry::Mixed;
}

SourceLayerInfo describeLayer(const OgrSource& source, OGRLayer& layer) {
    SourceLayerInfo info;
    // Layer names come from file or table names, never from the DBF: not recoded.
    info.name = layer.GetName();
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const OGRFieldDefn* field = defn->GetFieldDefn(i);
        info.fields.push_back({source.text(field->GetNameRef()), fieldType(field->GetType())});
    }
    info.featureCount = layer.GetFeatureCount(TRUE);
    const OGRwkbGeometryType type = defn->GetGeomFieldCount() > 0 ? layer.GetGeomType() : wkbNone;
    info.geometry = geometryFamily(type);
    info.geometryType = OGRGeometryTypeToName(type);
    if (const OGRSpatialReference* srs = layer.GetSpatialRef()) {
        info.hasCrs = true;
        info.crsName = srs->GetName() ? srs->GetName() : "";
        info.crsId = srsId(*srs);
    }
    return info;
}

}  // namespace safemap
