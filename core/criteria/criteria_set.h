#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/criteria/risk_level.h"

namespace safemap {

/// The file format this SafeMap reads and writes (`format_version` in the file). It changes
/// only when the meaning of a field changes; a criteria set's own `version` changes whenever
/// a province edits its bands.
inline constexpr int kCriteriaFormatVersion = 1;

/// A criteria set may have at most this many indices and vetoes: the batch scorer keeps one
/// bit per index and per veto.
inline constexpr std::size_t kMaxCriteria = 64;
inline constexpr std::size_t kMaxVetoes = 32;

/// Every points value (points_min, points_max, band, yes/no and choice points,
/// mandatory_fail_at, a veto's any_index_at_least) lies in 0..kMaxPoints, and every band edge
/// in ±kMaxBandEdge, so that sums of points stay small and exact and a score can never be
/// infinite or NaN (docs/criteria-format.md, "Bounds").
inline constexpr double kMaxPoints = 1000;
inline constexpr double kMaxBandEdge = 1e15;

/// How an enterprise answers an index.
enum class InputType {
    Bands,    ///< a number (workers, m² per worker, days) looked up in numeric bands
    YesNo,    ///< có / không
    Choice,   ///< one of a fixed list of options
    Percent,  ///< a share 0–100, looked up in bands that cover exactly 0–100
};
std::string_view inputTypeCode(InputType type);  ///< "bands", "yes_no", "choice", "percent"
std::optional<InputType> inputTypeFromCode(std::string_view code);

/// Where an index's point table comes from.
enum class Provenance {
    Decision,         ///< copied from the decision the set cites
    SafeMapProposal,  ///< SafeMap's own proposal, not from the decision; a province may replace it
};
std::string_view provenanceCode(Provenance p);  ///< "decision", "safemap_proposal"
std::optional<Provenance> provenanceFromCode(std::string_view code);

/// \brief One numeric band: values between min and max (each bound open or closed, or
/// absent = unbounded) score `points`.
struct Band {
    std::optional<double> min;
    bool minInclusive = true;
    std::optional<double> max;
    bool maxInclusive = false;
    double points = 0;
    std::string label;  ///< optional text for forms, e.g. "100–499 người"
    bool contains(double value) const;
    friend bool operator==(const Band&, const Band&) = default;
};

/// \brief One option of a Choice index. `value` is the short code a form or spreadsheet
/// writes; the labels are accepted as answers too.
struct Choice {
    std::string value;
    std::string label;
    std::string labelEn;
    double points = 0;
    friend bool operator==(const Choice&, const Choice&) = default;
};

/// \brief One index (chỉ số) of a criteria set: what is asked and how an answer becomes points.
struct Criterion {
    std::string id;  ///< ASCII, e.g. "workers_concurrent"; the answer column's name
    std::string label;
    std::string labelEn;
    std::string unit;    ///< optional, e.g. "người", "m²/người", "%", "ngày"
    std::string source;  ///< optional citation, e.g. "Lạng Sơn 635/UBND-KT (20/5/2021)"
    std::string note;    ///< optional remark shown to users
    InputType input = InputType::Bands;
    std::vector<Band> bands;      ///< Bands and Percent, ascending, contiguous
    double yesPoints = 0;         ///< YesNo
    double noPoints = 0;          ///< YesNo
    std::vector<Choice> choices;  ///< Choice
    double pointsMin = 0;
    double pointsMax = 0;
    Provenance provenance = Provenance::Decision;
    /// A mandatory measure: an answer scoring at least failAt() means "measure not
    /// implemented" (Hà Nội 1987/UBND-KT, suspension reason i).
    bool mandatory = false;
    std::optional<double> mandatoryFailAt;  ///< defaults to pointsMax
    double failAt() const { return mandatoryFailAt.value_or(pointsMax); }
    friend bool operator==(const Criterion&, const Criterion&) = default;
};

/// How points become a percentage. Only one rule exists so far: the sum of the points over
/// the sum of every index's points_max, × 100 (CRLN: sum / (10 × 10) × 100).
enum class TotalMethod { SumOverMax };

/// \brief One risk level: the percentages up to `upper` (absent for the last level) that are
/// not claimed by a lower level.
struct LevelRule {
    RiskLevel level = RiskLevel::VeryLow;
    std::string label;
    std::string labelEn;
    std::optional<double> upper;  ///< percent; absent only for the last level
    bool upperInclusive = false;  ///< true: exactly `upper` is still this level
    bool safeToOperate = true;
    std::string action;  ///< optional, what the decision asks at this level
    std::string actionEn;
    friend bool operator==(const LevelRule&, const LevelRule&) = default;
};

/// \brief "At level L, any index scoring ≥ N makes the facility unsafe" (1203: medium risk
/// may operate only if no index scores 7 or more).
struct VetoRule {
    std::string id;
    RiskLevel whenLevel = RiskLevel::Medium;
    double anyIndexAtLeast = 0;
    std::vector<std::string> indices;  ///< the indices looked at; empty = all
    std::string reason;
    std::string reasonEn;
    friend bool operator==(const VetoRule&, const VetoRule&) = default;
};

/// \brief A versioned, self-describing set of risk criteria, loaded from a JSON file
/// (docs/criteria-format.md). Scores always record the id and version that produced them.
struct CriteriaSet {
    int formatVersion = kCriteriaFormatVersion;
    std::string id;  ///< ASCII, e.g. "crln-1203"
    int version = 0;
    std::string name;
    std::string nameEn;
    std::string source;  ///< e.g. "Quyết định 1203/QĐ-BCĐ, TP.HCM, 6/4/2020"
    std::string note;
    std::vector<Criterion> indices;
    TotalMethod total = TotalMethod::SumOverMax;
    std::vector<LevelRule> levels;  ///< ascending, the last without an upper bound
    std::vector<VetoRule> vetoes;

    const Criterion* find(std::string_view indexId) const;
    double pointsMaxSum() const;
    /// The level of a percentage, using the levels' upper bounds and inclusivity.
    const LevelRule& levelFor(double percent) const;
    friend bool operator==(const CriteriaSet&, const CriteriaSet&) = default;
};

}  // namespace safemap
