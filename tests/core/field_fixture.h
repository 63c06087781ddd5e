#pragma once
// A small master project for the field package tests: a zone with two of three facilities,
// assessments scored with CRLN, an inspection; and helpers for inspection drafts and photos.

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/project/field_inspection.h"
#include "core/project/field_package.h"
#include "project_fixture.h"

namespace safemap::test {

inline std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The three facilities of threeFactories, the first two in zone "Z-TEST", two assessments
/// each for the first two (CRLN), one inspection of the second.
inline Project fieldMaster(const std::string& path) {
    auto factories = threeFactories();
    factories[0].zoneId = factories[1].zoneId = "Z-TEST";
    Project project = projectWith(path, factories);
    SiteBatch zone;
    Zone z;
    z.id = "Z-TEST";
    z.name = "Khu công nghiệp Đồng Văn thử";
    z.area = {Polygon{
        {{{105.80, 20.99}, {105.83, 20.99}, {105.83, 21.01}, {105.80, 21.01}, {105.80, 20.99}}}}};
    zone.zones = {z};
    REQUIRE(importSites(project, zone, "zones.geojson").ok());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    auto table = tableOf(kAssessmentHeader, {{"9900000001", "2021-06-01", "A", "50", "20", "có",
                                              "có", "100", "vach_ngan", "0", "1", "có", "khong"},
                                             {"9900000001", "2021-06-20", "A", "50", "20", "có",
                                              "có", "100", "vach_ngan", "0", "1", "có", "khong"},
                                             {"9900000002", "2021-06-10", "B", "600", "3", "không",
                                              "có", "50", "khong", "60", "8", "có", "co"},
                                             {"9900000002", "2021-06-21", "B", "600", "3", "có",
                                              "có", "50", "khong", "60", "8", "có", "co"}});
    REQUIRE(importAssessments(project, table, request).ok());
    const std::vector<std::string> header = {"ma_so_thue", "ngay_kiem_tra", "nguoi_kiem_tra",
                                             "dat_yeu_cau", "ket_luan"};
    REQUIRE(importInspections(project, tableOf(header, {{"9900000002", "2021-06-15", "Đoàn 1", "có",
                                                         "Đủ điều kiện"}}))
                .ok());
    return project;
}

inline std::string siteId(int i) {
    return threeFactories()[static_cast<size_t>(i - 1)].id;
}

/// A package of the three facilities (in the order 2, 1, 3) from the office at Phủ Lý.
inline PackageSummary makePackage(const Project& master, const std::string& path,
                                  const std::string& by = "Nguyễn Văn An") {
    PackageRequest request;
    request.siteIds = {siteId(2), siteId(1), siteId(3)};
    request.start = GeoPoint{105.79, 21.0};
    request.createdBy = by;
    request.name = "Kiểm tra tháng 7";
    auto made = createFieldPackage(master, request, path);
    INFO((made.ok() ? std::string() : made.error().describe()));
    REQUIRE(made.ok());
    return *made;
}

/// Bytes that look like a JPEG file (its first three bytes), `size` long, varying with seed.
inline std::vector<std::uint8_t> jpegBytes(size_t size, unsigned seed = 1) {
    std::vector<std::uint8_t> out(size);
    std::uint32_t x = seed * 2654435761u + 1;
    for (auto& b : out) {
        x = x * 1664525u + 1013904223u;
        b = static_cast<std::uint8_t>(x >> 24);
    }
    out[0] = 0xFF;
    out[1] = 0xD8;
    out[2] = 0xFF;
    return out;
}

inline InspectionDraft draftFor(const std::string& site, const std::string& date,
                                InspectionOutcome outcome = InspectionOutcome::Keep) {
    InspectionDraft d;
    d.record.siteId = site;
    d.record.date = *parseDate(date);
    d.record.inspector = "Trần Thị Bình";
    d.record.outcome = outcome;
    d.record.findings = "Nhà ăn có vách ngăn";
    d.record.measures = {{"hand_washing", true}, {"masks_worn", true}};
    return d;
}

inline Photo photoOf(size_t size, unsigned seed, const std::string& name = "anh.jpg") {
    auto p = photoFromBytes(name, jpegBytes(size, seed));
    REQUIRE(p.has_value());
    return *p;
}

/// Saves a draft and returns the stored record.
inline InspectionRecord record(Project& project, InspectionDraft draft) {
    for (const auto& p : draft.newPhotos)
        draft.record.photos.push_back(p.info);
    auto saved = saveInspection(project, draft);
    INFO((saved.ok() ? std::string() : saved.error().describe()));
    REQUIRE(saved.ok());
    return *saved;
}

}  // namespace safemap::test
