#include "gis/io/crs_input.h"

#include <ogr_spatialref.h>

#include <cctype>
#include <charconv>
#include <optional>

#include "core/errors/error_catalogue.h"
#include "core/text/fold.h"
#include "core/text/quoted.h"
#include "gis/gdal_boundary.h"
#include "gis/io/vn2000.h"

namespace safemap {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

bool allDigits(std::string_view s) {
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

// "107.25", "107-15", "107 15", "107°15'", "107°15′" → degrees; nullopt if not a meridian.
std::optional<double> parseMeridian(std::string_view s) {
    s = trim(s);
    double degrees = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), degrees);
    if (ec != std::errc() || p == s.data())
        return std::nullopt;
    std::string_view rest = s.substr(static_cast<size_t>(p - s.data()));
    if (rest.empty())
        return degrees;
    // Separator between degrees and minutes: '-', ' ', ':' or the degree sign (UTF-8 C2 B0).
    if (rest.starts_with("\xC2\xB0"))
        rest.remove_prefix(2);
    else if (rest.front() == '-' || rest.front() == ' ' || rest.front() == ':')
        rest.remove_prefix(1);
    else
        return std::nullopt;
    rest = trim(rest);
    int minutes = 0;
    auto [q, ec2] = std::from_chars(rest.data(), rest.data() + rest.size(), minutes);
    if (ec2 != std::errc() || minutes < 0 || minutes >= 60)
        return std::nullopt;
    rest = trim(rest.substr(static_cast<size_t>(q - rest.data())));
    if (!rest.empty() && rest != "'" && rest != "\xE2\x80\xB2")
        return std::nullopt;  // ' or ′
    if (degrees != static_cast<int>(degrees))
        return std::nullopt;
    return degrees + minutes / 60.0;
}

Result<std::string> expandShorthand(std::string_view text) {
    text = trim(text);
    if (text.empty())
        return codedError("crs.none_given");
    if (allDigits(text))
        return "EPSG:" + std::string(text);
    const std::string folded = foldForSearch(text);
    if (folded == "vn2000" || folded == "vn-2000")
        return std::string("EPSG:4756");
    for (std::string_view prefix : {"vn2000:", "vn-2000:"}) {
        if (!folded.starts_with(prefix))
            continue;
        // Slice the original text, not the folded one: folding keeps byte lengths only for
        // ASCII, and the prefix is ASCII.
        const std::string_view argument = trim(text.substr(prefix.size()));
        if (auto meridian = parseMeridian(argument)) {
            if (*meridian < 100.0 || *meridian > 112.0)
                return codedError("crs.meridian_outside", {std::string(argument)});
            return vn2000TmCrsForMeridian(*meridian);
        }
        return vn2000CrsFor(argument);
    }
    return std::string(text);
}

Result<std::string> checkedName(const std::string& definition) {
    ensureGdalRegistered();
    GdalErrorScope errors;
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(definition.c_str()) != OGRERR_NONE)
        return errors.error("crs.not_understood", {quotedForMessage(definition)});
    const char* name = srs.GetName();
    return std::string(name ? name : "unnamed CRS");
}

}  // namespace

Result<std::string> resolveCrsInput(std::string_view text) {
    auto definition = expandShorthand(text);
    if (!definition)
        return definition;
    if (auto name = checkedName(*definition); !name)
        return name.error();
    return definition;
}

Result<std::string> crsDisplayName(std::string_view text) {
    auto definition = expandShorthand(text);
    if (!definition)
        return definition.error();
    return checkedName(*definition);
}

}  // namespace safemap
