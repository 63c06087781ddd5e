#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace safemap {

struct SourceLayerInfo;

/// The attributes of a site that an import can fill, in the order of FieldMapping's members.
enum class SiteAttribute {
    Id,
    TaxCode,
    Name,
    Kind,
    ZoneId,
    Province,
    District,
    Address,
    Sector,
    WorkersTotal,
    WorkersOutOfProvince,
    WorkersLargestShift,
    AccountIssued,
    Longitude,
    Latitude,
};
inline constexpr int kSiteAttributeCount = 15;

/// All attributes, for loops.
const std::array<SiteAttribute, kSiteAttributeCount>& allSiteAttributes();
/// The key used in mapping files and messages: "tax_code", "workers_total", ...
std::string_view siteAttributeKey(SiteAttribute attribute);
std::optional<SiteAttribute> siteAttributeFromKey(std::string_view key);

/// \brief Which source column feeds each site attribute; an empty name means "not imported".
///
/// Column names are as the source spells them (after decoding to UTF-8). The dialog edits
/// this value; the CLI reads it from JSON (`--mapping file.json`).
struct FieldMapping {
    std::string id;
    std::string taxCode;
    std::string name;
    std::string kind;  ///< KCN / CCN / KKT, zones only
    std::string zoneId;
    std::string province;
    std::string district;
    std::string address;
    std::string sector;
    std::string workersTotal;
    std::string workersOutOfProvince;
    std::string workersLargestShift;
    std::string accountIssued;
    std::string longitude;  ///< or easting, when the source CRS is projected
    std::string latitude;   ///< or northing

    std::string& column(SiteAttribute attribute);
    const std::string& column(SiteAttribute attribute) const;

    friend bool operator==(const FieldMapping&, const FieldMapping&) = default;
};

/// Guesses a mapping from column names: each attribute takes the first column whose folded
/// name (case, diacritics and punctuation ignored) is one of its Vietnamese or English
/// synonyms, e.g. tax_code ← "Mã số thuế", "MST", "taxcode". Each column feeds at most one
/// attribute. Attributes still unmapped then take a ten-byte column that begins one of their
/// longer synonyms: a shapefile's cut name ("workers_ou" for workers_out_of_province,
/// "lao_dong_n" for lao_dong_ngoai_tinh). The synonym lists are in docs/import.md.
FieldMapping guessFieldMapping(const SourceLayerInfo& layer);

/// The synonyms guessFieldMapping knows for an attribute, as written in docs/import.md.
const std::vector<std::string_view>& fieldSynonyms(SiteAttribute attribute);

/// JSON object from attribute key to column name, mapped attributes only:
/// {"name": "Tên cơ sở", "tax_code": "MST"}.
std::string fieldMappingToJson(const FieldMapping& mapping);
/// Reads the form written by fieldMappingToJson. Unknown keys are an error (a typo would
/// otherwise silently drop a column); null or "" leave an attribute unmapped.
Result<FieldMapping> fieldMappingFromJson(std::string_view json);
/// Reads a mapping file (UTF-8 JSON) such as the CLI's `--mapping`.
Result<FieldMapping> readFieldMappingFile(const std::string& path);
/// The CLI's `--mapping` value: inline JSON when it starts with '{' (after spaces), else the
/// path of a mapping file.
Result<FieldMapping> parseMappingArgument(const std::string& argument);

/// Index of the layer field a mapping names: exact spelling first, then ignoring case,
/// diacritics and punctuation, then a shapefile's ten-byte cut of the name when only one
/// field fits; -1 if none.
int findMappedField(const SourceLayerInfo& layer, const std::string& column);

/// Column names that mark a site list's header row: every synonym, "STT", and the columns
/// a given mapping names (for chooseHeaderRow).
std::vector<std::string> siteHeaderNames(const FieldMapping* mapping = nullptr);

}  // namespace safemap
