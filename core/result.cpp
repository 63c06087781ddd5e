#include "core/result.h"

namespace safemap {

std::string Error::describe() const {
    std::string out;
    if (!file.empty())
        out += file;
    if (row >= 0)
        out += (out.empty() ? "" : ", ") + std::string("row ") + std::to_string(row);
    if (!column.empty())
        out += (out.empty() ? "" : ", ") + std::string("column ") + column;
    if (!out.empty())
        out += ": ";
    return out + message;
}

}  // namespace safemap
