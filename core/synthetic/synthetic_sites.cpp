#include "core/synthetic/synthetic_sites.h"

#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>

namespace safemap {

namespace {

// SplitMix64: tiny and fully specified, so generated data is identical everywhere.
class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int integer(int lo, int hi) {
        return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1));
    }

private:
    uint64_t state_;
};

constexpr const char* kProvinces[] = {"Hà Nội", "Hà Nam", "Lạng Sơn", "Bắc Ninh", "Hải Dương"};
constexpr const char* kSectors[] = {"may mặc", "điện tử", "cơ khí", "thực phẩm", "dược phẩm",
                                    "bao bì",  "gỗ",      "nhựa",   "giày da",   "linh kiện ô tô"};

// Most facilities are small; a long tail reaches thousands (as in real IZ data).
int workforce(Rng& rng) {
    const double u = rng.uniform();
    if (u < 0.70)
        return rng.integer(20, 499);
    if (u < 0.92)
        return rng.integer(500, 999);
    if (u < 0.99)
        return rng.integer(1000, 4999);
    return rng.integer(5000, 15000);
}

}  // namespace

SiteBatch generateSyntheticSites(const SyntheticSpec& spec) {
    Rng rng(spec.seed);
    SiteBatch batch;
    batch.zones.reserve(static_cast<size_t>(spec.zones));
    struct Centre {
        double lon, lat, radius;
    };
    std::vector<Centre> centres;
    for (int i = 0; i < spec.zones; ++i) {
        Zone z;
        z.id = "SYN-Z" + std::to_string(i + 1);
        const bool cluster = rng.uniform() < 0.6;
        z.kind = cluster ? ZoneKind::IndustrialCluster : ZoneKind::IndustrialZone;
        z.name = std::string(cluster ? "Cụm công nghiệp" : "Khu công nghiệp") + " tổng hợp số " +
                 std::to_string(i + 1) + " (dữ liệu tổng hợp)";
        z.province = kProvinces[rng.next() % std::size(kProvinces)];
        const double lon = rng.uniform(spec.area.minX, spec.area.maxX);
        const double lat = rng.uniform(spec.area.minY, spec.area.maxY);
        const double radius = rng.uniform(0.004, 0.02);
        Ring ring;
        constexpr int kVertices = 8;
        for (int k = 0; k < kVertices; ++k) {
            const double a = 2 * std::numbers::pi * k / kVertices;
            const double r = radius * rng.uniform(0.75, 1.0);
            ring.push_back({lon + r * std::cos(a), lat + r * std::sin(a)});
        }
        ring.push_back(ring.front());
        z.area = {Polygon{{ring}}};
        centres.push_back({lon, lat, radius * 0.7});
        batch.zones.push_back(std::move(z));
    }
    batch.factories.reserve(static_cast<size_t>(spec.factories));
    for (int i = 0; i < spec.factories; ++i) {
        Factory f;
        char tax[16];
        std::snprintf(tax, sizeof tax, "98%08d", i + 1);
        f.taxCode = tax;
        f.id = factoryIdFor(f.taxCode, "", "", "");
        f.sector = kSectors[rng.next() % std::size(kSectors)];
        f.name =
            "Công ty " + f.sector + " tổng hợp số " + std::to_string(i + 1) + " (dữ liệu tổng hợp)";
        if (!centres.empty() && rng.uniform() < 0.85) {
            const size_t zi = rng.next() % centres.size();
            const auto& c = centres[zi];
            // Inside the zone's inscribed circle, so membership holds for the polygon too.
            const double a = rng.uniform(0, 2 * std::numbers::pi);
            const double r = c.radius * std::sqrt(rng.uniform());
            f.location = {c.lon + r * std::cos(a), c.lat + r * std::sin(a)};
            f.zoneId = batch.zones[zi].id;
            f.province = batch.zones[zi].province;
        } else {
            f.location = {rng.uniform(spec.area.minX, spec.area.maxX),
                          rng.uniform(spec.area.minY, spec.area.maxY)};
            f.province = kProvinces[rng.next() % std::size(kProvinces)];
        }
        const int total = workforce(rng);
        f.workforce.total = total;
        f.workforce.outOfProvince = static_cast<int>(total * rng.uniform(0.0, 0.6));
        f.workforce.largestShift = static_cast<int>(total * rng.uniform(0.3, 1.0));
        f.accountIssued = Date{std::chrono::year(2021), std::chrono::month(5),
                               std::chrono::day(static_cast<unsigned>(rng.integer(1, 31)))};
        batch.factories.push_back(std::move(f));
    }
    return batch;
}

}  // namespace safemap
