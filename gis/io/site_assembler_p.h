#pragma once

// Private to gis/io: turns source records (text cells plus an optional geometry) into sites,
// collecting every problem and note on the way, for both the GDAL layer reader and the table
// reader.

#include <map>
#include <string>
#include <vector>

#include "core/error_list.h"
#include "core/util/first_seen.h"
#include "gis/io/site_plan_p.h"
#include "gis/io/site_reading.h"
#include "gis/io/site_rows_p.h"
#include "gis/io/zone_lookup_p.h"

namespace safemap {

/// \brief Builds a SiteReading row by row; every bad row is recorded, none stops the read.
class SiteAssembler {
public:
    SiteAssembler(const ReadPlan& plan, const SiteImportOptions& options);

    /// One record: its cells (already UTF-8 and trimmed) and its geometry in the source CRS
    /// (null if it has none).
    void add(const SiteRow& row, const OGRGeometry* geometry);
    void addError(Error error) { errors_.add(std::move(error)); }
    void addNote(Error note) { notes_.push_back(std::move(note)); }
    bool failed() const { return !errors_.empty(); }
    /// Room for `rows` facilities, so that a large table is not moved as it grows.
    void expect(std::size_t rows) {
        reading_.batch.factories.reserve(rows);
        seen_.reserve(rows);
    }

    /// Every problem as one Error (see ErrorList), or the sites with their notes.
    Result<SiteReading> finish();

private:
    Result<std::optional<GeoPoint>> location(const SiteRow& row, const OGRGeometry* geometry) const;
    Result<MultiPolygon> area(const SiteRow& row, const OGRGeometry* geometry);
    void addFactory(const SiteRow& row, const OGRGeometry* geometry);
    void addZone(const SiteRow& row, const OGRGeometry* geometry);
    void checkDuplicate(const std::string& id, const SiteRow& row);

    const ReadPlan& plan_;
    const SiteImportOptions& options_;
    ZoneLookup zones_;
    SiteReading reading_;
    ErrorList errors_;
    std::vector<Error> notes_;
    FirstSeen seen_;                                         ///< stable id → row
    std::map<std::string, std::vector<long>> unknownZones_;  ///< value → rows
    std::map<std::string, std::vector<long>> ambiguousZones_;
    std::vector<long> approximateRows_;
};

}  // namespace safemap
