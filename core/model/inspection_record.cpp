#include "core/model/inspection_record.h"

#include <algorithm>
#include <cstdio>

#include "core/util/content_hash.h"

namespace safemap {

std::string_view positionSourceCode(PositionSource source) {
    switch (source) {
        case PositionSource::None:
            return "";
        case PositionSource::Device:
            return "device";
        case PositionSource::Map:
            return "map";
        case PositionSource::Typed:
            return "typed";
    }
    return "";
}

PositionSource positionSourceFromCode(std::string_view code) {
    for (auto s : {PositionSource::Device, PositionSource::Map, PositionSource::Typed})
        if (positionSourceCode(s) == code)
            return s;
    return PositionSource::None;
}

std::optional<Photo> photoFromBytes(std::string fileName, std::vector<std::uint8_t> data) {
    auto starts = [&](std::string_view magic, size_t at = 0) {
        return data.size() >= at + magic.size() &&
               std::equal(magic.begin(), magic.end(), data.begin() + static_cast<long>(at),
                          [](char m, std::uint8_t b) { return static_cast<std::uint8_t>(m) == b; });
    };
    std::string mime;
    if (starts("\xFF\xD8\xFF"))
        mime = "image/jpeg";
    else if (starts("\x89PNG\r\n\x1A\n"))
        mime = "image/png";
    else if (starts("RIFF") && starts("WEBP", 8))
        mime = "image/webp";
    else
        return std::nullopt;
    Photo p;
    p.info.photoId = randomId();
    p.info.fileName = std::move(fileName);
    p.info.mimeType = std::move(mime);
    p.info.bytes = static_cast<long long>(data.size());
    p.info.contentHash =
        contentHash(std::string_view(reinterpret_cast<const char*>(data.data()), data.size()));
    p.data = std::move(data);
    return p;
}

bool measuresAcceptable(const InspectionRecord& r) {
    if (r.outcome == InspectionOutcome::Suspend)
        return false;
    if (r.outcome == InspectionOutcome::Fix)
        return true;
    return std::none_of(r.measures.begin(), r.measures.end(), [](const MeasureCheck& m) {
        return m.implemented.has_value() && !*m.implemented;
    });
}

Inspection inspectionOf(const InspectionRecord& r, const std::string& source) {
    Inspection i;
    i.siteId = r.siteId;
    i.date = r.date;
    i.inspector = r.inspector;
    i.measuresOk = measuresAcceptable(r);
    i.finding = r.findings;
    i.source = source;
    i.outcome = r.outcome;
    return i;
}

std::string recordContentHash(const InspectionRecord& r) {
    // Fields separated by a unit separator, so "ab"+"c" and "a"+"bc" differ.
    std::string s;
    auto field = [&](std::string_view v) {
        s += v;
        s += '\x1f';
    };
    field(r.siteId);
    field(formatDate(r.date));
    field(r.inspector);
    for (const auto& m : r.measures) {
        field(m.indexId);
        field(!m.implemented ? "-" : *m.implemented ? "yes" : "no");
    }
    field("\x1e");
    field(r.findings);
    field(outcomeCode(r.outcome));
    field(r.fixBy ? formatDate(*r.fixBy) : std::string());
    field(r.notes);
    if (r.position) {
        // Seven decimals (about a centimetre): what survives a round trip through text.
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.7f,%.7f", r.position->lon, r.position->lat);
        field(buf);
    } else {
        field("");
    }
    field(positionSourceCode(r.positionSource));
    // The photos' bytes, not their ids (random per upload): the same inspection with the same
    // photos entered twice, in the office and in the field, has one hash.
    std::vector<std::string> photos;
    for (const auto& p : r.photos)
        photos.push_back(p.contentHash);
    std::sort(photos.begin(), photos.end());
    for (const auto& p : photos)
        field(p);
    return contentHash(s);
}

}  // namespace safemap
