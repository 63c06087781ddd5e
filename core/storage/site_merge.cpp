#include "core/storage/site_merge.h"

namespace safemap {

namespace {

// Takes one attribute from the incoming site if its source provided it and it differs.
template <class T>
void take(T& stored, const T& incoming, SiteField field, const std::set<SiteField>& provided,
          std::set<std::string>& changed) {
    if (provided.count(field) && !(stored == incoming)) {
        stored = incoming;
        changed.emplace(siteFieldKey(field));
    }
}

}  // namespace

Factory mergeSite(Factory stored, const Factory& in, const std::set<SiteField>& provided,
                  std::set<std::string>& changed) {
    take(stored.taxCode, in.taxCode, SiteField::TaxCode, provided, changed);
    take(stored.name, in.name, SiteField::Name, provided, changed);
    take(stored.zoneId, in.zoneId, SiteField::Zone, provided, changed);
    take(stored.province, in.province, SiteField::Province, provided, changed);
    take(stored.district, in.district, SiteField::District, provided, changed);
    take(stored.address, in.address, SiteField::Address, provided, changed);
    take(stored.sector, in.sector, SiteField::Sector, provided, changed);
    take(stored.workforce.total, in.workforce.total, SiteField::WorkersTotal, provided, changed);
    take(stored.workforce.outOfProvince, in.workforce.outOfProvince,
         SiteField::WorkersOutOfProvince, provided, changed);
    take(stored.workforce.largestShift, in.workforce.largestShift, SiteField::WorkersLargestShift,
         provided, changed);
    take(stored.accountIssued, in.accountIssued, SiteField::AccountIssued, provided, changed);
    const bool keepExact = in.approximatePosition && !stored.approximatePosition;
    if (!keepExact && provided.count(SiteField::Position) &&
        (!(stored.location == in.location) ||
         stored.approximatePosition != in.approximatePosition)) {
        stored.location = in.location;
        stored.approximatePosition = in.approximatePosition;
        changed.emplace(siteFieldKey(SiteField::Position));
    }
    return stored;
}

Zone mergeSite(Zone stored, const Zone& in, const std::set<SiteField>& provided,
               std::set<std::string>& changed) {
    take(stored.kind, in.kind, SiteField::Kind, provided, changed);
    take(stored.name, in.name, SiteField::Name, provided, changed);
    take(stored.province, in.province, SiteField::Province, provided, changed);
    take(stored.district, in.district, SiteField::District, provided, changed);
    take(stored.area, in.area, SiteField::Position, provided, changed);
    return stored;
}

}  // namespace safemap
