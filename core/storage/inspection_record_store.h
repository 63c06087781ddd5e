#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/model/inspection_record.h"
#include "core/result.h"

namespace safemap {

class Database;

// The inspection records and photos part of the GeoPackage repository
// (gpkg_repository.h, schema 4). Writes run inside the caller's transaction.

/// A record's measures as the stores hold them (a JSON list; the server stores the same).
std::string measuresToJson(const std::vector<MeasureCheck>& measures);
/// Reads measuresToJson's text; anything else (edited in QGIS) is an Error naming the
/// record rather than a silently empty list.
[[nodiscard]] Result<std::vector<MeasureCheck>> measuresFromJson(const std::string& text,
                                                                 const std::string& recordId,
                                                                 const std::string& path);

[[nodiscard]] Result<std::vector<InspectionRecord>> loadInspectionRecords(
    const Database& db, const std::string& siteId);
[[nodiscard]] Result<std::vector<std::uint8_t>> loadPhotoData(const Database& db,
                                                              const std::string& photoId);
[[nodiscard]] Status putInspectionRecord(Database& db, const InspectionRecord& record,
                                         std::span<const Photo> photos, const std::string& source);
[[nodiscard]] Status deleteInspectionRecord(Database& db, const std::string& recordId);

}  // namespace safemap
