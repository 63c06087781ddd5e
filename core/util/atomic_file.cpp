#include "core/util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

Status syncFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fileError("flush", errno, path);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return fileError("flush", err, path);
    return {};
}

}  // namespace

std::string temporaryPathFor(const std::string& path) {
    return path + ".partial-" + std::to_string(::getpid());
}

Status commitTemporaryFile(const std::string& temporary, const std::string& path) {
    std::error_code ec;
    if (auto st = syncFile(temporary); !st) {
        std::filesystem::remove(temporary, ec);
        Error e = st.error();
        e.file = path;
        return e;
    }
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return fileError("replace", ec.value(), path);
    }
    return {};
}

RemoveUnlessKept::~RemoveUnlessKept() {
    if (keep)
        return;
    std::error_code ec;
    std::filesystem::remove(path, ec);
    std::filesystem::remove(path + "-journal", ec);
}

Status writeFileAtomically(const std::string& path, std::string_view content) {
    const std::string tmp = temporaryPathFor(path);
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f)
        return fileError("write", errno, path);
    const size_t written = std::fwrite(content.data(), 1, content.size(), f);
    const int err = written == content.size() ? 0 : errno;
    const bool closed = std::fclose(f) == 0;
    if (written != content.size() || !closed) {
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        return fileError("write", err ? err : ENOSPC, path);
    }
    return commitTemporaryFile(tmp, path);
}

}  // namespace safemap
