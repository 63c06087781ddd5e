#pragma once

#include <cstddef>
#include <vector>

#include "core/result.h"

namespace safemap {

/// \brief The problems of one pass over a file, so that all of them are reported at once.
///
/// The first kMaxListed are kept in full; the rest are only counted. toError() gives the
/// first as the Error, with the others in Error::more and the count in Error::moreOmitted.
class ErrorList {
public:
    static constexpr size_t kMaxListed = 100;

    void add(Error error);
    bool empty() const { return total_ == 0; }
    size_t size() const { return total_; }
    /// Requires !empty().
    Error toError() const;

private:
    std::vector<Error> listed_;
    size_t total_ = 0;
};

}  // namespace safemap
