#include "gis/render/basemap_attribution.h"

namespace safemap {

std::string basemapAttribution(MapLanguage language, AttributionForm form) {
    const bool vi = language == MapLanguage::Vietnamese;
    if (form == AttributionForm::Short)
        return vi ? "Bản đồ nền: ranh giới tỉnh © Open Development Mekong (CC BY-SA 4.0), "
                    "ranh giới huyện dvhcvn (GPL-3.0), tên đơn vị hành chính Tổng cục Thống kê, "
                    "Natural Earth"
                  : "Basemap: province boundaries © Open Development Mekong (CC BY-SA 4.0), "
                    "district boundaries dvhcvn (GPL-3.0), unit names General Statistics Office "
                    "of Viet Nam, Natural Earth";
    // The text of data/basemap/README.md (its licences require it as written there).
    std::string text =
        "Province boundaries: © Open Development Mekong (dataset “Địa phận tỉnh”), original "
        "source: Department of Survey and Mapping of Viet Nam, licensed CC BY-SA 4.0 "
        "(https://creativecommons.org/licenses/by-sa/4.0/). Modified: names replaced by GSO "
        "names, GSO/ISO codes added, simplified (30 m). The provinces layer is distributed "
        "under CC BY-SA 4.0.\n"
        "District boundaries: dvhcvn (https://github.com/daohoangson/dvhcvn), GNU GPL v3, "
        "derived from the Government Portal administrative map (gis.chinhphu.vn). Modified: "
        "2021 mergers filled in, simplified (30 m).\n"
        "Administrative unit names and codes: General Statistics Office of Viet Nam (Tổng cục "
        "Thống kê), list as of 01/11/2021, via dvhcvn.\n"
        "Cities/towns and rivers: Made with Natural Earth. Free vector and raster map data @ "
        "naturalearthdata.com (public domain).\n"
        "Countries: Natural Earth 1:10m Admin 0 – Countries 4.1.0 (public domain), via the npm "
        "package world-atlas 2.0.2.";
    if (vi)
        text = "Bản đồ nền (nguồn và giấy phép, nguyên văn theo yêu cầu của giấy phép):\n" + text;
    return text;
}

}  // namespace safemap
