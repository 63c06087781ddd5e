#include "gis/gdal_boundary.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

#include <mutex>
#include <optional>

#include "core/errors/error_catalogue.h"
#include "core/text/quoted.h"

namespace safemap {

void ensureGdalRegistered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

struct GdalErrorScope::State {
    // Declared before the pusher so that it is destroyed after it: the handler is popped
    // first, then the previous last-error state comes back.
    CPLErrorStateBackuper backup;
    std::vector<std::string> failures;
    std::vector<std::string> warnings;
    std::optional<CPLErrorHandlerPusher> pusher;

    static void CPL_STDCALL collect(CPLErr klass, CPLErrorNum, const char* message) {
        auto* self = static_cast<State*>(CPLGetErrorHandlerUserData());
        if (!self || !message)
            return;
        if (klass == CE_Failure || klass == CE_Fatal)
            self->failures.emplace_back(message);
        else if (klass == CE_Warning)
            self->warnings.emplace_back(message);
    }
};

GdalErrorScope::GdalErrorScope() : state_(std::make_unique<State>()) {
    state_->pusher.emplace(&State::collect, state_.get());
    CPLErrorReset();
}

GdalErrorScope::~GdalErrorScope() = default;

bool GdalErrorScope::failed() const {
    return !state_->failures.empty();
}

std::string GdalErrorScope::message() const {
    if (!state_->failures.empty())
        return state_->failures.front();
    if (!state_->warnings.empty())
        return state_->warnings.front();
    return {};
}

const std::vector<std::string>& GdalErrorScope::warnings() const {
    return state_->warnings;
}

void GdalErrorScope::clear() {
    state_->failures.clear();
    state_->warnings.clear();
    CPLErrorReset();
}

Error GdalErrorScope::error(std::string_view code, std::vector<std::string> args, std::string file,
                            long row, std::string column) const {
    std::string en;
    std::string vi;
    if (const std::string gdal = printableText(message()); !gdal.empty()) {
        en = " (";
        en += gdal;
        en += ')';
        vi = " (chi tiết từ GDAL: ";
        vi += gdal;
        vi += ')';
    }
    args.push_back(std::move(en));
    args.push_back(std::move(vi));
    return codedError(code, std::move(args), std::move(file), row, std::move(column));
}

ScopedGdalThreadOption::ScopedGdalThreadOption(const std::string& key, const std::string& value)
    : key_(key) {
    if (const char* old = CPLGetThreadLocalConfigOption(key.c_str(), nullptr)) {
        previous_ = old;
        hadPrevious_ = true;
    }
    CPLSetThreadLocalConfigOption(key.c_str(), value.c_str());
}

ScopedGdalThreadOption::~ScopedGdalThreadOption() {
    CPLSetThreadLocalConfigOption(key_.c_str(), hadPrevious_ ? previous_.c_str() : nullptr);
}

}  // namespace safemap
