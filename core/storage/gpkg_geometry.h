#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/model/geometry.h"

namespace safemap {

/// GeoPackage geometry blobs (GPKG 1.3 §2.1.3): "GP" header, SRS id, optional envelope,
/// then little-endian ISO WKB. Everything the store writes is EPSG:4326.
std::vector<uint8_t> encodeGpkgPoint(GeoPoint p, int32_t srsId = 4326);
std::vector<uint8_t> encodeGpkgMultiPolygon(const MultiPolygon& mp, int32_t srsId = 4326);
/// A LineString (a field package's route), with its envelope in the header.
std::vector<uint8_t> encodeGpkgLineString(const std::vector<GeoPoint>& line, int32_t srsId = 4326);

/// Decoders accept any byte order and Polygon as well as MultiPolygon; nothing on bad input.
std::optional<GeoPoint> decodeGpkgPoint(std::span<const uint8_t> blob);
std::optional<MultiPolygon> decodeGpkgMultiPolygon(std::span<const uint8_t> blob);

/// The blob's envelope, read from the header or, where it has none, from the WKB.
/// Empty geometry gives an empty box; a malformed blob gives nothing.
std::optional<BBox> gpkgEnvelope(std::span<const uint8_t> blob);

}  // namespace safemap
