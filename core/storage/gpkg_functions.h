#pragma once

struct sqlite3;

namespace safemap {

/// Registers ST_MinX/MaxX/MinY/MaxY and ST_IsEmpty on a connection. The GeoPackage R-tree
/// triggers call them, so every connection that writes feature tables needs them; GDAL and
/// QGIS register their own versions when they open the file.
void registerGpkgFunctions(sqlite3* db);

}  // namespace safemap
