#include "gis/io/field_mapping.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "core/errors/error_catalogue.h"
#include "core/text/fold.h"
#include "core/text/quoted.h"
#include "core/text/utf8.h"
#include "gis/io/source_info.h"

namespace safemap {

namespace {

constexpr std::array<SiteAttribute, kSiteAttributeCount> kAll = {
    SiteAttribute::Id,
    SiteAttribute::TaxCode,
    SiteAttribute::Name,
    SiteAttribute::Kind,
    SiteAttribute::ZoneId,
    SiteAttribute::Province,
    SiteAttribute::District,
    SiteAttribute::Address,
    SiteAttribute::Sector,
    SiteAttribute::WorkersTotal,
    SiteAttribute::WorkersOutOfProvince,
    SiteAttribute::WorkersLargestShift,
    SiteAttribute::AccountIssued,
    SiteAttribute::Longitude,
    SiteAttribute::Latitude,
};

std::string columnKey(std::string_view name) {
    return foldToKey(name);
}

// A dBase field name holds at most ten bytes, so a shapefile cuts "workers_out_of_province"
// to "workers_ou": a ten-byte column whose key begins a longer synonym's key stands for it.
constexpr size_t kDbfNameBytes = 10;

bool isTruncationOf(std::string_view columnName, std::string_view fullKey) {
    if (columnName.size() != kDbfNameBytes)
        return false;
    const std::string key = columnKey(columnName);
    return key.size() >= 6 && fullKey.size() > key.size() && fullKey.substr(0, key.size()) == key;
}

}  // namespace

const std::array<SiteAttribute, kSiteAttributeCount>& allSiteAttributes() {
    return kAll;
}

std::string_view siteAttributeKey(SiteAttribute attribute) {
    switch (attribute) {
        case SiteAttribute::Id:
            return "id";
        case SiteAttribute::TaxCode:
            return "tax_code";
        case SiteAttribute::Name:
            return "name";
        case SiteAttribute::Kind:
            return "kind";
        case SiteAttribute::ZoneId:
            return "zone_id";
        case SiteAttribute::Province:
            return "province";
        case SiteAttribute::District:
            return "district";
        case SiteAttribute::Address:
            return "address";
        case SiteAttribute::Sector:
            return "sector";
        case SiteAttribute::WorkersTotal:
            return "workers_total";
        case SiteAttribute::WorkersOutOfProvince:
            return "workers_out_of_province";
        case SiteAttribute::WorkersLargestShift:
            return "workers_largest_shift";
        case SiteAttribute::AccountIssued:
            return "account_issued";
        case SiteAttribute::Longitude:
            return "longitude";
        case SiteAttribute::Latitude:
            return "latitude";
    }
    return "id";
}

std::optional<SiteAttribute> siteAttributeFromKey(std::string_view key) {
    for (SiteAttribute a : kAll)
        if (siteAttributeKey(a) == key)
            return a;
    return std::nullopt;
}

std::string& FieldMapping::column(SiteAttribute attribute) {
    return const_cast<std::string&>(std::as_const(*this).column(attribute));
}

const std::string& FieldMapping::column(SiteAttribute attribute) const {
    switch (attribute) {
        case SiteAttribute::Id:
            return id;
        case SiteAttribute::TaxCode:
            return taxCode;
        case SiteAttribute::Name:
            return name;
        case SiteAttribute::Kind:
            return kind;
        case SiteAttribute::ZoneId:
            return zoneId;
        case SiteAttribute::Province:
            return province;
        case SiteAttribute::District:
            return district;
        case SiteAttribute::Address:
            return address;
        case SiteAttribute::Sector:
            return sector;
        case SiteAttribute::WorkersTotal:
            return workersTotal;
        case SiteAttribute::WorkersOutOfProvince:
            return workersOutOfProvince;
        case SiteAttribute::WorkersLargestShift:
            return workersLargestShift;
        case SiteAttribute::AccountIssued:
            return accountIssued;
        case SiteAttribute::Longitude:
            return longitude;
        case SiteAttribute::Latitude:
            return latitude;
    }
    return id;
}

const std::vector<std::string_view>& fieldSynonyms(SiteAttribute attribute) {
    // Most specific first: when a file has both "ten_co_so" and "ten", the former wins.
    static const std::vector<std::string_view> kSynonyms[kSiteAttributeCount] = {
        {"id", "ma_co_so", "mã cơ sở", "ma", "mã"},
        {"tax_code", "ma_so_thue", "mã số thuế", "mst", "taxcode", "tax_id"},
        {"name", "ten_co_so", "tên cơ sở", "ten_doanh_nghiep", "tên doanh nghiệp", "ten_cong_ty",
         "ten_khu", "ten_kcn", "ten_ccn", "ten"},
        {"kind", "loai", "loại", "loai_khu", "loại khu"},
        {"zone_id", "ma_khu", "mã khu", "ma_kcn", "ma_ccn", "kcn_ccn", "khu_cum_cong_nghiep",
         "khu_cong_nghiep", "khu công nghiệp", "cum_cong_nghiep", "thuoc_kcn", "kcn", "ccn",
         "zone"},
        {"province", "tinh", "tỉnh", "tinh_thanh", "tỉnh/thành phố"},
        {"district", "huyen", "huyện", "quận/huyện", "quan_huyen"},
        {"address", "dia_chi", "địa chỉ"},
        {"sector", "nganh_nghe", "ngành nghề", "nganh", "linh_vuc", "lĩnh vực"},
        {"workers_total", "so_lao_dong", "số lao động", "tong_lao_dong", "tổng số lao động",
         "workers"},
        {"workers_out_of_province", "lao_dong_ngoai_tinh", "lao động ngoại tỉnh"},
        {"workers_largest_shift", "lao_dong_ca_dong_nhat", "lao động ca đông nhất"},
        {"account_issued", "ngay_cap_tai_khoan", "ngày cấp tài khoản"},
        {"longitude", "kinh_do", "kinh độ", "lon", "lng", "long", "x"},
        {"latitude", "vi_do", "vĩ độ", "lat", "y"},
    };
    return kSynonyms[static_cast<int>(attribute)];
}

FieldMapping guessFieldMapping(const SourceLayerInfo& layer) {
    std::vector<std::string> keys;
    keys.reserve(layer.fields.size());
    for (const auto& f : layer.fields)
        keys.push_back(columnKey(f.name));
    std::vector<bool> taken(layer.fields.size(), false);

    FieldMapping mapping;
    for (SiteAttribute a : kAll) {
        for (std::string_view synonym : fieldSynonyms(a)) {
            const std::string want = columnKey(synonym);
            bool found = false;
            for (size_t i = 0; i < keys.size() && !found; ++i) {
                if (taken[i] || keys[i] != want)
                    continue;
                mapping.column(a) = layer.fields[i].name;
                taken[i] = true;
                found = true;
            }
            if (found)
                break;
        }
    }
    // Second pass, for what is still unmapped: shapefile names cut to ten bytes.
    for (SiteAttribute a : kAll) {
        if (!mapping.column(a).empty())
            continue;
        for (std::string_view synonym : fieldSynonyms(a)) {
            const std::string want = columnKey(synonym);
            bool found = false;
            for (size_t i = 0; i < keys.size() && !found; ++i) {
                if (taken[i] || !isTruncationOf(layer.fields[i].name, want))
                    continue;
                mapping.column(a) = layer.fields[i].name;
                taken[i] = true;
                found = true;
            }
            if (found)
                break;
        }
    }
    return mapping;
}

std::string fieldMappingToJson(const FieldMapping& mapping) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (SiteAttribute a : kAll)
        if (const auto& c = mapping.column(a); !c.empty())
            j[std::string(siteAttributeKey(a))] = c;
    return j.dump(2) + "\n";
}

