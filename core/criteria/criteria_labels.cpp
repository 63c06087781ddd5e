#include "core/criteria/criteria_labels.h"

#include "core/criteria/answer_reading.h"

namespace safemap {

namespace {

std::string_view pick(const std::string& vi, const std::string& en, const std::string& id,
                      Language language) {
    const std::string& first = language == Language::English ? en : vi;
    const std::string& second = language == Language::English ? vi : en;
    return !first.empty() ? first : !second.empty() ? second : id;
}

}  // namespace

std::string_view criteriaSetName(const CriteriaSet& set, Language language) {
    return pick(set.name, set.nameEn, set.id, language);
}

std::string_view criterionLabel(const Criterion& criterion, Language language) {
    return pick(criterion.label, criterion.labelEn, criterion.id, language);
}

std::string indexLabel(const CriteriaSet* set, int position, Language language) {
    if (set && position >= 0 && static_cast<size_t>(position) < set->indices.size())
        return std::string(criterionLabel(set->indices[static_cast<size_t>(position)], language));
    std::string out = "#";  // appended: g++ 12 -O3 -Wrestrict false positive on "#" + string&&
    out += std::to_string(position + 1);
    return out;
}

std::string indexLabelById(const CriteriaSet* set, std::string_view indexId, Language language) {
    if (const Criterion* c = set ? set->find(indexId) : nullptr)
        return std::string(criterionLabel(*c, language));
    return std::string(indexId);
}

std::string_view vetoReason(const VetoRule& veto, Language language) {
    return pick(veto.reason, veto.reasonEn, veto.id, language);
}

std::string_view riskLevelLabel(RiskLevel level, Language language) {
    return language == Language::English ? riskLevelLabelEn(level) : riskLevelLabelVi(level);
}

std::string answerLabel(const Criterion& criterion, const AnswerValue& answer,
                        const DisplayStyle& style) {
    const AnswerReading reading = readAnswer(criterion, answer);
    const bool english = style.language == Language::English;
    if (reading.status != AnswerStatus::Answered) {
        if (const auto* text = std::get_if<std::string>(&answer))
            return *text;
        if (const auto* d = std::get_if<double>(&answer))
            return formatNumber(*d, style);
        return std::get<bool>(answer) ? (english ? "yes" : "có") : (english ? "no" : "không");
    }
    switch (criterion.input) {
        case InputType::YesNo:
            return reading.value != 0 ? (english ? "yes" : "có") : (english ? "no" : "không");
        case InputType::Choice: {
            const Choice& c = criterion.choices[static_cast<size_t>(reading.value)];
            return std::string(pick(c.label, c.labelEn, c.value, style.language));
        }
        case InputType::Percent:
            return formatNumber(reading.value, style) + " %";
        case InputType::Bands:
            break;
    }
    // Units are written in Vietnamese in the sets ("người", "ngày"): shown with the
    // Vietnamese labels only.
    const std::string number = formatNumber(reading.value, style);
    if (criterion.unit.empty() || english)
        return number;
    return number + (criterion.unit == "%" ? " %" : " " + criterion.unit);
}

}  // namespace safemap
