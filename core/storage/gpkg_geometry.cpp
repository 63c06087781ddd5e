#include "core/storage/gpkg_geometry.h"

#include <cstring>

namespace safemap {

namespace {

constexpr uint32_t kWkbPoint = 1, kWkbLineString = 2, kWkbPolygon = 3, kWkbMultiPolygon = 6;

class Writer {
public:
    std::vector<uint8_t> out;
    void u8(uint8_t v) { out.push_back(v); }
    void u32(uint32_t v) { raw(&v, 4); }  // host is little-endian (x86_64/arm64)
    void i32(int32_t v) { raw(&v, 4); }
    void f64(double v) { raw(&v, 8); }
    void raw(const void* p, size_t n) {
        const auto* b = static_cast<const uint8_t*>(p);
        out.insert(out.end(), b, b + n);
    }
};

void header(Writer& w, int32_t srsId, const BBox* env, bool empty) {
    w.u8('G');
    w.u8('P');
    w.u8(0);               // version 1
    uint8_t flags = 0x01;  // little-endian
    if (env)
        flags |= 0x02;  // envelope [minx, maxx, miny, maxy]
    if (empty)
        flags |= 0x10;
    w.u8(flags);
    w.i32(srsId);
    if (env) {
        w.f64(env->minX);
        w.f64(env->maxX);
        w.f64(env->minY);
        w.f64(env->maxY);
    }
}

void polygonWkb(Writer& w, const Polygon& poly) {
    w.u8(1);
    w.u32(kWkbPolygon);
    w.u32(static_cast<uint32_t>(poly.rings.size()));
    for (const auto& ring : poly.rings) {
        w.u32(static_cast<uint32_t>(ring.size()));
        for (const auto& p : ring) {
            w.f64(p.lon);
            w.f64(p.lat);
        }
    }
}

class Reader {
public:
    explicit Reader(std::span<const uint8_t> d) : d_(d) {}
    bool ok() const { return ok_; }
    size_t pos() const { return pos_; }
    void seek(size_t p) {
        if (p > d_.size())
            ok_ = false;
        pos_ = p;
    }
    void setLittle(bool little) { little_ = little; }
    uint8_t u8() {
        if (pos_ + 1 > d_.size())
            return fail<uint8_t>();
        return d_[pos_++];
    }
    uint32_t u32() {
        uint8_t b[4];
        if (!take(b, 4))
            return 0;
        return little_ ? (b[0] | b[1] << 8 | b[2] << 16 | static_cast<uint32_t>(b[3]) << 24)
                       : (b[3] | b[2] << 8 | b[1] << 16 | static_cast<uint32_t>(b[0]) << 24);
    }
    double f64() {
        uint8_t b[8];
        if (!take(b, 8))
            return 0;
        if (!little_)
            for (int i = 0; i < 4; ++i)
                std::swap(b[i], b[7 - i]);
        double v;
        std::memcpy(&v, b, 8);
        return v;
    }
    size_t remaining() const { return d_.size() - pos_; }

private:
    template <class T>
    T fail() {
        ok_ = false;
        return T{};
    }
    bool take(uint8_t* dst, size_t n) {
        if (pos_ + n > d_.size()) {
            ok_ = false;
            return false;
        }
        std::memcpy(dst, d_.data() + pos_, n);
        pos_ += n;
        return true;
    }
    std::span<const uint8_t> d_;
    size_t pos_ = 0;
    bool little_ = true;
    bool ok_ = true;
};

// Returns the offset of the WKB, or nothing if the header is not a GeoPackage header.
std::optional<size_t> skipHeader(std::span<const uint8_t> blob, BBox* envelope, bool* empty) {
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P')
        return std::nullopt;
    const uint8_t flags = blob[3];
    const int envKind = (flags >> 1) & 0x07;
    static constexpr size_t kEnvSize[] = {0, 32, 48, 48, 64};
    if (envKind > 4)
        return std::nullopt;
    const size_t off = 8 + kEnvSize[envKind];
    if (blob.size() < off)
        return std::nullopt;
    if (empty)
        *empty = (flags & 0x10) != 0;
    if (envelope && envKind > 0) {
        Reader r(blob);
        r.setLittle(flags & 0x01);
        r.seek(8);
        envelope->minX = r.f64();
        envelope->maxX = r.f64();
        envelope->minY = r.f64();
        envelope->maxY = r.f64();
    }
    return off;
}

// Reads one WKB geometry (any dimension flavour is rejected: we only write XY).
bool readRing(Reader& r, Ring& ring) {
    const uint32_t n = r.u32();
    if (!r.ok() || n > r.remaining() / 16)
        return false;
    ring.resize(n);
    for (auto& p : ring) {
        p.lon = r.f64();
        p.lat = r.f64();
    }
    return r.ok();
}

bool readPolygon(Reader& r, Polygon& poly) {
    const uint32_t n = r.u32();
    if (!r.ok() || n > r.remaining() / 4)
        return false;
    poly.rings.resize(n);
    for (auto& ring : poly.rings)
        if (!readRing(r, ring))
            return false;
    return true;
}

uint32_t readType(Reader& r) {
    r.setLittle(r.u8() == 1);
    return r.u32();
}

}  // namespace

std::vector<uint8_t> encodeGpkgPoint(GeoPoint p, int32_t srsId) {
    Writer w;
    w.out.reserve(29);
    header(w, srsId, nullptr, false);
    w.u8(1);
    w.u32(kWkbPoint);
    w.f64(p.lon);
    w.f64(p.lat);
    return std::move(w.out);
}

std::vector<uint8_t> encodeGpkgMultiPolygon(const MultiPolygon& mp, int32_t srsId) {
    Writer w;
    // The exact size, reserved once: a blob is written in one allocation, and GCC 12 at -O3
    // no longer reports a false -Wstringop-overflow on the vector's first tiny growth steps.
    size_t size = 8 + 4 * 8 + 1 + 4 + 4;  // header, envelope, byte order, type, count
    for (const auto& poly : mp) {
        size += 1 + 4 + 4;
        for (const auto& ring : poly.rings)
            size += 4 + ring.size() * 16;
    }
    w.out.reserve(size);
    const BBox env = bounds(mp);
    header(w, srsId, env.empty() ? nullptr : &env, env.empty());
    w.u8(1);
    w.u32(kWkbMultiPolygon);
    w.u32(static_cast<uint32_t>(mp.size()));
    for (const auto& poly : mp)
        polygonWkb(w, poly);
    return std::move(w.out);
}

std::vector<uint8_t> encodeGpkgLineString(const std::vector<GeoPoint>& line, int32_t srsId) {
    Writer w;
    w.out.reserve(8 + 4 * 8 + 1 + 4 + 4 + line.size() * 16);
    BBox env;
    for (const auto& p : line)
        env.extend(p.lon, p.lat);
    header(w, srsId, env.empty() ? nullptr : &env, env.empty());
    w.u8(1);
    w.u32(kWkbLineString);
    w.u32(static_cast<uint32_t>(line.size()));
    for (const auto& p : line) {
        w.f64(p.lon);
        w.f64(p.lat);
    }
    return std::move(w.out);
}

std::optional<GeoPoint> decodeGpkgPoint(std::span<const uint8_t> blob) {
    auto off = skipHeader(blob, nullptr, nullptr);
    if (!off)
        return std::nullopt;
    Reader r(blob);
    r.seek(*off);
    if (readType(r) != kWkbPoint)
        return std::nullopt;
    GeoPoint p{r.f64(), r.f64()};
    if (!r.ok())
        return std::nullopt;
    return p;
}

std::optional<MultiPolygon> decodeGpkgMultiPolygon(std::span<const uint8_t> blob) {
    auto off = skipHeader(blob, nullptr, nullptr);
    if (!off)
        return std::nullopt;
    Reader r(blob);
    r.seek(*off);
    MultiPolygon mp;
    const uint32_t type = readType(r);
    if (type == kWkbPolygon) {
        mp.emplace_back();
        if (!readPolygon(r, mp.back()))
            return std::nullopt;
    } else if (type == kWkbMultiPolygon) {
        const uint32_t n = r.u32();
        if (!r.ok() || n > r.remaining() / 9)
            return std::nullopt;
        mp.resize(n);
        for (auto& poly : mp)
            if (readType(r) != kWkbPolygon || !readPolygon(r, poly))
                return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!r.ok())
        return std::nullopt;
    return mp;
}

std::optional<BBox> gpkgEnvelope(std::span<const uint8_t> blob) {
    BBox env;
    bool empty = false;
    auto off = skipHeader(blob, &env, &empty);
    if (!off)
        return std::nullopt;
    if (empty || !env.empty())
        return env;
    if (auto p = decodeGpkgPoint(blob)) {
        env.extend(p->lon, p->lat);
        return env;
    }
    if (auto mp = decodeGpkgMultiPolygon(blob))
        return bounds(*mp);
    return std::nullopt;
}

}  // namespace safemap
