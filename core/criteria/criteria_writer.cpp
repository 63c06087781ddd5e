#include <cmath>
#include <nlohmann/json.hpp>

#include "core/criteria/criteria_io.h"

namespace safemap {

namespace {

using OrderedJson = nlohmann::ordered_json;

// Points and bounds are usually whole numbers; write them as such so the file reads like
// the decision ("points": 7, not 7.0).
OrderedJson num(double v) {
    if (std::floor(v) == v && std::fabs(v) < 9.0e15)
        return OrderedJson(static_cast<long long>(v));
    return OrderedJson(v);
}

void putText(OrderedJson& j, const char* key, const std::string& s) {
    if (!s.empty())
        j[key] = s;
}

OrderedJson bandJson(const Band& b) {
    OrderedJson j = OrderedJson::object();
    if (b.min) {
        j["min"] = num(*b.min);
        j["min_inclusive"] = b.minInclusive;
    }
    if (b.max) {
        j["max"] = num(*b.max);
        j["max_inclusive"] = b.maxInclusive;
    }
    j["points"] = num(b.points);
    putText(j, "label", b.label);
    return j;
}

OrderedJson criterionJson(const Criterion& c) {
    OrderedJson j = OrderedJson::object();
    j["id"] = c.id;
    j["label"] = c.label;
    j["label_en"] = c.labelEn;
    putText(j, "unit", c.unit);
    putText(j, "source", c.source);
    putText(j, "note", c.note);
    j["input"] = std::string(inputTypeCode(c.input));
    switch (c.input) {
        case InputType::Bands:
        case InputType::Percent: {
            OrderedJson bands = OrderedJson::array();
            for (const auto& b : c.bands)
                bands.push_back(bandJson(b));
            j["bands"] = std::move(bands);
            break;
        }
        case InputType::YesNo:
            j["yes_no"] = OrderedJson{{"yes", num(c.yesPoints)}, {"no", num(c.noPoints)}};
            break;
        case InputType::Choice: {
            OrderedJson choices = OrderedJson::array();
            for (const auto& ch : c.choices)
                choices.push_back(OrderedJson{{"value", ch.value},
                                              {"label", ch.label},
                                              {"label_en", ch.labelEn},
                                              {"points", num(ch.points)}});
            j["choices"] = std::move(choices);
            break;
        }
    }
    j["points_min"] = num(c.pointsMin);
    j["points_max"] = num(c.pointsMax);
    j["provenance"] = std::string(provenanceCode(c.provenance));
    j["mandatory"] = c.mandatory;
    if (c.mandatoryFailAt)
        j["mandatory_fail_at"] = num(*c.mandatoryFailAt);
    return j;
}

}  // namespace

std::string writeCriteriaSet(const CriteriaSet& set) {
    OrderedJson j = OrderedJson::object();
    j["format_version"] = set.formatVersion;
    j["id"] = set.id;
    j["version"] = set.version;
    j["name"] = set.name;
    j["name_en"] = set.nameEn;
    j["source"] = set.source;
    putText(j, "note", set.note);
    OrderedJson indices = OrderedJson::array();
    for (const auto& c : set.indices)
        indices.push_back(criterionJson(c));
    j["indices"] = std::move(indices);
    j["total"] = OrderedJson{{"method", "sum_over_max"}};
    OrderedJson levels = OrderedJson::array();
    for (const auto& l : set.levels) {
        OrderedJson lj = OrderedJson::object();
        lj["id"] = std::string(riskLevelCode(l.level));
        lj["label"] = l.label;
        lj["label_en"] = l.labelEn;
        if (l.upper) {
            lj["upper"] = num(*l.upper);
            lj["upper_inclusive"] = l.upperInclusive;
        }
        lj["safe_to_operate"] = l.safeToOperate;
        putText(lj, "action", l.action);
        putText(lj, "action_en", l.actionEn);
        levels.push_back(std::move(lj));
    }
    j["levels"] = std::move(levels);
    OrderedJson vetoes = OrderedJson::array();
    for (const auto& v : set.vetoes) {
        OrderedJson vj = OrderedJson::object();
        vj["id"] = v.id;
        vj["when_level"] = std::string(riskLevelCode(v.whenLevel));
        vj["any_index_at_least"] = num(v.anyIndexAtLeast);
        vj["then"] = "unsafe";
        if (!v.indices.empty())
            vj["indices"] = v.indices;
        vj["reason"] = v.reason;
        vj["reason_en"] = v.reasonEn;
        vetoes.push_back(std::move(vj));
    }
    j["vetoes"] = std::move(vetoes);
    return j.dump(2) + "\n";
}

}  // namespace safemap
