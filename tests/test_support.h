#pragma once

#include <filesystem>
#include <random>
#include <string>
#include <string_view>

/// True in the ASan+UBSan build, whose programs run several times slower: tests whose work
/// only has to outlast a deadline (kill points) may use less data there.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitizedBuild = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitizedBuild = true;
#else
inline constexpr bool kSanitizedBuild = false;
#endif
#else
inline constexpr bool kSanitizedBuild = false;
#endif

/// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                ("safemap-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline std::string sourcePath(const std::string& rel) {
    return std::string(SAFEMAP_SOURCE_DIR) + "/" + rel;
}

/// prefix + std::to_string(n), built by appending: GCC 12 at -O3 reports a false -Wrestrict
/// in `"p" + std::to_string(n)` (operator+(const char*, std::string&&) inserts at the front),
/// which fails the release-werror build.
inline std::string numbered(std::string_view prefix, long long n) {
    std::string out(prefix);
    out += std::to_string(n);
    return out;
}