Result<FieldMapping> fieldMappingFromJson(std::string_view json) {
    if (!isValidUtf8(json))
        return codedError("mapping.not_utf8");
    const auto j = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (j.is_discarded())
        return codedError("mapping.not_json");
    if (!j.is_object())
        return codedError("mapping.not_object");
    FieldMapping mapping;
    for (const auto& [key, value] : j.items()) {
        auto attribute = siteAttributeFromKey(key);
        if (!attribute)
            return codedError("mapping.unknown_attribute", {quotedForMessage(key)});
        if (value.is_null())
            continue;
        if (!value.is_string())
            return codedError("mapping.not_a_string", {quotedForMessage(key)});
        mapping.column(*attribute) = value.get<std::string>();
    }
    return mapping;
}

int findMappedField(const SourceLayerInfo& layer, const std::string& column) {
    for (size_t i = 0; i < layer.fields.size(); ++i)
        if (layer.fields[i].name == column)
            return static_cast<int>(i);
    const std::string key = columnKey(column);
    for (size_t i = 0; i < layer.fields.size(); ++i)
        if (columnKey(layer.fields[i].name) == key)
            return static_cast<int>(i);
    int cut = -1;
    for (size_t i = 0; i < layer.fields.size(); ++i) {
        if (!isTruncationOf(layer.fields[i].name, key))
            continue;
        if (cut >= 0)
            return -1;  // two candidates: do not guess
        cut = static_cast<int>(i);
    }
    return cut;
}

std::vector<std::string> siteHeaderNames(const FieldMapping* mapping) {
    std::vector<std::string> names{"stt", "tt", "ghi_chu", "ghi chú", "wkt"};
    for (SiteAttribute a : kAll) {
        for (std::string_view synonym : fieldSynonyms(a))
            names.emplace_back(synonym);
        if (mapping && !mapping->column(a).empty())
            names.push_back(mapping->column(a));
    }
    return names;
}

Result<FieldMapping> parseMappingArgument(const std::string& argument) {
    std::string_view text = argument;
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n'))
        text.remove_prefix(1);
    if (!text.empty() && text.front() == '{')
        return fieldMappingFromJson(text);
    return readFieldMappingFile(argument);
}

Result<FieldMapping> readFieldMappingFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return codedError("mapping.cannot_open", {}, path);
    std::ostringstream text;
    text << in.rdbuf();
    auto mapping = fieldMappingFromJson(text.str());
    if (!mapping) {
        Error e = mapping.error();
        e.file = path;
        return e;
    }
    return mapping;
}

}  // namespace safemap
