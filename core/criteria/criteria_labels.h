#pragma once
// What people read of a criteria set: its indices, answers, vetoes and levels by their labels
// in the reader's language, never by their ids or codes (those stay in files for machines).

#include <string>
#include <string_view>

#include "core/criteria/criteria_set.h"
#include "core/model/assessment.h"
#include "core/text/display_format.h"

namespace safemap {

/// The set's name in `language` (each language falls back on the other, then on the id).
std::string_view criteriaSetName(const CriteriaSet& set, Language language);
/// The index's label in `language` (falling back on the other language, then on the id).
std::string_view criterionLabel(const Criterion& criterion, Language language);
/// The label of index `position` of `set`; "#3" (the 1-based position) without a set or
/// outside it.
std::string indexLabel(const CriteriaSet* set, int position, Language language);
/// The label of the index with id `indexId`; the id itself if the set has no such index.
std::string indexLabelById(const CriteriaSet* set, std::string_view indexId, Language language);
/// A veto's reason in `language` (falling back on the other, then on its id).
std::string_view vetoReason(const VetoRule& veto, Language language);
/// The level's name: "nguy cơ cao" / "high risk".
std::string_view riskLevelLabel(RiskLevel level, Language language);

/// A raw answer as people read it: a choice's label, "có"/"không" ("yes"/"no"), a number in
/// the style's form with the index's unit; text the index cannot read is shown as given.
std::string answerLabel(const Criterion& criterion, const AnswerValue& answer,
                        const DisplayStyle& style);

}  // namespace safemap
