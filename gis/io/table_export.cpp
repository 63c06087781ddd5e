#include "gis/io/table_export.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "core/text/utf8.h"
#include "core/util/atomic_file.h"
#include "gis/gdal_boundary.h"

namespace safemap {

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

OGRFieldType fieldType(ExportColumnType type) {
    switch (type) {
        case ExportColumnType::Integer:
            return OFTInteger;
        case ExportColumnType::Real:
            return OFTReal;
        case ExportColumnType::Text:
            break;
    }
    return OFTString;
}

// The temporary file keeps the final extension, and only once: GDAL's /vsizip/ (under the
// XLSX writer) cuts a path at its first ".xlsx", so "a.xlsx.partial-1.xlsx" would not do.
std::string temporaryWithExtension(const std::string& path) {
    const std::filesystem::path p(path);
    const std::string tmp = temporaryPathFor((p.parent_path() / p.stem()).string());
    return tmp + p.extension().string();
}

DatasetPtr createDataset(const char* driverName, const std::string& path) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
    if (!driver)
        return nullptr;
    std::error_code ec;
    std::filesystem::remove(path, ec);  // a leftover of a crashed export
    return DatasetPtr(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
}

bool addFields(OGRLayer* layer, const std::vector<ExportColumn>& columns) {
    for (const ExportColumn& c : columns) {
        OGRFieldDefn field(c.name.c_str(), fieldType(c.type));
        if (layer->CreateField(&field) != OGRERR_NONE)
            return false;
    }
    return true;
}

// Sets the cells of one row; an empty cell stays null.
void setCells(OGRFeature& feature, const std::vector<ExportColumn>& columns,
              const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) {
        if (row[i].empty())
            continue;
        const int field = static_cast<int>(i);
        switch (columns[i].type) {
            case ExportColumnType::Integer: {
                // Our own cells (export_table.cpp); one that is not a number is left null.
                int v = 0;
                const char* end = row[i].data() + row[i].size();
                if (std::from_chars(row[i].data(), end, v).ptr == end)
                    feature.SetField(field, v);
                break;
            }
            case ExportColumnType::Real: {
                double v = 0;
                const char* end = row[i].data() + row[i].size();
                if (std::from_chars(row[i].data(), end, v).ptr == end)
                    feature.SetField(field, v);
                break;
            }
            case ExportColumnType::Text:
                feature.SetField(field, row[i].c_str());
                break;
        }
    }
}

std::string headingText(const ExportHeading& heading) {
    std::string text = heading.title;
    for (const auto& [label, value] : heading.lines) {
        text += '\n';
        text += label;
        text += ": ";
        text += value;
    }
    return text;
}

// Closes (writes) the dataset and renames the file into place, or removes it.
Status finish(DatasetPtr dataset, bool ok, const GdalErrorScope& errors, const std::string& tmp,
              const std::string& path) {
    // XLSX and GeoJSON write their file when closed; GDAL 3.6's close says nothing back,
    // so a failure there shows as a CPL error in `errors`.
    dataset.reset();
    std::error_code ec;
    if (!ok || errors.failed() || !std::filesystem::exists(tmp, ec)) {
        std::filesystem::remove(tmp, ec);
        return errors.error("export.cannot_write", {}, path);
    }
    return commitTemporaryFile(tmp, path);
}

}  // namespace

Status writeTableXlsx(const std::string& path, const ExportHeading& heading,
                      const std::string& sheetName, const ExportTable& table, bool vietnamese) {
    ensureGdalRegistered();
    GdalErrorScope errors;
    const std::string tmp = temporaryWithExtension(path);
    DatasetPtr dataset = createDataset("XLSX", tmp);
    bool ok = dataset != nullptr;
    if (ok) {
        // The heading's sheet: its columns' names are its first row, then the title, then
        // one row per line.
        OGRLayer* about =
            dataset->CreateLayer(vietnamese ? "Thông tin" : "About", nullptr, wkbNone, nullptr);
        ok = about &&
             addFields(about, {{vietnamese ? "Mục" : "Item", ExportColumnType::Text},
                               {vietnamese ? "Nội dung" : "Value", ExportColumnType::Text}});
        auto addRow = [&](const std::string& label, const std::string& value) {
            OGRFeature feature(about->GetLayerDefn());
            feature.SetField(0, label.c_str());
            feature.SetField(1, value.c_str());
            return about->CreateFeature(&feature) == OGRERR_NONE;
        };
        ok = ok && addRow(vietnamese ? "Tiêu đề" : "Title", heading.title);
        for (const auto& [label, value] : heading.lines)
            ok = ok && addRow(label, value);
        // Excel allows 31 characters; 31 bytes cut at a letter boundary stay within that.
        const std::string name = sheetName.substr(0, utf8CutPoint(sheetName, 31));
        OGRLayer* sheet =
            ok ? dataset->CreateLayer(name.c_str(), nullptr, wkbNone, nullptr) : nullptr;
        ok = sheet && addFields(sheet, table.columns);
        for (std::size_t r = 0; ok && r < table.rows.size(); ++r) {
            OGRFeature feature(sheet->GetLayerDefn());
            setCells(feature, table.columns, table.rows[r]);
            ok = sheet->CreateFeature(&feature) == OGRERR_NONE;
        }
    }
    return finish(std::move(dataset), ok, errors, tmp, path);
}

Status writeFacilitiesGis(const std::string& path, GisFormat format, const ProjectFacts& facts,
                          const ExportHeading& heading, const ExportTable& table) {
    ensureGdalRegistered();
    GdalErrorScope errors;
    const std::string tmp = temporaryWithExtension(path);
    DatasetPtr dataset = createDataset(format == GisFormat::GeoPackage ? "GPKG" : "GeoJSON", tmp);
    bool ok = dataset != nullptr;
    if (ok) {
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        const std::string description = headingText(heading);
        CPLStringList options;
        options.SetNameValue("DESCRIPTION", description.c_str());
        if (format == GisFormat::GeoPackage) {
            options.SetNameValue("IDENTIFIER", heading.title.c_str());
            options.SetNameValue("SPATIAL_INDEX", "YES");
        } else {
            // 7 decimals of a degree: about a centimetre, more than any survey here.
            options.SetNameValue("COORDINATE_PRECISION", "7");
            options.SetNameValue("RFC7946", "YES");
        }
        OGRLayer* layer = dataset->CreateLayer("co_so", &wgs84, wkbPoint, options.List());
        ok = layer && addFields(layer, table.columns);
        // One transaction: a GeoPackage of 100,000 points is written in one commit.
        const bool transaction = ok && dataset->StartTransaction() == OGRERR_NONE;
        for (std::size_t r = 0; ok && r < table.rows.size(); ++r) {
            OGRFeature feature(layer->GetLayerDefn());
            setCells(feature, table.columns, table.rows[r]);
            if (r < table.positions.size() && table.positions[r] < facts.factories.size()) {
                const GeoPoint& at = facts.factories[table.positions[r]].location;
                feature.SetGeometryDirectly(new OGRPoint(at.lon, at.lat));
            }
            ok = layer->CreateFeature(&feature) == OGRERR_NONE;
        }
        if (transaction)
            ok = (ok ? dataset->CommitTransaction() : dataset->RollbackTransaction()) ==
                     OGRERR_NONE &&
                 ok;
    }
    return finish(std::move(dataset), ok, errors, tmp, path);
}

}  // namespace safemap
