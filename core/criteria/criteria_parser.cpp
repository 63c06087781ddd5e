#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "core/criteria/criteria_io.h"
#include "core/errors/error_catalogue.h"
#include "core/text/fold.h"
#include "core/text/quoted.h"
#include "core/text/utf8.h"
#include "core/text/utf8_scan.h"

namespace safemap {

namespace {

using Json = nlohmann::json;

// Thrown only inside this file and caught by parseCriteriaSet: validation is a long list of
// nested one-line checks, and unwinding to the single exit keeps each of them one line.
// Nothing escapes the public functions; callers get an Error value. The detail is a catalogue
// entry ("criteria_schema.*", core/errors/messages_criteria.cpp) with the JSON path as its
// first arg, so that the file's author reads it in the UI language with the path exact.
struct Invalid {
    std::string code;
    std::vector<std::string> args;
};

[[noreturn]] void fail(const std::string& path, std::string_view code,
                       std::vector<std::string> more = {}) {
    std::vector<std::string> args{path};
    args.insert(args.end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
    std::string full = "criteria_schema.";
    full += code;
    throw Invalid{std::move(full), std::move(args)};
}

// A text in English and in Vietnamese, both passed as args (each template uses its own).
struct Worded {
    std::string en;
    std::string vi;
};

// How a wrong value is shown back to the user: scalars as written, containers by kind.
Worded shown(const Json& j) {
    if (j.is_object())
        return {"an object", "một đối tượng"};
    if (j.is_array())
        return {"an array", "một mảng"};
    std::string s = j.dump(-1, ' ', false, Json::error_handler_t::replace);
    // Cut at a character boundary: a Vietnamese id cut mid-letter would make the message
    // itself invalid UTF-8.
    if (s.size() > 60)
        s = s.substr(0, utf8CutPoint(s, 57)) + "...";
    return {s, s};
}

// "expected_<what>": "{1}: expected …, got {2}" (English) / "… {3}" (Vietnamese), then `more`.
[[noreturn]] void expected(const std::string& path, std::string_view what, const Json& got,
                           std::vector<std::string> more = {}) {
    Worded g = shown(got);
    std::vector<std::string> args{std::move(g.en), std::move(g.vi)};
    args.insert(args.end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
    std::string code = "expected_";
    code += what;
    fail(path, code, std::move(args));
}

std::string field(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}
std::string item(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

// Set ids may carry a dash or dot ("crln-1203"); index, veto and choice codes may not,
// so they can be column names and C-like identifiers in exports.
void checkId(const std::string& path, const std::string& s, bool setId) {
    bool ok = !s.empty() && s.front() >= 'a' && s.front() <= 'z';
    for (char c : s)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                    (setId && (c == '-' || c == '.')));
    if (!ok)
        expected(path, setId ? "set_id" : "id", Json(s));
}

/// \brief A JSON object being read: required and optional fields, and no unknown ones
/// (a misspelt "max_inclusve" must not be silently ignored). Keys starting with "_" are
/// comments and are skipped.
class Obj {
public:
    Obj(const Json& j, std::string path) : j_(j), path_(std::move(path)) {
        if (!j.is_object())
            expected(path_, path_.empty() ? "object_top" : "object", j);
    }

    const std::string& path() const { return path_; }
    std::string at(std::string_view key) const { return field(path_, key); }
    bool has(std::string_view key) const { return j_.contains(key); }

    const Json* get(std::string_view key) {
        auto it = j_.find(key);
        if (it == j_.end())
            return nullptr;
        used_.emplace_back(key);
        return &*it;
    }
    const Json& need(std::string_view key) {
        const Json* v = get(key);
        if (!v)
            fail(at(key), "required_missing");
        return *v;
    }
    std::string text(std::string_view key) {
        const Json& v = need(key);
        if (!v.is_string() || v.get_ref<const std::string&>().empty())
            expected(at(key), "nonempty_string", v);
        return v.get<std::string>();
    }
    std::string optText(std::string_view key) {
        const Json* v = get(key);
        if (!v)
            return {};
        if (!v->is_string())
            expected(at(key), "string", *v);
        return v->get<std::string>();
    }
    double number(std::string_view key) { return numberOf(need(key), at(key)); }
    std::optional<double> optNumber(std::string_view key) {
        const Json* v = get(key);
        if (!v)
            return std::nullopt;
        return numberOf(*v, at(key));
    }
    bool boolean(std::string_view key) {
        const Json& v = need(key);
        if (!v.is_boolean())
            expected(at(key), "bool", v);
        return v.get<bool>();
    }
    int integer(std::string_view key, int minimum) {
        const Json& v = need(key);
        if (!v.is_number_integer() || v.get<long long>() < minimum || v.get<long long>() > 1000000)
            expected(at(key), "whole_number_from", v, {std::to_string(minimum)});
        return v.get<int>();
    }
    const Json& array(std::string_view key, std::size_t minSize) {
        const Json& v = need(key);
        if (!v.is_array())
            expected(at(key), "array", v);
        if (v.size() < minSize && minSize == 1)
            fail(at(key), "empty_array");
        if (v.size() < minSize)
            fail(at(key), "too_few_entries", {std::to_string(minSize), std::to_string(v.size())});
        return v;
    }
    void finish() const {
        for (const auto& [key, value] : j_.items()) {
            if (!key.empty() && key.front() == '_')
                continue;
            bool known = false;
            for (const auto& u : used_)
                known = known || u == key;
            if (!known)
                fail(at(key), "unknown_field");
        }
    }

private:
    static double numberOf(const Json& v, const std::string& path) {
        if (!v.is_number())
            expected(path, "number", v);
        return v.get<double>();
    }

    const Json& j_;
    std::string path_;
    std::vector<std::string> used_;
};

// Points, thresholds and band edges are bounded (docs/criteria-format.md, "Bounds") so that
// no sum of them can overflow: a score is always a finite percentage from 0 to 100.
void checkBetween(const std::string& path, const Json& v, double lo, double hi) {
    const double x = v.get<double>();
    if (!(x >= lo && x <= hi))  // also false for NaN
        expected(path, "number_between", v, {shortestNumber(lo), shortestNumber(hi)});
}

double pointsField(Obj& o, std::string_view key) {
    const double x = o.number(key);
    checkBetween(o.at(key), o.need(key), 0, kMaxPoints);
    return x;
}

std::optional<double> bandEdge(Obj& o, std::string_view key) {
    auto x = o.optNumber(key);
    if (x)
        checkBetween(o.at(key), o.need(key), -kMaxBandEdge, kMaxBandEdge);
    return x;
}

void checkPointsInRange(const std::string& path, double points, const Criterion& c) {
    if (points < c.pointsMin || points > c.pointsMax)
        fail(path, "points_outside",
             {shortestNumber(points), shortestNumber(c.pointsMin), shortestNumber(c.pointsMax)});
}

Worded boundText(double v, bool inclusive) {
    return {shortestNumber(v) + (inclusive ? ", inclusive" : ", exclusive"),
            shortestNumber(v) + (inclusive ? ", tính cả điểm này" : ", không tính điểm này")};
}

Band readBand(const Json& j, const std::string& path, const Criterion& c) {
    Obj o(j, path);
    Band b;
    b.min = bandEdge(o, "min");
    b.max = bandEdge(o, "max");
    if (b.min)
        b.minInclusive = o.boolean("min_inclusive");
    else if (o.has("min_inclusive"))
        fail(o.at("min_inclusive"), "without_min");
    if (b.max)
        b.maxInclusive = o.boolean("max_inclusive");
    else if (o.has("max_inclusive"))
        fail(o.at("max_inclusive"), "without_max");
    b.points = o.number("points");
    checkPointsInRange(o.at("points"), b.points, c);
    b.label = o.optText("label");
    o.finish();
    if (b.min && b.max &&
        (*b.min > *b.max || (*b.min == *b.max && !(b.minInclusive && b.maxInclusive)))) {
        Worded lo = boundText(*b.min, b.minInclusive);
        Worded hi = boundText(*b.max, b.maxInclusive);
        fail(o.at("max"), "band_empty",
             {std::move(lo.en), std::move(hi.en), std::move(lo.vi), std::move(hi.vi)});
    }
    return b;
}

// Bands must be listed in ascending order and tile their range: every value between the
// first band's min and the last band's max falls in exactly one band.
void checkBandsTile(const std::vector<Band>& bands, const std::string& path, bool percent) {
    for (std::size_t k = 0; k < bands.size(); ++k) {
        const Band& b = bands[k];
        const std::string here = item(path, k);
        if (!b.min && k != 0)
            fail(field(here, "min"), "only_first_band_no_min");
        if (!b.max && k + 1 != bands.size())
            fail(field(here, "max"), "only_last_band_no_max");
        if (k == 0)
            continue;
        const Band& prev = bands[k - 1];
        const std::string prevName = "bands[" + std::to_string(k - 1) + "]";
        const double end = *prev.max, start = *b.min;
        if (start < end) {
            Worded bound = boundText(end, prev.maxInclusive);
            fail(field(here, "min"), "bands_overlap",
                 {prevName, std::move(bound.en), std::move(bound.vi)});
        }
        if (start > end)
            fail(field(here, "min"), "bands_gap",
                 {prevName, shortestNumber(end), shortestNumber(start)});
        if (prev.maxInclusive && b.minInclusive)
            fail(field(here, "min_inclusive"), "bound_in_both", {shortestNumber(end), prevName});
        if (!prev.maxInclusive && !b.minInclusive)
            fail(field(here, "min_inclusive"), "bound_in_neither", {shortestNumber(end), prevName});
    }
    if (percent) {
        const Band& first = bands.front();
        const Band& last = bands.back();
        if (!first.min || *first.min != 0 || !first.minInclusive)
            fail(field(item(path, 0), "min"), "percent_start");
        if (!last.max || *last.max != 100 || !last.maxInclusive)
            fail(field(item(path, bands.size() - 1), "max"), "percent_end");
    }
}

Criterion readCriterion(const Json& j, const std::string& path) {
    Obj o(j, path);
    Criterion c;
    c.id = o.text("id");
    checkId(o.at("id"), c.id, false);
    c.label = o.text("label");
    c.labelEn = o.text("label_en");
    c.unit = o.optText("unit");
    c.source = o.optText("source");
    c.note = o.optText("note");
    const std::string input = o.text("input");
    auto type = inputTypeFromCode(input);
    if (!type)
        fail(o.at("input"), "unknown_input", {input});
    c.input = *type;
    c.pointsMin = pointsField(o, "points_min");
    c.pointsMax = pointsField(o, "points_max");
    if (c.pointsMax <= c.pointsMin)
        fail(o.at("points_max"), "points_max_not_above", {shortestNumber(c.pointsMin)});
    const std::string prov = o.text("provenance");
    auto p = provenanceFromCode(prov);
    if (!p)
        expected(o.at("provenance"), "provenance", Json(prov));
    c.provenance = *p;
    c.mandatory = o.boolean("mandatory");
    c.mandatoryFailAt = o.optNumber("mandatory_fail_at");
    if (c.mandatoryFailAt) {
        if (!c.mandatory)
            fail(o.at("mandatory_fail_at"), "fail_at_not_mandatory");
        checkPointsInRange(o.at("mandatory_fail_at"), *c.mandatoryFailAt, c);
    }

    const bool usesBands = c.input == InputType::Bands || c.input == InputType::Percent;
    for (std::string_view key : {"bands", "yes_no", "choices"}) {
        const bool wanted = (key == "bands" && usesBands) ||
                            (key == "yes_no" && c.input == InputType::YesNo) ||
                            (key == "choices" && c.input == InputType::Choice);
        if (!wanted && o.has(key))
            fail(o.at(key), "not_used_by_input", {input});
    }
    if (usesBands) {
        const Json& arr = o.array("bands", 1);
        for (std::size_t k = 0; k < arr.size(); ++k)
            c.bands.push_back(readBand(arr[k], item(o.at("bands"), k), c));
        checkBandsTile(c.bands, o.at("bands"), c.input == InputType::Percent);
    } else if (c.input == InputType::YesNo) {
        Obj yn(o.need("yes_no"), o.at("yes_no"));
        c.yesPoints = yn.number("yes");
        checkPointsInRange(yn.at("yes"), c.yesPoints, c);
        c.noPoints = yn.number("no");
        checkPointsInRange(yn.at("no"), c.noPoints, c);
        yn.finish();
    } else {
        const Json& arr = o.array("choices", 2);
        std::vector<std::string> folded;
        for (std::size_t k = 0; k < arr.size(); ++k) {
            Obj ch(arr[k], item(o.at("choices"), k));
            Choice choice;
            choice.value = ch.text("value");
            choice.label = ch.text("label");
            choice.labelEn = ch.text("label_en");
            choice.points = ch.number("points");
            checkPointsInRange(ch.at("points"), choice.points, c);
            ch.finish();
            const std::string key = foldForSearch(choice.value);
            for (std::size_t m = 0; m < folded.size(); ++m)
                if (folded[m] == key)
                    fail(ch.at("value"), "choice_twice", {choice.value, std::to_string(m)});
            folded.push_back(key);
            c.choices.push_back(std::move(choice));
        }
    }
    o.finish();
    return c;
}

LevelRule readLevel(const Json& j, const std::string& path, bool last) {
    Obj o(j, path);
    LevelRule l;
    const std::string id = o.text("id");
    auto level = riskLevelFromCode(id);
    if (!level)
        fail(o.at("id"), "unknown_level", {id});
    l.level = *level;
    l.label = o.text("label");
    l.labelEn = o.text("label_en");
    l.upper = o.optNumber("upper");
    if (l.upper) {
        if (last)
            fail(o.at("upper"), "last_level_upper");
        if (!(*l.upper > 0 && *l.upper <= 100))  // NaN-safe
            expected(o.at("upper"), "percentage", o.need("upper"));
        l.upperInclusive = o.boolean("upper_inclusive");
    } else if (!last) {
        fail(o.at("upper"), "level_upper_missing");
    } else if (o.has("upper_inclusive")) {
        fail(o.at("upper_inclusive"), "without_upper");
    }
    l.safeToOperate = o.boolean("safe_to_operate");
    l.action = o.optText("action");
    l.actionEn = o.optText("action_en");
    o.finish();
    return l;
}

VetoRule readVeto(const Json& j, const std::string& path, const CriteriaSet& set) {
    Obj o(j, path);
    VetoRule v;
    v.id = o.text("id");
    checkId(o.at("id"), v.id, false);
    const std::string when = o.text("when_level");
    auto level = riskLevelFromCode(when);
    bool defined = false;
    for (const auto& l : set.levels)
        defined = defined || (level && l.level == *level);
    if (!defined)
        fail(o.at("when_level"), "veto_level_undefined", {when});
    v.whenLevel = *level;
    v.anyIndexAtLeast = pointsField(o, "any_index_at_least");
    const std::string then = o.text("then");
    if (then != "unsafe")
        expected(o.at("then"), "unsafe", Json(then));
    if (const Json* ids = o.get("indices")) {
        if (!ids->is_array())
            expected(o.at("indices"), "index_ids", *ids);
        for (std::size_t k = 0; k < ids->size(); ++k) {
            const Json& id = (*ids)[k];
            const std::string p = item(o.at("indices"), k);
            if (!id.is_string())
                expected(p, "index_id", id);
            if (!set.find(id.get<std::string>()))
                fail(p, "no_such_index", {id.get<std::string>()});
            v.indices.push_back(id.get<std::string>());
        }
    }
    v.reason = o.text("reason");
    v.reasonEn = o.text("reason_en");
    o.finish();
    return v;
}

CriteriaSet readSet(const Json& root) {
    Obj o(root, "");
    CriteriaSet set;
    set.formatVersion = o.integer("format_version", 1);
    if (set.formatVersion != kCriteriaFormatVersion)
        fail("format_version", "unsupported_format",
             {std::to_string(set.formatVersion), std::to_string(kCriteriaFormatVersion)});
    set.id = o.text("id");
    checkId("id", set.id, true);
    set.version = o.integer("version", 1);
    set.name = o.text("name");
    set.nameEn = o.text("name_en");
    set.source = o.text("source");
    set.note = o.optText("note");

    const Json& indices = o.array("indices", 1);
    if (indices.size() > kMaxCriteria)
        fail("indices", "too_many_indices",
             {std::to_string(kMaxCriteria), std::to_string(indices.size())});
    for (std::size_t i = 0; i < indices.size(); ++i) {
        Criterion c = readCriterion(indices[i], item("indices", i));
        for (std::size_t m = 0; m < set.indices.size(); ++m)
            if (set.indices[m].id == c.id)
                fail(field(item("indices", i), "id"), "index_id_twice", {c.id, std::to_string(m)});
        set.indices.push_back(std::move(c));
    }

    Obj total(o.need("total"), "total");
    const std::string method = total.text("method");
    if (method != "sum_over_max")
        fail("total.method", "unknown_total_method", {method});
    total.finish();

    const Json& levels = o.array("levels", 2);
    for (std::size_t i = 0; i < levels.size(); ++i) {
        LevelRule l = readLevel(levels[i], item("levels", i), i + 1 == levels.size());
        if (i > 0) {
            const LevelRule& prev = set.levels.back();
            if (l.level <= prev.level)
                fail(field(item("levels", i), "id"), "levels_order",
                     {std::string(riskLevelCode(l.level)), std::string(riskLevelCode(prev.level))});
            if (l.upper && *l.upper <= *prev.upper)
                fail(
                    field(item("levels", i), "upper"), "levels_not_increasing",
                    {shortestNumber(*l.upper), std::to_string(i - 1), shortestNumber(*prev.upper)});
        }
        set.levels.push_back(std::move(l));
    }

    if (const Json* vetoes = o.get("vetoes")) {
        if (!vetoes->is_array())
            expected("vetoes", "array", *vetoes);
        if (vetoes->size() > kMaxVetoes)
            fail("vetoes", "too_many_vetoes", {std::to_string(kMaxVetoes)});
        for (std::size_t i = 0; i < vetoes->size(); ++i) {
            VetoRule v = readVeto((*vetoes)[i], item("vetoes", i), set);
            for (std::size_t m = 0; m < set.vetoes.size(); ++m)
                if (set.vetoes[m].id == v.id)
                    fail(field(item("vetoes", i), "id"), "veto_id_twice",
                         {v.id, std::to_string(m)});
            set.vetoes.push_back(std::move(v));
        }
    }
    o.finish();
    return set;
}

/// A criteria file is at most five levels deep; comments may nest a little more. Deeper
/// input is refused before it costs memory or stack anywhere.
constexpr std::size_t kMaxDepth = 32;

/// Thrown by DuplicateKeyCheck's counting pass: some object has fewer members than keys.
struct SomeKeyTwice {};

/// \brief Follows the parser's position so a key given twice in one object (which
/// nlohmann::json would silently collapse to the last) can be reported with its path; also
/// refuses absurd nesting, and names where the parser stopped (valuePath()).
///
/// The first pass only counts keys: an object that ends with fewer members than keys had one
/// twice (SomeKeyTwice). Only then does a second pass remember every key to name the first
/// repeat. On main each key was compared with every earlier one: 200,000 keys took 31 s.
class DuplicateKeyCheck {
public:
    explicit DuplicateKeyCheck(bool nameDuplicate) : nameDuplicate_(nameDuplicate) {}

    bool operator()(int /*depth*/, Json::parse_event_t event, Json& parsed) {
        using E = Json::parse_event_t;
        switch (event) {
            case E::object_start:
            case E::array_start:
                enterValue();
                frames_.push_back({event == E::object_start, {}, 0, {}, 0});
                if (frames_.size() > kMaxDepth)
                    fail(path(4), "too_deep", {std::to_string(kMaxDepth)});
                break;
            case E::key: {
                Frame& f = frames_.back();
                f.key = parsed.get<std::string>();
                ++f.keyCount;
                if (nameDuplicate_ && !f.keys.insert(f.key).second)
                    fail(path(), "field_twice");
                break;
            }
            case E::object_end:
                if (parsed.size() != frames_.back().keyCount)
                    throw SomeKeyTwice{};
                frames_.pop_back();
                break;
            case E::array_end:
                frames_.pop_back();
                break;
            case E::value:
                enterValue();
                break;
        }
        return true;
    }

    /// The path of the value being read when the parser gives up on it (e.g. a number that
    /// overflows a double): the last key, or the next position of an array.
    std::string valuePath() const {
        std::string p;
        for (const auto& f : frames_) {
            if (f.object)
                p = field(p, f.key);
            else
                p += "[" + std::to_string(&f == &frames_.back() ? f.next : f.next - 1) + "]";
        }
        return p;
    }

private:
    struct Frame {
        bool object;
        std::string key;
        std::size_t keyCount;
        std::set<std::string, std::less<>> keys;  // only when naming the duplicate
        std::size_t next;                         // index of the next array element
    };
    // Each value (or nested container) inside an array takes the next array position.
    void enterValue() {
        if (!frames_.empty() && !frames_.back().object) {
            Frame& f = frames_.back();
            f.key = std::to_string(f.next++);
        }
    }
    /// The path of the current key or array position; with `maxParts`, only that many
    /// levels and then "…".
    std::string path(std::size_t maxParts = std::numeric_limits<std::size_t>::max()) const {
        std::string p;
        for (std::size_t i = 0; i < frames_.size(); ++i) {
            const Frame& f = frames_[i];
            if (i == maxParts)
                return p + "…";
            if (f.object)
                p = field(p, f.key);
            else if (!f.key.empty())
                p += "[" + f.key + "]";
        }
        return p;
    }
    bool nameDuplicate_;
    std::vector<Frame> frames_;
};

// nlohmann's syntax errors end in "; last read: '…'", the whole token so far: a long string
// would make a long message. Keep its start, cut at a character boundary.
std::string shortened(std::string what) {
    const std::string mark = "; last read: '";
    const auto at = what.find(mark);
    if (at == std::string::npos)
        return what;
    const std::size_t start = at + mark.size();
    std::size_t end = what.size() - (what.ends_with('\'') ? 1 : 0);
    if (end - start <= 40)
        return what;
    end = start + 40;
    while (end > start && (static_cast<unsigned char>(what[end]) & 0xC0) == 0x80)
        --end;
    return what.substr(0, end) + "…'";
}

}  // namespace

Result<CriteriaSet> parseCriteriaSet(std::string_view json, const std::string& fileName) {
    // Checked first: the parser's own messages quote the bytes it read, and a message must
    // itself be readable text.
    if (const std::size_t bad = findInvalidUtf8(json); bad != std::string_view::npos)
        return codedError("criteria_file.not_utf8", {std::to_string(lineOfOffset(json, bad))},
                          fileName);
    DuplicateKeyCheck check(false);
    try {
        Json root;
        try {
            root = Json::parse(json.begin(), json.end(), std::ref(check));
        } catch (const SomeKeyTwice&) {
            DuplicateKeyCheck naming(true);
            const Json again = Json::parse(json.begin(), json.end(), std::ref(naming));
            return codedError("criteria_file.field_twice", {}, fileName);  // not reached
        }
        return readSet(root);
    } catch (const Invalid& e) {
        // The schema's own check, worded for the file's author (a JSON path and what it
        // expected): framed by words of the reader's language.
        return errorAbout("criteria_file.invalid", {}, codedError(e.code, e.args), fileName);
    } catch (const Json::parse_error& e) {
        // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." → "at line…"
        std::string what = e.what();
        const auto at = what.find("parse error ");
        if (at != std::string::npos)
            what = what.substr(at + 12);
        // The token may stop inside a multi-byte letter ("id": ườ...): keep the message UTF-8.
        const std::string detail = printableText(shortened(what));
        // The line, column and the text last read, for the Vietnamese words (nlohmann's
        // own are English): "at line 58, column 18: … last read: '…'".
        unsigned line = 0, column = 0;
        const auto lastRead = detail.find("last read: ");
        if (std::sscanf(detail.c_str(), "at line %u, column %u", &line, &column) == 2 &&
            lastRead != std::string::npos)
            return codedError("criteria_file.not_json_at",
                              {detail, std::to_string(line), std::to_string(column),
                               detail.substr(lastRead + 11)},
                              fileName);
        return codedError("criteria_file.not_json", {detail}, fileName);
    } catch (const Json::out_of_range& e) {
        // 406 "number overflow parsing '1e400'": JSON has no infinity, and such a number would
        // only ever make a score infinite. Name the field instead of nlohmann's code.
        std::string what = e.what();
        const auto q = what.find('\'');
        const std::string number =
            q == std::string::npos ? std::string() : what.substr(q + 1, what.rfind('\'') - q - 1);
        const std::string where = check.valuePath();
        std::string place = where;
        if (!place.empty())
            place += ": ";
        std::string shownNumber = number;
        if (!shownNumber.empty())
            shownNumber += ' ';
        return codedError("criteria_file.number_too_large", {place, shownNumber}, fileName);
    } catch (const Json::exception& e) {
        return codedError("criteria_file.not_criteria", {printableText(e.what())}, fileName);
    }
}

Result<CriteriaSet> loadCriteriaSet(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return codedError("criteria_file.cannot_open", {}, path);
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        return codedError("criteria_file.cannot_read", {}, path);
    return parseCriteriaSet(text.str(), path);
}

}  // namespace safemap
