#pragma once

#include "core/model/geometry.h"

namespace safemap {

/// EPSG code of the WGS 84 / UTM zone that contains `where`: 326zz north of the equator,
/// 327zz south (Viet Nam: 32648 west of 108°E, 32649 east of it). The Norway and Svalbard
/// exceptions are ignored.
int utmEpsgFor(GeoPoint where);

/// Central meridian of the UTM zone whose EPSG code `utmEpsgFor` returned, in degrees.
double utmCentralMeridian(int utmEpsg);

/// Point scale factor k of that UTM zone's grid at `where`: a ground distance d near the
/// point measures k·d on the grid (0.9996 on the central meridian, about 1.0008 at 3° from
/// it in Viet Nam). Snyder, "Map Projections: A Working Manual" (1987), eq. 8-11.
double utmPointScale(GeoPoint where, int utmEpsg);

}  // namespace safemap
