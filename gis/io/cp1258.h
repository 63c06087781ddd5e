#pragma once

#include <string>
#include <string_view>

namespace safemap {

/// Decodes Windows-1258 (Vietnamese) bytes to UTF-8 in composed form (NFC for Vietnamese),
/// so "Đo\xcc\x80ng"-style base + tone-mark pairs come out as "Đồng".
///
/// GDAL 3.6 recodes through iconv without flushing the converter's state; glibc's CP1258
/// converter holds the last character back in case a tone mark follows, so every recoded
/// string loses its last letter ("Đồng Đăng" → "Đồng Đăn", field "ten" → "te"). Shapefiles
/// whose .cpg says 1258 are therefore read raw and decoded here.
std::string decodeCp1258(std::string_view bytes);

/// True if a GDAL/.cpg encoding name means Windows-1258 ("CP1258", "1258", "windows-1258").
bool isCp1258Name(std::string_view encoding);

}  // namespace safemap
