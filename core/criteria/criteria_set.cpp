#include "core/criteria/criteria_set.h"

#include <array>

namespace safemap {

namespace {
template <class E, std::size_t N>
std::optional<E> fromCode(const std::array<std::string_view, N>& codes, std::string_view code) {
    for (std::size_t i = 0; i < N; ++i)
        if (codes[i] == code)
            return static_cast<E>(i);
    return std::nullopt;
}

constexpr std::array<std::string_view, 4> kInputCodes{"bands", "yes_no", "choice", "percent"};
constexpr std::array<std::string_view, 2> kProvenanceCodes{"decision", "safemap_proposal"};
}  // namespace

std::string_view inputTypeCode(InputType type) {
    return kInputCodes[static_cast<std::size_t>(type)];
}
std::optional<InputType> inputTypeFromCode(std::string_view code) {
    return fromCode<InputType>(kInputCodes, code);
}
std::string_view provenanceCode(Provenance p) {
    return kProvenanceCodes[static_cast<std::size_t>(p)];
}
std::optional<Provenance> provenanceFromCode(std::string_view code) {
    return fromCode<Provenance>(kProvenanceCodes, code);
}

bool Band::contains(double value) const {
    if (min && (value < *min || (value == *min && !minInclusive)))
        return false;
    if (max && (value > *max || (value == *max && !maxInclusive)))
        return false;
    return value == value;  // NaN is in no band
}

const Criterion* CriteriaSet::find(std::string_view indexId) const {
    for (const auto& c : indices)
        if (c.id == indexId)
            return &c;
    return nullptr;
}

double CriteriaSet::pointsMaxSum() const {
    double sum = 0;
    for (const auto& c : indices)
        sum += c.pointsMax;
    return sum;
}

const LevelRule& CriteriaSet::levelFor(double percent) const {
    for (const auto& l : levels)
        if (!l.upper || percent < *l.upper || (percent == *l.upper && l.upperInclusive))
            return l;
    return levels.back();  // a validated set's last level has no upper bound
}

}  // namespace safemap
