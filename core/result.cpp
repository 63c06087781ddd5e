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
    // Appending piece by piece (not "a" + std::string&&) also keeps g++ 12's -O3 -Wrestrict
    // false positive away.
    if (row >= 0) {
        out += out.empty() ? "" : ", ";
        out += "row ";
        out += std::to_string(row);
    }
    if (!column.empty()) {
        out += out.empty() ? "" : ", ";
        out += "column ";
        out += column;
    }
    if (!out.empty())
        out += ": ";
    out += e.message;
    return out;
}

}  // namespace

std::string Error::describe() const {
    std::string out = describeOne(*this);
    for (const Error& e : more) {
        out += '\n';
        out += describeOne(e);
    }
    if (moreOmitted > 0) {
        out += "\n… and ";
        out += std::to_string(moreOmitted);
        out += moreOmitted == 1 ? " more problem" : " more problems";
    }
    return out;
}

}  // namespace safemap
