#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

// The one place where GDAL's process-wide state (driver registry, per-thread error handler,
// thread-local config options) is touched. This header stays free of GDAL's own headers so that
// nothing of GDAL's naming leaks past gis/.

namespace safemap {

/// Registers every GDAL/OGR driver once per process. Safe to call from any thread, any number
/// of times; every entry point of gis/io calls it first.
void ensureGdalRegistered();

/// \brief Collects the CPL errors and warnings raised on this thread while it is alive.
///
/// GDAL reports problems through a per-thread handler stack and a "last error" slot. The scope
/// pushes its own handler (so nothing is printed to stderr and nothing is lost), and on
/// destruction pops it and restores the previous last-error state, so callers further up the
/// stack see GDAL exactly as they left it.
class GdalErrorScope {
public:
    GdalErrorScope();
    ~GdalErrorScope();
    GdalErrorScope(const GdalErrorScope&) = delete;
    GdalErrorScope& operator=(const GdalErrorScope&) = delete;

    /// True if GDAL raised at least one failure (CE_Failure or CE_Fatal).
    bool failed() const;
    /// The first failure message, else the first warning, else empty.
    std::string message() const;
    const std::vector<std::string>& warnings() const;
    /// Forgets what has been collected so far (e.g. between rows).
    void clear();

    /// The catalogue's error `code` (core/errors/error_catalogue.h) with `args`, then two
    /// more args for GDAL's own (English) message when there is one: " (message)" for the
    /// English template and " (chi tiết từ GDAL: message)" for the Vietnamese one, so GDAL's
    /// words reach a Vietnamese reader only framed by ours; both are empty when GDAL said
    /// nothing.
    Error error(std::string_view code, std::vector<std::string> args = {}, std::string file = {},
                long row = -1, std::string column = {}) const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

/// \brief Sets a GDAL configuration option for the current thread only, restoring it after.
///
/// Some drivers (XLSX, ODS in GDAL 3.6) take their reading options only as configuration
/// options; setting them process-wide would leak into other threads' reads.
class ScopedGdalThreadOption {
public:
    ScopedGdalThreadOption(const std::string& key, const std::string& value);
    ~ScopedGdalThreadOption();
    ScopedGdalThreadOption(const ScopedGdalThreadOption&) = delete;
    ScopedGdalThreadOption& operator=(const ScopedGdalThreadOption&) = delete;

private:
    std::string key_;
    std::string previous_;
    bool hadPrevious_ = false;
};

}  // namespace safemap
