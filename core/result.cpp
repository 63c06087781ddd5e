#include "core/result.h"

namespace safemap {

namespace {

std::string describeOne(const Error& e) {
    const std::string& file = e.file;
    const long row = e.row;
    const std::string& column = e.column;
    std::string out;
    if (!file.empty())
        out += file;
    if (row >= 0)
        out += (out.empty() ? "" : ", ") + std::string("row ") + std::to_string(row);
    if (!column.empty())
        out += (out.empty() ? "" : ", ") + std::string("column ") + column;
    if (!out.empty())
        out += ": ";
    return out + e.message;
}

}  // namespace

std::string Error::describe() const {
    std::string out = describeOne(*this);
    for (const Error& e : more)
        out += "\n" + describeOne(e);
    if (moreOmitted > 0)
        out += "\n… and " + std::to_string(moreOmitted) + " more problem" +
               (moreOmitted == 1 ? "" : "s");
    return out;
}

}  // namespace safemap
