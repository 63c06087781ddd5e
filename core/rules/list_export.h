#pragma once

#include <string>
#include <vector>

#include "core/rules/action_lists.h"

namespace safemap {

/// \brief What a list was made from, written beside it so anyone can make it again.
struct ListProvenance {
    std::string list;  ///< "suspend" or "inspect"
    std::string criteriaSetId;
    int criteriaSetVersion = 0;
    Date asOf{};
    RuleSettings settings;
};

/// CSV (RFC 4180, comma, UTF-8; `excelBom` prefixes a byte order mark so Excel shows the
/// diacritics): rank, priority, this_week (yes/no: within the inspection capacity), site_id,
/// name, reason_codes, reasons (vi), reasons_en; one row per facility in list order, its
/// reasons joined with "; ".
std::string listToCsv(const std::vector<ListEntry>& list, bool excelBom);

/// JSON with the provenance and every entry with its rank, priority (total and parts) and
/// reasons (code, vi, en).
std::string listToJson(const std::vector<ListEntry>& list, const ListProvenance& provenance);

}  // namespace safemap
