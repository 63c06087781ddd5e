#include "core/storage/gpkg_functions.h"

#include <sqlite3.h>

#include <span>

#include "core/storage/gpkg_geometry.h"

namespace safemap {

namespace {

std::optional<BBox> envelopeArg(sqlite3_value* v) {
    if (sqlite3_value_type(v) != SQLITE_BLOB)
        return std::nullopt;
    const auto* p = static_cast<const uint8_t*>(sqlite3_value_blob(v));
    return gpkgEnvelope(std::span<const uint8_t>(p, static_cast<size_t>(sqlite3_value_bytes(v))));
}

template <double BBox::*Field>
void coordinate(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto env = envelopeArg(argv[0]);
    if (!env || env->empty())
        sqlite3_result_null(ctx);
    else
        sqlite3_result_double(ctx, (*env).*Field);
}

void isEmpty(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto env = envelopeArg(argv[0]);
    if (!env)
        sqlite3_result_null(ctx);
    else
        sqlite3_result_int(ctx, env->empty() ? 1 : 0);
}

}  // namespace

void registerGpkgFunctions(sqlite3* db) {
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    sqlite3_create_function(db, "ST_MinX", 1, flags, nullptr, coordinate<&BBox::minX>, nullptr,
                            nullptr);
    sqlite3_create_function(db, "ST_MaxX", 1, flags, nullptr, coordinate<&BBox::maxX>, nullptr,
                            nullptr);
    sqlite3_create_function(db, "ST_MinY", 1, flags, nullptr, coordinate<&BBox::minY>, nullptr,
                            nullptr);
    sqlite3_create_function(db, "ST_MaxY", 1, flags, nullptr, coordinate<&BBox::maxY>, nullptr,
                            nullptr);
    sqlite3_create_function(db, "ST_IsEmpty", 1, flags, nullptr, isEmpty, nullptr, nullptr);
}

}  // namespace safemap
