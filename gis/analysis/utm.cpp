#include "gis/analysis/utm.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace safemap {

namespace {
constexpr double kUtmScale = 0.9996;
// WGS 84: f = 1/298.257223563, e² = f(2 − f), e'² = e² / (1 − e²).
constexpr double kFlattening = 1 / 298.257223563;
constexpr double kE2 = kFlattening * (2 - kFlattening);
constexpr double kEp2 = kE2 / (1 - kE2);

double radians(double degrees) {
    return degrees * std::numbers::pi / 180;
}
}  // namespace

int utmEpsgFor(GeoPoint where) {
    const int zone = std::clamp(static_cast<int>(std::floor((where.lon + 180) / 6)) + 1, 1, 60);
    return (where.lat >= 0 ? 32600 : 32700) + zone;
}

double utmCentralMeridian(int utmEpsg) {
    const int zone = utmEpsg % 100;
    return -183.0 + 6.0 * zone;
}

double utmPointScale(GeoPoint where, int utmEpsg) {
    const double phi = radians(where.lat);
    const double a = radians(where.lon - utmCentralMeridian(utmEpsg)) * std::cos(phi);
    const double t = std::tan(phi) * std::tan(phi);
    const double c = kEp2 * std::cos(phi) * std::cos(phi);
    const double a2 = a * a;
    return kUtmScale *
           (1 + (1 + c) * a2 / 2 + (5 - 4 * t + 42 * c + 13 * c * c - 28 * kEp2) * a2 * a2 / 24 +
            (61 - 148 * t + 16 * t * t) * a2 * a2 * a2 / 720);
}

}  // namespace safemap
