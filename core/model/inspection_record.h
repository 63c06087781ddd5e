#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/geometry.h"
#include "core/model/inspection.h"
#include "core/util/date.h"

namespace safemap {

/// \brief One mandatory measure of the criteria set as the inspector found it on site.
struct MeasureCheck {
    std::string indexId;              ///< Criterion::id of a mandatory measure
    std::optional<bool> implemented;  ///< empty: not checked
    friend bool operator==(const MeasureCheck&, const MeasureCheck&) = default;
};

/// Where a record's position came from.
enum class PositionSource {
    None,    ///< no position recorded
    Device,  ///< the laptop's positioning source (GPS)
    Map,     ///< picked on the map by the inspector
    Typed,   ///< given as numbers (command line)
};
std::string_view positionSourceCode(PositionSource source);  ///< "", "device", "map", "typed"
PositionSource positionSourceFromCode(std::string_view code);

/// \brief A photo attached to an inspection record. The bytes are stored apart and read
/// only when shown, copied or merged.
struct PhotoInfo {
    std::string photoId;      ///< randomId(): the same in the package and the master
    std::string fileName;     ///< the name the inspector's file had
    std::string mimeType;     ///< "image/jpeg", "image/png"
    long long bytes = 0;      ///< size of the data
    std::string contentHash;  ///< contentHash() of the data, checked when merging
    friend bool operator==(const PhotoInfo&, const PhotoInfo&) = default;
};

/// \brief A photo with its bytes, on its way into the store.
struct Photo {
    PhotoInfo info;
    std::vector<std::uint8_t> data;
};

/// The largest photo SafeMap stores (a field package travels on a laptop or a USB stick).
inline constexpr long long kMaxPhotoBytes = 25LL * 1024 * 1024;

/// A photo of `data` named `fileName`: a new id, its size and hash; the type from the
/// file's first bytes (JPEG, PNG, WebP), or nothing when the bytes are not such an image.
std::optional<Photo> photoFromBytes(std::string fileName, std::vector<std::uint8_t> data);

/// \brief An inspection as the inspection form records it (window, field mode, `safemap
/// inspect`): outcome, measures checked, findings, position and photos.
///
/// Each record is also one row of the project's inspections (inspectionOf), which is what
/// the rules read: a record whose inspector found a mandatory measure missing or proposed
/// suspension puts the facility on the suspension list as "measures not implemented".
struct InspectionRecord {
    std::string recordId;  ///< randomId(); the same in the package and in the master
    std::string siteId;
    Date date{};
    std::string inspector;
    std::vector<MeasureCheck> measures;  ///< the criteria set's mandatory measures
    std::string findings;
    InspectionOutcome outcome = InspectionOutcome::Keep;
    std::optional<Date> fixBy;  ///< outcome Fix: the deadline
    std::string notes;
    std::optional<GeoPoint> position;  ///< where the inspector stood, EPSG:4326
    PositionSource positionSource = PositionSource::None;
    std::vector<PhotoInfo> photos;

    // Bookkeeping, not content (contentHash ignores it):
    std::string origin;      ///< the field package it was recorded in; empty: this project
    std::string mergedHash;  ///< master: the content hash of the package version merged last
    std::string recordedAt;  ///< UTC, "YYYY-MM-DDTHH:MM:SSZ"
    std::string updatedAt;   ///< UTC, last saved

    friend bool operator==(const InspectionRecord&, const InspectionRecord&) = default;
};

/// False when the inspector found a mandatory measure not implemented (and did not give a
/// deadline to fix it) or proposed suspension: the inspections row's measures_ok. An
/// outcome of Fix means the inspector lets the facility operate while it fixes the findings.
bool measuresAcceptable(const InspectionRecord& record);

/// The inspection the rules read for this record (`source` names where it was recorded).
Inspection inspectionOf(const InspectionRecord& record, const std::string& source);

/// A digest of what the inspector recorded (site, date, inspector, measures, findings,
/// outcome, deadline, notes, position, photos), not of the bookkeeping: equal hashes mean
/// the same content, so merging a package twice finds nothing new.
std::string recordContentHash(const InspectionRecord& record);

}  // namespace safemap
