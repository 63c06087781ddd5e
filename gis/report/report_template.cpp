#include "gis/report/report_template.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/filter/filter_json.h"

namespace safemap {

namespace {

// Ordered, so a saved template reads in the order of docs/reports.md.
using Json = nlohmann::ordered_json;

// Thrown only inside this file and caught by reportTemplateFromJson (as the criteria
// parser does): each check stays one line. Callers get an Error value.
struct Invalid {
    std::string message;
};

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw Invalid{path.empty() ? what : path + ": " + what};
}

std::string shown(const Json& j) {
    if (j.is_object())
        return "an object";
    if (j.is_array())
        return "an array";
    std::string s = j.dump(-1, ' ', false, Json::error_handler_t::replace);
    return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

[[noreturn]] void expected(const std::string& path, const std::string& what, const Json& got) {
    fail(path, "expected " + what + ", got " + shown(got));
}

std::string field(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

void onlyKnownKeys(const Json& object, const std::string& path,
                   std::initializer_list<std::string_view> known) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool ok = false;
        for (std::string_view k : known)
            ok = ok || it.key() == k;
        if (!ok)
            fail(field(path, it.key()), "unknown field (a typing mistake? see docs/reports.md)");
    }
}

std::string text(const Json& o, const std::string& path, std::string_view key,
                 std::string fallback = {}) {
    const auto it = o.find(std::string(key));
    if (it == o.end())
        return fallback;
    if (!it->is_string())
        expected(field(path, key), "text", *it);
    return it->get<std::string>();
}

double number(const Json& o, const std::string& path, std::string_view key, double fallback,
              double lo, double hi) {
    const auto it = o.find(std::string(key));
    if (it == o.end())
        return fallback;
    if (!it->is_number())
        expected(field(path, key), "a number", *it);
    const double v = it->get<double>();
    if (!std::isfinite(v) || v < lo || v > hi) {
        std::ostringstream range;
        range << "a number from " << lo << " to " << hi;
        expected(field(path, key), range.str(), *it);
    }
    return v;
}

int whole(const Json& o, const std::string& path, std::string_view key, int fallback, int lo,
          int hi) {
    const auto it = o.find(std::string(key));
    if (it == o.end())
        return fallback;
    if (!it->is_number_integer() || it->get<long long>() < lo || it->get<long long>() > hi)
        expected(field(path, key),
                 "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi), *it);
    return static_cast<int>(it->get<long long>());
}

constexpr std::array<std::pair<BlockType, std::string_view>, 10> kBlockCodes{{
    {BlockType::Map, "map"},
    {BlockType::Legend, "legend"},
    {BlockType::Overview, "overview"},
    {BlockType::Summary, "summary"},
    {BlockType::LevelChart, "level_chart"},
    {BlockType::DistrictChart, "district_chart"},
    {BlockType::TrendChart, "trend_chart"},
    {BlockType::SuspendTable, "suspend_table"},
    {BlockType::InspectTable, "inspect_table"},
    {BlockType::Text, "text"},
}};

std::string blockCodeList() {
    std::string out;
    for (const auto& [type, code] : kBlockCodes)
        (out += out.empty() ? "" : ", ") += code;
    return out;
}

ReportBlock readBlock(const Json& j, const std::string& path) {
    if (!j.is_object())
        expected(path, "an object", j);
    onlyKnownKeys(j, path,
                  {"type", "x", "y", "width", "height", "title", "extent", "top", "max_rows",
                   "text"});
    ReportBlock b;
    const auto type = j.find("type");
    if (type == j.end())
        fail(field(path, "type"), "missing (one of " + blockCodeList() + ")");
    if (!type->is_string())
        expected(field(path, "type"), "text", *type);
    const auto t = blockTypeFromCode(type->get<std::string>());
    if (!t)
        fail(field(path, "type"),
             "unknown block type " + shown(*type) + " (one of " + blockCodeList() + ")");
    b.type = *t;
    b.rect.x = number(j, path, "x", 0, 0, 1);
    b.rect.y = number(j, path, "y", 0, 0, 1);
    b.rect.width = number(j, path, "width", 1, 0.01, 1);
    b.rect.height = number(j, path, "height", 1, 0.01, 1);
    constexpr double kSlack = 1e-6;
    if (b.rect.x + b.rect.width > 1 + kSlack)
        fail(field(path, "width"), "x + width goes past the right edge of the page body (1)");
    if (b.rect.y + b.rect.height > 1 + kSlack)
        fail(field(path, "height"), "y + height goes past the bottom of the page body (1)");
    b.title = text(j, path, "title");
    b.top = whole(j, path, "top", 10, 1, 100);
    b.maxRows = whole(j, path, "max_rows", 0, 0, 10000000);
    b.text = text(j, path, "text");
    if (const auto e = j.find("extent"); e != j.end()) {
        const std::string p = field(path, "extent");
        if (e->is_string() && *e == "sites") {
            b.extent = MapExtentMode::Sites;
        } else if (e->is_string() && *e == "view") {
            b.extent = MapExtentMode::View;
        } else if (e->is_array() && e->size() == 4 &&
                   std::all_of(e->begin(), e->end(), [](const Json& v) { return v.is_number(); })) {
            const BBox box{(*e)[0].get<double>(), (*e)[1].get<double>(), (*e)[2].get<double>(),
                           (*e)[3].get<double>()};
            if (!(box.minX >= -180 && box.maxX <= 180 && box.minY >= -85 && box.maxY <= 85 &&
                  box.minX < box.maxX && box.minY < box.maxY))
                fail(p, "[min lon, min lat, max lon, max lat] in degrees, min below max");
            b.extent = MapExtentMode::Fixed;
            b.fixedExtent = box;
        } else {
            expected(p, "\"sites\", \"view\" or [min lon, min lat, max lon, max lat]", *e);
        }
    }
    return b;
}

ReportTemplate readTemplate(const Json& j) {
    if (!j.is_object())
        expected("", "a JSON object", j);
    onlyKnownKeys(j, "",
                  {"format_version", "kind", "id", "name", "name_en", "title", "paper",
                   "orientation", "margin_mm", "filter", "pages"});
    const auto version = j.find("format_version");
    if (version == j.end())
        fail("format_version", "missing (1)");
    if (!version->is_number_integer() || version->get<long long>() < 1)
        expected("format_version", "a whole number", *version);
    if (version->get<long long>() > kReportTemplateFormatVersion)
        fail("format_version", "version " + std::to_string(version->get<long long>()) +
                                   " is newer than this SafeMap reads (" +
                                   std::to_string(kReportTemplateFormatVersion) + ")");
    if (const auto kind = j.find("kind");
        kind != j.end() && (!kind->is_string() || *kind != "safemap-report-template"))
        expected("kind", "\"safemap-report-template\"", *kind);
    ReportTemplate t;
    t.id = text(j, "", "id");
    if (t.id.empty())
        fail("id", "missing (a short name such as \"district-overview\")");
    for (const char c : t.id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
            fail("id", "only letters a-z, digits, '-' and '_' (got \"" + t.id + "\")");
    t.name = text(j, "", "name", t.id);
    t.nameEn = text(j, "", "name_en");
    t.title = text(j, "", "title");
    const std::string paper = text(j, "", "paper", "A4");
    if (paper == "A4" || paper == "a4")
        t.paper = PaperSize::A4;
    else if (paper == "A3" || paper == "a3")
        t.paper = PaperSize::A3;
    else
        expected("paper", "\"A4\" or \"A3\"", j["paper"]);
    const std::string orientation = text(j, "", "orientation", "landscape");
    if (orientation == "landscape")
        t.orientation = PaperOrientation::Landscape;
    else if (orientation == "portrait")
        t.orientation = PaperOrientation::Portrait;
    else
        expected("orientation", "\"landscape\" or \"portrait\"", j["orientation"]);
    t.marginMm = number(j, "", "margin_mm", 10, 3, 40);
    if (const auto f = j.find("filter"); f != j.end() && !f->is_null()) {
        if (!f->is_object())
            expected("filter", "an object (a filter as the window saves it)", *f);
        auto filter = siteFilterFromJson(f->dump());
        if (!filter)
            fail("filter", filter.error().message);
        t.filter = *filter;
    }
    const auto pages = j.find("pages");
    if (pages == j.end())
        fail("pages", "missing (a list of pages, each with its blocks)");
    if (!pages->is_array() || pages->empty())
        expected("pages", "a list of at least one page", *pages);
    for (std::size_t i = 0; i < pages->size(); ++i) {
        const Json& p = (*pages)[i];
        const std::string path = "pages[" + std::to_string(i) + "]";
        if (!p.is_object())
            expected(path, "an object with \"blocks\"", p);
        onlyKnownKeys(p, path, {"blocks"});
        const auto blocks = p.find("blocks");
        if (blocks == p.end() || !blocks->is_array() || blocks->empty())
            fail(field(path, "blocks"), "expected a list of at least one block");
        ReportPageTemplate page;
        for (std::size_t k = 0; k < blocks->size(); ++k)
            page.blocks.push_back(
                readBlock((*blocks)[k], field(path, "blocks") + "[" + std::to_string(k) + "]"));
        t.pages.push_back(std::move(page));
    }
    return t;
}

Json blockJson(const ReportBlock& b) {
    Json j;
    j["type"] = blockTypeCode(b.type);
    j["x"] = b.rect.x;
    j["y"] = b.rect.y;
    j["width"] = b.rect.width;
    j["height"] = b.rect.height;
    if (!b.title.empty())
        j["title"] = b.title;
    if (b.type == BlockType::Map) {
        if (b.extent == MapExtentMode::Sites)
            j["extent"] = "sites";
        else if (b.extent == MapExtentMode::View)
            j["extent"] = "view";
        else
            j["extent"] = {b.fixedExtent.minX, b.fixedExtent.minY, b.fixedExtent.maxX,
                           b.fixedExtent.maxY};
    }
    if (b.type == BlockType::DistrictChart)
        j["top"] = b.top;
    if (b.type == BlockType::SuspendTable || b.type == BlockType::InspectTable)
        j["max_rows"] = b.maxRows;
    if (!b.text.empty())
        j["text"] = b.text;
    return j;
}

}  // namespace

std::string_view blockTypeCode(BlockType type) {
    for (const auto& [t, code] : kBlockCodes)
        if (t == type)
            return code;
    return "map";
}

std::optional<BlockType> blockTypeFromCode(std::string_view code) {
    for (const auto& [t, c] : kBlockCodes)
        if (c == code)
            return t;
    return std::nullopt;
}

Result<ReportTemplate> reportTemplateFromJson(std::string_view json, const std::string& file) {
    Json j;
    try {
        j = Json::parse(json.begin(), json.end());
    } catch (const Json::parse_error& e) {
        return Error("not valid JSON (byte " + std::to_string(e.byte) + ")", file);
    }
    try {
        return readTemplate(j);
    } catch (const Invalid& e) {
        return Error(e.message, file);
    } catch (const Json::exception& e) {
        return Error(e.what(), file);
    }
}

Result<ReportTemplate> loadReportTemplate(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error("cannot read the template file", path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return reportTemplateFromJson(buffer.str(), path);
}

std::string reportTemplateToJson(const ReportTemplate& t) {
    Json j;
    j["kind"] = "safemap-report-template";
    j["format_version"] = kReportTemplateFormatVersion;
    j["id"] = t.id;
    j["name"] = t.name;
    if (!t.nameEn.empty())
        j["name_en"] = t.nameEn;
    if (!t.title.empty())
        j["title"] = t.title;
    j["paper"] = t.paper == PaperSize::A3 ? "A3" : "A4";
    j["orientation"] = t.orientation == PaperOrientation::Portrait ? "portrait" : "landscape";
    j["margin_mm"] = t.marginMm;
    if (t.filter)
        j["filter"] = Json::parse(siteFilterToJson(*t.filter));
    Json pages = Json::array();
    for (const auto& p : t.pages) {
        Json blocks = Json::array();
        for (const auto& b : p.blocks)
            blocks.push_back(blockJson(b));
        pages.push_back({{"blocks", blocks}});
    }
    j["pages"] = pages;
    return j.dump(2) + "\n";
}

}  // namespace safemap
