#pragma once

// Site-list fixtures made by tests/data/sites/make_fixtures.py, and the sample province's
// zones that their zone columns name.

#include <string>
#include <vector>

#include "core/model/site.h"
#include "gis/io/site_import.h"
#include "test_import_fixtures.h"
#include "test_support.h"

namespace fixtures {

inline std::string sitesData(const std::string& name) {
    return std::string(SAFEMAP_TEST_DATA) + "/sites/" + name;
}

/// The zones of data/sites/zones.geojson, read once.
inline const std::vector<safemap::Zone>& sampleZones() {
    static const std::vector<safemap::Zone> zones = [] {
        auto batch = safemap::readSites(sourcePath("data/sites/zones.geojson"));
        REQUIRE(batch.ok());
        return batch->zones;
    }();
    return zones;
}

inline const safemap::Zone& sampleZone(const std::string& id) {
    for (const auto& z : sampleZones())
        if (z.id == id)
            return z;
    FAIL("no zone " << id);
    return sampleZones().front();
}

/// Even-odd ray casting over every ring: true if p lies inside the area.
inline bool inside(const safemap::MultiPolygon& area, safemap::GeoPoint p) {
    bool in = false;
    for (const auto& polygon : area)
        for (const auto& ring : polygon.rings)
            for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
                if ((ring[i].lat > p.lat) != (ring[j].lat > p.lat) &&
                    p.lon < (ring[j].lon - ring[i].lon) * (p.lat - ring[i].lat) /
                                    (ring[j].lat - ring[i].lat) +
                                ring[i].lon)
                    in = !in;
    return in;
}

/// The first note whose text contains `what`, or null.
inline const safemap::Error* noteWith(const std::vector<safemap::Error>& notes,
                                      const std::string& what) {
    for (const auto& n : notes)
        if (n.describe().find(what) != std::string::npos)
            return &n;
    return nullptr;
}

}  // namespace fixtures
