#include "gis/io/site_plan_p.h"

#include <ogr_spatialref.h>

#include "core/errors/error_catalogue.h"
#include "core/text/fold.h"
#include "core/text/quoted.h"
#include "gis/io/crs_input.h"

namespace safemap {

namespace {

Result<OGRSpatialReference> sourceSrs(const PlanInput& input, const SiteImportOptions& options,
                                      bool fromGeometry) {
    OGRSpatialReference srs;
    if (!options.sourceCrs.empty()) {
        auto definition = resolveCrsInput(options.sourceCrs);
        if (!definition) {
            Error e = definition.error();
            e.file = input.file;
            return e;
        }
        srs.SetFromUserInput(definition->c_str());
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return srs;
    }
    if (fromGeometry) {
        if (!input.layerSrs) {
            if (input.shapefile) {
                const std::string stem = input.file.substr(0, input.file.rfind('.'));
                return codedError("sites.shapefile_no_prj", {stem}, input.file);
            }
            return codedError("sites.layer_no_crs", {}, input.file);
        }
        // Keep the driver's axis mapping: it describes how the file stores coordinates.
        return *input.layerSrs;
    }
    srs.importFromEPSG(4326);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

std::optional<SiteField> fieldOf(SiteAttribute a, bool zones) {
    switch (a) {
        case SiteAttribute::TaxCode:
            return zones ? std::nullopt : std::optional(SiteField::TaxCode);
        case SiteAttribute::Name:
            return SiteField::Name;
        case SiteAttribute::Kind:
            return zones ? std::optional(SiteField::Kind) : std::nullopt;
        case SiteAttribute::ZoneId:
            // A zones layer's own key, not an attribute of it.
            return zones ? std::nullopt : std::optional(SiteField::Zone);
        case SiteAttribute::Province:
            return SiteField::Province;
        case SiteAttribute::District:
            return SiteField::District;
        case SiteAttribute::Address:
            return zones ? std::nullopt : std::optional(SiteField::Address);
        case SiteAttribute::Sector:
            return zones ? std::nullopt : std::optional(SiteField::Sector);
        case SiteAttribute::WorkersTotal:
            return zones ? std::nullopt : std::optional(SiteField::WorkersTotal);
        case SiteAttribute::WorkersOutOfProvince:
            return zones ? std::nullopt : std::optional(SiteField::WorkersOutOfProvince);
        case SiteAttribute::WorkersLargestShift:
            return zones ? std::nullopt : std::optional(SiteField::WorkersLargestShift);
        case SiteAttribute::AccountIssued:
            return zones ? std::nullopt : std::optional(SiteField::AccountIssued);
        case SiteAttribute::Id:
        case SiteAttribute::Longitude:
        case SiteAttribute::Latitude:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

bool isRowNumberColumn(const std::string& name) {
    const std::string key = foldToKey(name);
    return key == "stt" || key == "tt" || key == "so_thu_tu" || key == "no" || key == "so_tt";
}

Result<ReadPlan> planRead(const PlanInput& input, const SiteImportOptions& options,
                          std::vector<Error>& notes) {
    ReadPlan plan;
    plan.file = input.file;
    const SourceLayerInfo& info = input.info;
    plan.mapping = options.mapping ? *options.mapping : guessFieldMapping(info);
    if (plan.mapping.name.empty())
        return codedError(info.fields.empty() ? "sites.no_columns" : "sites.no_name_column", {},
                          plan.file);
    std::vector<bool> used(info.fields.size(), false);
    for (SiteAttribute a : allSiteAttributes()) {
        std::string& column = plan.mapping.column(a);
        int& index = plan.fieldIndex[static_cast<int>(a)];
        index = column.empty() ? -1 : findMappedField(info, column);
        if (!column.empty() && index < 0)
            return codedError("sites.mapped_column_missing",
                              {quotedForMessage(column), std::string(siteAttributeKey(a))},
                              plan.file, -1, column);
        if (index >= 0) {
            column = info.fields[static_cast<size_t>(index)].name;
            used[static_cast<size_t>(index)] = true;
        }
    }
    plan.hasLonLat = !plan.mapping.longitude.empty() && !plan.mapping.latitude.empty();

    const SourceGeometry family = info.geometry;
    ImportTarget target = options.target;
    if (target == ImportTarget::Auto) {
        if (family == SourceGeometry::Polygon)
            target = ImportTarget::Zones;
        else if (family == SourceGeometry::Point || plan.hasLonLat)
            target = ImportTarget::Factories;
        else if (family == SourceGeometry::None && !plan.mapping.zoneId.empty())
            target = ImportTarget::Factories;  // placed inside their zones
        else
            return family == SourceGeometry::None
                       ? codedError("sites.target_unknown_no_geometry", {}, plan.file)
                       : codedError("sites.target_unknown", {info.geometryType}, plan.file);
    }
    plan.zones = target == ImportTarget::Zones;
    if (plan.zones && family != SourceGeometry::Polygon)
        return family == SourceGeometry::None
                   ? codedError("sites.zones_need_polygons_none", {}, plan.file)
                   : codedError("sites.zones_need_polygons", {info.geometryType}, plan.file);
    plan.useGeometry = plan.zones || family == SourceGeometry::Point;
    if (!plan.useGeometry && !plan.hasLonLat && plan.mapping.zoneId.empty())
        return codedError("sites.factories_need_position", {}, plan.file);
    plan.geometryColumn = input.geometryColumn;

    // Only what the source has a column (or geometry) for is provided: a re-import from a
    // file without, say, a workers column must not clear the stored counts.
    for (SiteAttribute a : allSiteAttributes())
        if (plan.fieldIndex[static_cast<int>(a)] >= 0)
            if (auto field = fieldOf(a, plan.zones))
                plan.provided.insert(*field);
    plan.provided.insert(SiteField::Name);
    if (plan.zones || plan.useGeometry || plan.hasLonLat)
        plan.provided.insert(SiteField::Position);

    for (size_t i = 0; i < info.fields.size(); ++i) {
        const std::string& name = info.fields[i].name;
        if (used[i] || name.empty() || isRowNumberColumn(name) || input.quietColumns.count(name))
            continue;
        notes.push_back(
            codedError("sites.column_not_imported", {quotedForMessage(name)}, plan.file, -1, name));
    }

    if (!plan.useGeometry && !plan.hasLonLat)
        return plan;  // positions come from the zones, already in WGS 84
    auto srs = sourceSrs(input, options, plan.useGeometry);
    if (!srs)
        return srs.error();
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!srs->IsSame(&wgs84)) {
        GdalErrorScope errors;
        plan.transform.reset(OGRCreateCoordinateTransformation(&*srs, &wgs84));
        if (!plan.transform)
            return errors.error("sites.cannot_transform_crs",
                                {srs->GetName() ? srs->GetName() : "?"}, plan.file);
    }
    return plan;
}

}  // namespace safemap
