#pragma once
// How a Factory is written to the factories table: its columns and their parameters, shared
// by the row-by-row upsert (site_store.cpp) and the bulk insert of new facilities
// (factory_bulk_insert.h).

#include "core/model/site.h"

namespace safemap {

class Statement;

/// The factories table's columns that SafeMap writes (all but fid and updated_at), in the
/// order of bindFactory's parameters.
inline constexpr const char* kFactoryColumns =
    "site_id, tax_code, name, zone_id, province, district, address, sector, workers_total, "
    "workers_out_of_province, workers_largest_shift, account_issued, geom, approximate_position";

/// How many parameters bindFactory binds.
inline constexpr int kFactoryColumnCount = 14;

/// Binds `f` to parameters first + 1 … first + 14, in kFactoryColumns' order. Its texts are
/// not copied: `f` must outlive the statement's run.
void bindFactory(Statement& st, int first, const Factory& f);

}  // namespace safemap
