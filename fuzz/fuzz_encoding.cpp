// Text encodings (core/text): detection, decoding from each legacy encoding, encoding back,
// folding for search and the Vietnamese plausibility measures, on arbitrary bytes.
#include "core/text/encoding_detect.h"
#include "core/text/fold.h"
#include "core/text/legacy_encodings.h"
#include "core/text/utf8.h"
#include "fuzz_support.h"

using namespace safemap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::bytesOf(data, size);
    const EncodingGuess guess = detectEncoding(bytes);
    FUZZ_CHECK(guess.confidence >= 0 && guess.confidence <= 1, guess.reason);
    FUZZ_CHECK(isValidUtf8(guess.reason), guess.reason);

    for (int e = 0; e < 6; ++e) {
        const auto encoding = static_cast<TextEncoding>(e);
        auto decoded = decodeToUtf8(bytes, encoding, "fuzz.txt");
        if (!decoded) {
            fuzz::checkError(decoded.error());
            continue;
        }
        const std::string& text = *decoded;
        FUZZ_CHECK(isValidUtf8(text), std::string(encodingName(encoding)));
        // Decoding is to NFC; a second pass over UTF-8 output changes nothing.
        auto again = decodeToUtf8(text, TextEncoding::Utf8, "fuzz.txt");
        FUZZ_CHECK(again.ok() && *again == text, std::string(encodingName(encoding)));
        const std::string encoded = encodeFromUtf8(text, encoding);
        (void)decodeToUtf8(encoded, encoding, "fuzz.txt");
        const std::string folded = foldForSearch(text);
        FUZZ_CHECK(isValidUtf8(folded), "");
        FUZZ_CHECK(foldForSearch(folded) == folded, "folding twice must change nothing");
        const TextPlausibility p = measureVietnamese(text);
        const double share = p.syllableShare();
        FUZZ_CHECK(share >= 0 && share <= 1, std::to_string(share));
        (void)looksLikeMojibake(text);
    }
    return 0;
}
