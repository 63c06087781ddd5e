#include "core/report/report_template.h"

#include <array>
#include <cerrno>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/errors/error_catalogue.h"
#include "core/filter/filter_json.h"
#include "core/util/atomic_file.h"

namespace safemap {

namespace {

using OrderedJson = nlohmann::ordered_json;

constexpr std::array<std::pair<ReportBlockKind, std::string_view>, 6> kBlockCodes{{
    {ReportBlockKind::Map, "map"},
    {ReportBlockKind::Legend, "legend"},
    {ReportBlockKind::Overview, "overview"},
    {ReportBlockKind::LevelsChart, "chart_levels"},
    {ReportBlockKind::DistrictsChart, "chart_districts"},
    {ReportBlockKind::TrendChart, "chart_trend"},
}};

constexpr std::size_t kMaxRows = 1000000;
constexpr std::size_t kMaxBlocks = 32;
constexpr std::size_t kMaxText = 300;
constexpr double kMinShare = 0.02;  // a block thinner than this would show nothing

// The errors name the field; `file` is the template's file name.
struct Reader {
    std::string file;

    Error missing(const std::string& field) const {
        return codedError("report_template.missing_field", {field}, file, -1, field);
    }
    // What the value must be, in English and in Vietnamese.
    Error bad(const std::string& field, const std::string& en, const std::string& vi) const {
        return codedError("report_template.bad_value", {field, en, vi}, file, -1, field);
    }
    Error unknown(const std::string& field) const {
        return codedError("report_template.unknown_field", {field}, file, -1, field);
    }
};

// Keys of `object` not in `known`: the first is an error (a misspelt "widht" would
// otherwise be silently ignored).
std::optional<Error> checkKeys(const OrderedJson& object,
                               std::initializer_list<std::string_view> known,
                               const std::string& prefix, const Reader& r) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool ok = false;
        for (const std::string_view k : known)
            ok = ok || it.key() == k;
        if (!ok)
            return r.unknown(prefix + it.key());
    }
    return std::nullopt;
}

bool printable(const std::string& s) {
    for (const char c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return false;
    return true;
}

Result<std::string> textField(const OrderedJson& root, const char* key, bool required,
                              const Reader& r) {
    const auto it = root.find(key);
    if (it == root.end()) {
        if (required)
            return r.missing(key);
        return std::string();
    }
    if (!it->is_string())
        return r.bad(key, "text", "văn bản");
    std::string s = it->get<std::string>();
    if (s.size() > kMaxText || !printable(s) || (required && s.empty()))
        return r.bad(key, "text of 1 to 300 bytes on one line", "văn bản một dòng, 1 đến 300 byte");
    return s;
}

Result<double> share(const OrderedJson& block, const char* key, const std::string& prefix,
                     const Reader& r) {
    const auto it = block.find(key);
    if (it == block.end())
        return r.missing(prefix + key);
    if (!it->is_number())
        return r.bad(prefix + key, "a number from 0 to 1", "một số từ 0 đến 1");
    const double v = it->get<double>();
    if (!std::isfinite(v) || v < 0 || v > 1)
        return r.bad(prefix + key, "a number from 0 to 1", "một số từ 0 đến 1");
    return v;
}

Result<ReportBlockPlace> readBlock(const OrderedJson& block, const std::string& prefix,
                                   const Reader& r) {
    if (!block.is_object())
        return r.bad(prefix.substr(0, prefix.size() - 1), "an object", "một đối tượng JSON");
    if (auto e = checkKeys(block, {"block", "x", "y", "width", "height"}, prefix, r))
        return *e;
    ReportBlockPlace place;
    const auto kind = block.find("block");
    if (kind == block.end())
        return r.missing(prefix + "block");
    if (!kind->is_string() || !reportBlockFromCode(kind->get<std::string>()))
        return r.bad(prefix + "block",
                     "map, legend, overview, chart_levels, chart_districts or chart_trend",
                     "map, legend, overview, chart_levels, chart_districts hoặc chart_trend");
    place.kind = *reportBlockFromCode(kind->get<std::string>());
    for (auto [key, out] : {std::pair{"x", &place.x}, std::pair{"y", &place.y},
                            std::pair{"width", &place.width}, std::pair{"height", &place.height}}) {
        auto v = share(block, key, prefix, r);
        if (!v)
            return v.error();
        *out = *v;
    }
    if (place.width < kMinShare)
        return r.bad(prefix + "width", "at least 0.02", "ít nhất 0.02");
    if (place.height < kMinShare)
        return r.bad(prefix + "height", "at least 0.02", "ít nhất 0.02");
    if (place.x + place.width > 1 + 1e-9)
        return r.bad(prefix + "width", "at most 1 − x (the block ends inside the page)",
                     "nhiều nhất 1 − x (khối phải nằm trong trang)");
    if (place.y + place.height > 1 + 1e-9)
        return r.bad(prefix + "height", "at most 1 − y (the block ends inside the page)",
                     "nhiều nhất 1 − y (khối phải nằm trong trang)");
    return place;
}

Result<ReportListPart> readList(const OrderedJson& item, const std::string& prefix,
                                const Reader& r) {
    if (!item.is_object())
        return r.bad(prefix.substr(0, prefix.size() - 1), "an object", "một đối tượng JSON");
    if (auto e = checkKeys(item, {"list", "rows"}, prefix, r))
        return *e;
    ReportListPart part;
    const auto list = item.find("list");
    if (list == item.end())
        return r.missing(prefix + "list");
    if (!list->is_string() || (*list != "suspend" && *list != "inspect"))
        return r.bad(prefix + "list", "suspend or inspect", "suspend hoặc inspect");
    part.list = *list == "suspend" ? ActionList::ToSuspend : ActionList::ToInspect;
    if (const auto rows = item.find("rows"); rows != item.end()) {
        if (!rows->is_number_unsigned() || rows->get<std::uint64_t>() > kMaxRows)
            return r.bad(prefix + "rows", "a whole number from 0 (every row) to 1000000",
                         "số nguyên từ 0 (mọi dòng) đến 1000000");
        part.rows = static_cast<std::size_t>(rows->get<std::uint64_t>());
    }
    return part;
}

}  // namespace

