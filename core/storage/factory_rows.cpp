#include "core/storage/factory_rows.h"

#include "core/storage/database.h"
#include "core/storage/gpkg_geometry.h"

namespace safemap {

void bindFactory(Statement& st, int first, const Factory& f) {
    st.bindUncopied(first + 1, f.id).bindUncopiedOrNull(first + 2, f.taxCode);
    st.bindUncopied(first + 3, f.name).bindUncopiedOrNull(first + 4, f.zoneId);
    st.bindUncopiedOrNull(first + 5, f.province).bindUncopiedOrNull(first + 6, f.district);
    st.bindUncopiedOrNull(first + 7, f.address).bindUncopiedOrNull(first + 8, f.sector);
    st.bind(first + 9, f.workforce.total).bind(first + 10, f.workforce.outOfProvince);
    st.bind(first + 11, f.workforce.largestShift);
    if (f.accountIssued)
        st.bind(first + 12, formatDate(*f.accountIssued));
    else
        st.bindNull(first + 12);
    st.bindBlob(first + 13, encodeGpkgPoint(f.location));
    st.bind(first + 14, f.approximatePosition ? 1 : 0);
}

}  // namespace safemap
