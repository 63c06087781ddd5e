#include "core/errors/error_catalogue.h"

#include <cerrno>
#include <cstring>
#include <unordered_map>

#include "core/text/utf8.h"

namespace safemap {

namespace {

const std::unordered_map<std::string_view, const ErrorTemplate*>& index() {
    // Built once: the entries live in static arrays of the messages_*.cpp files.
    static const auto* map = [] {
        auto* m = new std::unordered_map<std::string_view, const ErrorTemplate*>;
        for (auto part :
             {textMessages(), importMessages(), storageMessages(), criteriaMessages(),
              gisMessages(), appMessages(), fieldMessages(), serverMessages(), reportMessages()})
            for (const ErrorTemplate& t : part)
                m->emplace(t.code, &t);
        return m;
    }();
    return *map;
}

}  // namespace

std::vector<ErrorTemplate> errorCatalogue() {
    std::vector<ErrorTemplate> out;
    for (auto part :
         {textMessages(), importMessages(), storageMessages(), criteriaMessages(), gisMessages(),
          appMessages(), fieldMessages(), serverMessages(), reportMessages()})
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

const ErrorTemplate* findErrorTemplate(std::string_view code) {
    const auto& m = index();
    auto it = m.find(code);
    return it == m.end() ? nullptr : it->second;
}

std::string fillTemplate(std::string_view tmpl, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(tmpl.size() + 32);
    for (size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 1] >= '1' && tmpl[i + 1] <= '9' &&
            tmpl[i + 2] == '}') {
            const auto k = static_cast<size_t>(tmpl[i + 1] - '1');
            if (k < args.size())
                out += args[k];
            i += 2;
            continue;
        }
        out += tmpl[i];
    }
    return out;
}

Error codedError(std::string_view code, std::vector<std::string> args, std::string file, long row,
                 std::string column) {
    std::string message;
    if (const ErrorTemplate* t = findErrorTemplate(code)) {
        message = fillTemplate(t->en, args);
    } else {
        message = std::string(code);
        for (const auto& a : args) {
            message += ' ';
            message += a;
        }
    }
    Error e(std::move(message), std::move(file), row, std::move(column));
    e.code = std::string(code);
    e.args = std::move(args);
    return e;
}

Error atFile(Error error, std::string file) {
    error.file = std::move(file);
    return error;
}

Error errorAbout(std::string_view code, std::vector<std::string> args, const Error& cause,
                 std::string file) {
    args.push_back(errorMessage(cause, Language::English));
    args.push_back(errorMessage(cause, Language::Vietnamese));
    Error e = codedError(code, std::move(args), file.empty() ? cause.file : std::move(file),
                         cause.row, cause.column);
    e.more = cause.more;
    e.moreOmitted = cause.moreOmitted;
    return e;
}

Error fileError(std::string_view action, int err, std::string path) {
    switch (err) {
        case ENOENT:
            return codedError("file.not_found", {}, std::move(path));
        case EACCES:
        case EPERM:
            return codedError("file.no_permission", {}, std::move(path));
        case EISDIR:
            return codedError("file.is_folder", {}, std::move(path));
        case ENOSPC:
            return codedError("file.disk_full", {}, std::move(path));
        case EROFS:
            return codedError("file.read_only_disk", {}, std::move(path));
        default:
            break;
    }
    std::string code = "file.";
    code += action;
    code += "_failed";
    return codedError(code, {std::strerror(err)}, std::move(path));
}

std::string errorMessage(const Error& e, Language language) {
    if (language == Language::English || e.code.empty())
        return e.message;
    const ErrorTemplate* t = findErrorTemplate(e.code);
    return t ? fillTemplate(t->vi, e.args) : e.message;
}

// Every string here is built by appending: g++ 12 -O3 gives a false -Wrestrict on
// "literal" + std::string&&.
namespace {
/// A column as a place: a header cell can be any text a file holds (a fuzzer found one of
/// 1,300 bytes of garbage), so a name longer than a column name ever is gets cut at a
/// character boundary, keeping the message a sentence.
std::string columnForPlace(std::string_view column) {
    constexpr size_t kMaxBytes = 120;
    const size_t cut = utf8CutPoint(column, kMaxBytes);
    std::string out(column.substr(0, cut));
    if (cut < column.size())
        out += "…";
    return out;
}
}  // namespace

std::string errorPlace(const Error& e, Language language) {
    const bool vi = language == Language::Vietnamese;
    std::string out = e.file;
    if (e.row >= 0) {
        if (!out.empty())
            out += ", ";
        out += vi ? "dòng " : "row ";
        out += std::to_string(e.row);
    }
    if (!e.column.empty()) {
        if (!out.empty())
            out += ", ";
        out += vi ? "cột " : "column ";
        out += columnForPlace(e.column);
    }
    return out;
}

namespace {
std::string describeOne(const Error& e, Language language) {
    std::string out = errorPlace(e, language);
    if (!out.empty())
        out += ": ";
    out += errorMessage(e, language);
    return out;
}
}  // namespace

std::string describeError(const Error& e, Language language) {
    std::string out = describeOne(e, language);
    for (const Error& more : e.more) {
        out += '\n';
        out += describeOne(more, language);
    }
    if (e.moreOmitted > 0) {
        const std::string n = formatCount(e.moreOmitted, displayStyle(language));
        if (language == Language::Vietnamese) {
            out += "\n… và ";
            out += n;
            out += " lỗi khác";
        } else {
            out += "\n… and ";
            out += n;
            out += e.moreOmitted == 1 ? " more problem" : " more problems";
        }
    }
    return out;
}

}  // namespace safemap