std::string_view reportBlockCode(ReportBlockKind kind) {
    for (const auto& [k, code] : kBlockCodes)
        if (k == kind)
            return code;
    return "map";
}

std::optional<ReportBlockKind> reportBlockFromCode(std::string_view code) {
    for (const auto& [k, c] : kBlockCodes)
        if (c == code)
            return k;
    return std::nullopt;
}

Result<ReportTemplate> parseReportTemplate(std::string_view json, const std::string& fileName) {
    const Reader r{fileName};
    const OrderedJson root = OrderedJson::parse(json.begin(), json.end(), nullptr, false);
    if (root.is_discarded())
        return codedError("report_template.not_json", {}, fileName);
    if (!root.is_object())
        return r.bad("(the whole file)", "a JSON object", "một đối tượng JSON");
    if (auto e = checkKeys(root,
                           {"format", "version", "name", "title", "paper", "orientation", "filter",
                            "blocks", "lists"},
                           "", r))
        return *e;
    const auto format = root.find("format");
    if (format == root.end())
        return r.missing("format");
    if (*format != "safemap-report-template")
        return r.bad("format", "\"safemap-report-template\"", "\"safemap-report-template\"");
    const auto version = root.find("version");
    if (version == root.end())
        return r.missing("version");
    if (!version->is_number_integer() || version->get<long long>() < 1)
        return r.bad("version", "1", "1");
    if (version->get<long long>() > kReportTemplateVersion)
        return codedError("report_template.newer_version",
                          {std::to_string(version->get<long long>())}, fileName, -1, "version");
    ReportTemplate t;
    auto name = textField(root, "name", true, r);
    if (!name)
        return name.error();
    t.name = *name;
    auto title = textField(root, "title", false, r);
    if (!title)
        return title.error();
    t.title = *title;
    if (const auto paper = root.find("paper"); paper != root.end()) {
        if (*paper != "a4" && *paper != "a3")
            return r.bad("paper", "a4 or a3", "a4 hoặc a3");
        t.paper = *paper == "a3" ? TemplatePaper::A3 : TemplatePaper::A4;
    }
    if (const auto o = root.find("orientation"); o != root.end()) {
        if (*o != "landscape" && *o != "portrait")
            return r.bad("orientation", "landscape or portrait",
                         "landscape (ngang) hoặc portrait (dọc)");
        t.orientation =
            *o == "portrait" ? TemplateOrientation::Portrait : TemplateOrientation::Landscape;
    }
    if (const auto f = root.find("filter"); f != root.end()) {
        if (!f->is_object())
            return r.bad("filter", "a filter object, as the window saves it",
                         "một bộ lọc như cửa sổ lưu");
        auto filter = siteFilterFromJson(f->dump());
        if (!filter)
            return r.bad("filter", filter.error().message, filter.error().message);
        t.filter = *filter;
    }
    if (const auto blocks = root.find("blocks"); blocks != root.end()) {
        if (!blocks->is_array() || blocks->size() > kMaxBlocks)
            return r.bad("blocks", "a list of at most 32 blocks", "danh sách tối đa 32 khối");
        for (std::size_t i = 0; i < blocks->size(); ++i) {
            std::string prefix = "blocks[";
            prefix += std::to_string(i);
            prefix += "].";
            auto place = readBlock((*blocks)[i], prefix, r);
            if (!place)
                return place.error();
            t.blocks.push_back(*place);
        }
    }
    if (const auto lists = root.find("lists"); lists != root.end()) {
        if (!lists->is_array() || lists->size() > 2)
            return r.bad("lists", "a list of at most 2 tables", "danh sách tối đa 2 bảng");
        for (std::size_t i = 0; i < lists->size(); ++i) {
            std::string prefix = "lists[";
            prefix += std::to_string(i);
            prefix += "].";
            auto part = readList((*lists)[i], prefix, r);
            if (!part)
                return part.error();
            t.lists.push_back(*part);
        }
    }
    if (t.blocks.empty() && t.lists.empty())
        return codedError("report_template.empty", {}, fileName, -1, "blocks");
    return t;
}

