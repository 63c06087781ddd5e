#include "gis/io/site_rows_p.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/errors/error_catalogue.h"
#include "core/tabular/whole_number.h"
#include "core/text/quoted.h"
#include "core/util/date.h"

namespace safemap {

namespace {

Error rowError(const SiteRow& row, const FieldMapping& mapping, SiteAttribute a,
               std::string_view code, std::vector<std::string> args) {
    return codedError(code, std::move(args), row.file, row.row, mapping.column(a));
}

// A worker count: empty → unknown; otherwise a whole number ≥ 0. A count has no fraction, so
// "1.250" and "1,250" are 1250 and "1250.0" (as spreadsheets write it) is 1250, while "1,5" or
// "12.5" is refused rather than guessed (readWholeNumber).
Result<std::optional<int>> parseCount(const SiteRow& row, const FieldMapping& mapping,
                                      SiteAttribute a) {
    const std::string& text = row[a];
    if (text.empty())
        return std::optional<int>{};
    const WholeNumberReading reading = readWholeNumber(text);
    if (!reading.value)
        return reading.problem.at(row.file, row.row, mapping.column(a));
    if (*reading.value < 0)
        return rowError(row, mapping, a, "sites.count_negative", {quotedForMessage(text)});
    if (*reading.value > std::numeric_limits<int>::max())
        return rowError(row, mapping, a, "number.too_large", {quotedForMessage(text)});
    return std::optional<int>(static_cast<int>(*reading.value));
}

Status checkInVietnam(const SiteRow& row, GeoPoint p, const std::string& lonColumn,
                      const std::string& latColumn) {
    char buf[64];
    if (!(p.lon >= kMinLon && p.lon <= kMaxLon)) {
        std::snprintf(buf, sizeof buf, "%.6f", p.lon);
        return codedError("sites.longitude_outside", {buf}, row.file, row.row, lonColumn);
    }
    if (!(p.lat >= kMinLat && p.lat <= kMaxLat)) {
        std::snprintf(buf, sizeof buf, "%.6f", p.lat);
        return codedError("sites.latitude_outside", {buf}, row.file, row.row, latColumn);
    }
    return {};
}

Status checkName(const SiteRow& row, const FieldMapping& mapping) {
    if (row[SiteAttribute::Name].empty())
        return rowError(row, mapping, SiteAttribute::Name, "sites.name_missing", {});
    return {};
}

}  // namespace

std::optional<double> parseDecimal(std::string_view text) {
    std::string s(text);
    if (s.find('.') == std::string::npos) {
        const auto comma = s.find(',');
        if (comma != std::string::npos && s.find(',', comma + 1) == std::string::npos)
            s[comma] = '.';
    }
    if (!s.empty() && s.front() == '+')
        s.erase(0, 1);
    double value = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

Result<Factory> factoryFromRow(const SiteRow& row, const FieldMapping& mapping, GeoPoint location,
                               const std::string& lonColumn, const std::string& latColumn) {
    if (auto st = checkName(row, mapping); !st)
        return st.error();
    Factory f;
    f.taxCode = row[SiteAttribute::TaxCode];
    f.name = row[SiteAttribute::Name];
    f.zoneId = row[SiteAttribute::ZoneId];
    f.province = row[SiteAttribute::Province];
    f.district = row[SiteAttribute::District];
    f.address = row[SiteAttribute::Address];
    f.sector = row[SiteAttribute::Sector];
    f.id = factoryIdFor(f.taxCode, row[SiteAttribute::Id], f.name, f.province);

    auto total = parseCount(row, mapping, SiteAttribute::WorkersTotal);
    if (!total)
        return total.error();
    auto outside = parseCount(row, mapping, SiteAttribute::WorkersOutOfProvince);
    if (!outside)
        return outside.error();
    auto shift = parseCount(row, mapping, SiteAttribute::WorkersLargestShift);
    if (!shift)
        return shift.error();
    f.workforce = {*total, *outside, *shift};
    if (f.workforce.total && f.workforce.outOfProvince &&
        *f.workforce.outOfProvince > *f.workforce.total)
        return rowError(
            row, mapping, SiteAttribute::WorkersOutOfProvince, "sites.more_out_of_province",
            {std::to_string(*f.workforce.outOfProvince), std::to_string(*f.workforce.total)});
    if (f.workforce.total && f.workforce.largestShift &&
        *f.workforce.largestShift > *f.workforce.total)
        return rowError(
            row, mapping, SiteAttribute::WorkersLargestShift, "sites.more_in_shift",
            {std::to_string(*f.workforce.largestShift), std::to_string(*f.workforce.total)});

    if (const std::string& d = row[SiteAttribute::AccountIssued]; !d.empty()) {
        f.accountIssued = parseDate(d);
        if (!f.accountIssued)
            return rowError(row, mapping, SiteAttribute::AccountIssued, "date.not_a_date",
                            {quotedForMessage(d)});
    }
    if (auto st = checkInVietnam(row, location, lonColumn, latColumn); !st)
        return st.error();
    f.location = location;
    return f;
}

Result<Zone> zoneFromRow(const SiteRow& row, const FieldMapping& mapping, MultiPolygon area,
                         const std::string& geometryColumn, ZoneKind defaultKind) {
    if (auto st = checkName(row, mapping); !st)
        return st.error();
    Zone z;
    z.name = row[SiteAttribute::Name];
    z.province = row[SiteAttribute::Province];
    z.district = row[SiteAttribute::District];
    // A zones layer often calls its own key "ma_khu"/"zone_id"; use it when no id is mapped.
    const std::string& sourceId =
        mapping.id.empty() ? row[SiteAttribute::ZoneId] : row[SiteAttribute::Id];
    z.id = zoneIdFor(sourceId, z.name, z.province);
    z.kind = defaultKind;
    if (!mapping.kind.empty()) {
        const std::string& k = row[SiteAttribute::Kind];
        auto kind = zoneKindFromCode(k);
        if (!kind)
            return rowError(row, mapping, SiteAttribute::Kind, "sites.not_a_zone_kind",
                            {quotedForMessage(k)});
        z.kind = *kind;
    }
    const BBox box = bounds(area);
    if (box.empty())
        return codedError("sites.area_empty", {}, row.file, row.row, geometryColumn);
    // Corners of the bounding box: if both are inside, every vertex is.
    for (GeoPoint corner : {GeoPoint{box.minX, box.minY}, GeoPoint{box.maxX, box.maxY}})
        if (auto st = checkInVietnam(row, corner, geometryColumn, geometryColumn); !st)
            return st.error();
    z.area = std::move(area);
    return z;
}

std::string idColumnFor(const SiteRow& row, const FieldMapping& mapping, bool zone) {
    if (zone) {
        if (!mapping.id.empty())
            return mapping.id;
        if (!mapping.zoneId.empty())
            return mapping.zoneId;
        return mapping.name;
    }
    if (!row[SiteAttribute::TaxCode].empty())
        return mapping.taxCode;
    if (!row[SiteAttribute::Id].empty())
        return mapping.id;
    return mapping.name;
}

}  // namespace safemap
