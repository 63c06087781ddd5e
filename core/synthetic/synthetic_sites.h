#pragma once

#include <cstdint>

#include "core/project/records.h"

namespace safemap {

/// \brief Size and seed of a synthetic province for tests and benchmarks.
struct SyntheticSpec {
    int zones = 1000;
    int factories = 100000;
    uint64_t seed = 42;
    BBox area{103.5, 20.0, 107.5, 22.8};  ///< lon/lat box, northern Việt Nam by default
};

/// Deterministic: the same spec gives the same sites on every machine (no std::
/// distributions, whose output differs between standard libraries). Every name says it is
/// synthetic data.
SiteBatch generateSyntheticSites(const SyntheticSpec& spec);

}  // namespace safemap