std::string reportTemplateToJson(const ReportTemplate& t) {
    OrderedJson root;
    root["format"] = "safemap-report-template";
    root["version"] = kReportTemplateVersion;
    root["name"] = t.name;
    if (!t.title.empty())
        root["title"] = t.title;
    root["paper"] = t.paper == TemplatePaper::A3 ? "a3" : "a4";
    root["orientation"] = t.orientation == TemplateOrientation::Portrait ? "portrait" : "landscape";
    if (t.filter)
        root["filter"] = OrderedJson::parse(siteFilterToJson(*t.filter));
    OrderedJson blocks = OrderedJson::array();
    for (const ReportBlockPlace& b : t.blocks)
        blocks.push_back({{"block", std::string(reportBlockCode(b.kind))},
                          {"x", b.x},
                          {"y", b.y},
                          {"width", b.width},
                          {"height", b.height}});
    root["blocks"] = blocks;
    OrderedJson lists = OrderedJson::array();
    for (const ReportListPart& l : t.lists)
        lists.push_back(
            {{"list", l.list == ActionList::ToSuspend ? "suspend" : "inspect"}, {"rows", l.rows}});
    root["lists"] = lists;
    return root.dump(2) + "\n";
}

namespace {

// The built-in templates, written as the files an analyst would write.
constexpr std::string_view kOverview = R"({
  "format": "safemap-report-template", "version": 1,
  "name": "overview",
  "paper": "a4", "orientation": "landscape",
  "blocks": [
    {"block": "map", "x": 0, "y": 0, "width": 0.54, "height": 1},
    {"block": "legend", "x": 0.54, "y": 0, "width": 0.235, "height": 1},
    {"block": "overview", "x": 0.775, "y": 0, "width": 0.225, "height": 0.36},
    {"block": "chart_levels", "x": 0.775, "y": 0.36, "width": 0.225, "height": 0.2},
    {"block": "chart_districts", "x": 0.775, "y": 0.56, "width": 0.225, "height": 0.22},
    {"block": "chart_trend", "x": 0.775, "y": 0.78, "width": 0.225, "height": 0.22}
  ]
})";

constexpr std::string_view kActionLists = R"({
  "format": "safemap-report-template", "version": 1,
  "name": "action-lists",
  "title": "",
  "paper": "a4", "orientation": "portrait",
  "lists": [{"list": "suspend", "rows": 0}, {"list": "inspect", "rows": 0}]
})";

}  // namespace

const std::vector<ReportTemplate>& builtInReportTemplates() {
    static const std::vector<ReportTemplate> all = [] {
        std::vector<ReportTemplate> v;
        for (const std::string_view json : {kOverview, kActionLists})
            if (auto t = parseReportTemplate(json, "built-in"))
                v.push_back(std::move(*t));
        return v;
    }();
    return all;
}

std::optional<ReportTemplate> builtInReportTemplate(std::string_view name) {
    for (const ReportTemplate& t : builtInReportTemplates())
        if (t.name == name)
            return t;
    return std::nullopt;
}

Result<ReportTemplate> loadReportTemplate(const std::string& nameOrPath) {
    if (auto builtIn = builtInReportTemplate(nameOrPath))
        return *builtIn;
    std::ifstream in(nameOrPath, std::ios::binary);
    if (!in) {
        const int error = errno;
        // A bare word that is no file was meant as a built-in's name.
        if (error == ENOENT && nameOrPath.find_first_of("/.\\") == std::string::npos) {
            std::string names;
            for (const ReportTemplate& t : builtInReportTemplates())
                names += (names.empty() ? "" : ", ") + t.name;
            return codedError("report_template.not_found", {nameOrPath, names});
        }
        return fileError("open", error, nameOrPath);
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        return fileError("read", errno, nameOrPath);
    return parseReportTemplate(buffer.str(), nameOrPath);
}

Status saveReportTemplate(const std::string& path, const ReportTemplate& tmpl) {
    return writeFileAtomically(path, reportTemplateToJson(tmpl));
}

}  // namespace safemap
