#include "core/result.h"

#include "core/errors/error_catalogue.h"

namespace safemap {

std::string Error::describe() const {
    return describeError(*this, Language::English);
}

}  // namespace safemap
