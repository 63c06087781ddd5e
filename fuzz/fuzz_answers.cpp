// Answer texts as enterprises type them (core/criteria/answer_reading): numbers with decimal
// commas and thousands groups, yes/no, percentages, choice codes and labels, against every
// index of the extended set.
#include <cmath>

#include "core/criteria/answer_reading.h"
#include "core/criteria/criteria_io.h"
#include "core/text/utf8.h"
#include "fuzz_support.h"

using namespace safemap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::bytesOf(data, size);
    Problem why;
    if (auto n = parseNumberText(text, &why)) {
        FUZZ_CHECK(std::isfinite(*n), std::to_string(*n));
    } else {
        const std::string problem = why.text();
        FUZZ_CHECK(!problem.empty() && problem.size() < 400, problem.substr(0, 200));
    }
    (void)parseYesNo(text);
    if (!isValidUtf8(text))
        return 0;  // cells reach the readers decoded to UTF-8
    for (const Criterion& c : fuzz::extendedSet().indices) {
        const AnswerReading r = readAnswerText(c, text);
        switch (r.status) {
            case AnswerStatus::Answered:
                FUZZ_CHECK(std::isfinite(r.value), c.id);
                if (c.input == InputType::Choice)
                    FUZZ_CHECK(r.value >= 0 && r.value < static_cast<double>(c.choices.size()) &&
                                   r.value == std::floor(r.value),
                               c.id);
                if (c.input == InputType::YesNo)
                    FUZZ_CHECK(r.value == 0 || r.value == 1, c.id);
                break;
            case AnswerStatus::Missing:
                FUZZ_CHECK(std::isnan(r.value), c.id);
                break;
            case AnswerStatus::Invalid: {
                const std::string problem = r.problem.text();
                FUZZ_CHECK(!problem.empty() && problem.size() < 400, c.id);
                FUZZ_CHECK(isValidUtf8(problem), problem);
            } break;
        }
    }
    return 0;
}
