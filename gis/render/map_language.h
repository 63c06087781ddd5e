#pragma once

#include <cstdint>
#include <string_view>

namespace safemap {

/// The language of the names the map writes itself (countries, archipelagos, layer titles).
/// Place names of Việt Nam are Vietnamese in both.
enum class MapLanguage : std::uint8_t { Vietnamese, English };

/// "vi" → Vietnamese, anything else → English (the UI language codes of app/gui/language.h).
inline MapLanguage mapLanguageFromCode(std::string_view code) {
    return code == "vi" ? MapLanguage::Vietnamese : MapLanguage::English;
}

}  // namespace safemap
