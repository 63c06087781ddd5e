#include "core/errors/problem.h"

#include "core/errors/error_catalogue.h"

namespace safemap {

std::string Problem::text() const {
    if (code.empty())
        return {};
    return codedError(code, args).message;
}

Error Problem::at(std::string file, long row, std::string column) const {
    return codedError(code, args, std::move(file), row, std::move(column));
}

}  // namespace safemap
