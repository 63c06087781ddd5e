#include "gis/index/packed_rtree.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>

namespace safemap {

namespace {

// Position of (x, y) on a Hilbert curve over a 2^16 × 2^16 grid (the bit-twiddling form
// from "Fast Hilbert curve generation" by rawrunprotected, as used by flatbush).
std::uint32_t hilbert(std::uint32_t x, std::uint32_t y) {
    std::uint32_t a = x ^ y;
    std::uint32_t b = 0xFFFF ^ a;
    std::uint32_t c = 0xFFFF ^ (x | y);
    std::uint32_t d = x & (y ^ 0xFFFF);

    std::uint32_t A = a | (b >> 1);
    std::uint32_t B = (a >> 1) ^ a;
    std::uint32_t C = ((c >> 1) ^ (b & (d >> 1))) ^ c;
    std::uint32_t D = ((a & (c >> 1)) ^ (d >> 1)) ^ d;

    a = A;
    b = B;
    c = C;
    d = D;
    A = ((a & (a >> 2)) ^ (b & (b >> 2)));
    B = ((a & (b >> 2)) ^ (b & ((a ^ b) >> 2)));
    C ^= ((a & (c >> 2)) ^ (b & (d >> 2)));
    D ^= ((b & (c >> 2)) ^ ((a ^ b) & (d >> 2)));

    a = A;
    b = B;
    c = C;
    d = D;
    A = ((a & (a >> 4)) ^ (b & (b >> 4)));
    B = ((a & (b >> 4)) ^ (b & ((a ^ b) >> 4)));
    C ^= ((a & (c >> 4)) ^ (b & (d >> 4)));
    D ^= ((b & (c >> 4)) ^ ((a ^ b) & (d >> 4)));

    a = A;
    b = B;
    c = C;
    d = D;
    C ^= ((a & (c >> 8)) ^ (b & (d >> 8)));
    D ^= ((b & (c >> 8)) ^ ((a ^ b) & (d >> 8)));

    a = C ^ (C >> 1);
    b = D ^ (D >> 1);

    std::uint32_t i0 = x ^ y;
    std::uint32_t i1 = b | (0xFFFF ^ (i0 | a));

    i0 = (i0 | (i0 << 8)) & 0x00FF00FF;
    i0 = (i0 | (i0 << 4)) & 0x0F0F0F0F;
    i0 = (i0 | (i0 << 2)) & 0x33333333;
    i0 = (i0 | (i0 << 1)) & 0x55555555;

    i1 = (i1 | (i1 << 8)) & 0x00FF00FF;
    i1 = (i1 | (i1 << 4)) & 0x0F0F0F0F;
    i1 = (i1 | (i1 << 2)) & 0x33333333;
    i1 = (i1 | (i1 << 1)) & 0x55555555;

    return (i1 << 1) | i0;
}

// Squared distance from (x, y) to the nearest point of `b` (0 inside).
double boxDistance2(double x, double y, const BBox& b) {
    const double dx = x < b.minX ? b.minX - x : (x > b.maxX ? x - b.maxX : 0.0);
    const double dy = y < b.minY ? b.minY - y : (y > b.maxY ? y - b.maxY : 0.0);
    return dx * dx + dy * dy;
}

}  // namespace

PackedRTree::PackedRTree(const std::vector<BBox>& boxes, int nodeSize)
    : nodeSize_(std::clamp(nodeSize, 2, 65535)) {
    std::vector<std::uint32_t> items;
    items.reserve(boxes.size());
    BBox all;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (boxes[i].empty())
            continue;
        items.push_back(static_cast<std::uint32_t>(i));
        all.extend(boxes[i]);
    }
    numItems_ = items.size();
    if (numItems_ == 0)
        return;

    // Sort by the Hilbert value of each centre so that neighbours in the array are
    // neighbours on the map; that is what makes the packed nodes tight.
    const double w = all.maxX - all.minX;
    const double h = all.maxY - all.minY;
    constexpr double kMax = 65535.0;
    std::vector<std::uint32_t> keys(boxes.size());
    for (std::uint32_t i : items) {
        const BBox& b = boxes[i];
        const double cx = w > 0 ? ((b.minX + b.maxX) / 2 - all.minX) / w : 0.0;
        const double cy = h > 0 ? ((b.minY + b.maxY) / 2 - all.minY) / h : 0.0;
        keys[i] = hilbert(static_cast<std::uint32_t>(std::floor(kMax * cx)),
                          static_cast<std::uint32_t>(std::floor(kMax * cy)));
    }
    std::stable_sort(items.begin(), items.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; });

    // Rough total node count: n + n/s + n/s² + … < n · s/(s-1) + levels.
    boxes_.reserve(numItems_ + numItems_ / (nodeSize_ - 1) + 32);
    indices_.reserve(boxes_.capacity());
    for (std::uint32_t i : items) {
        boxes_.push_back(boxes[i]);
        indices_.push_back(i);
    }
    levelBounds_.push_back(boxes_.size());

    std::size_t start = 0;
    std::size_t end = boxes_.size();
    const auto step = static_cast<std::size_t>(nodeSize_);
    do {
        for (std::size_t pos = start; pos < end; pos += step) {
            BBox node;
            const std::size_t last = std::min(pos + step, end);
            for (std::size_t child = pos; child < last; ++child)
                node.extend(boxes_[child]);
            boxes_.push_back(node);
            indices_.push_back(static_cast<std::uint32_t>(pos));
        }
        levelBounds_.push_back(boxes_.size());
        start = end;
        end = boxes_.size();
    } while (end - start > 1);
}

BBox PackedRTree::bounds() const {
    return boxes_.empty() ? BBox{} : boxes_.back();
}

std::vector<std::uint32_t> PackedRTree::query(const BBox& box) const {
    std::vector<std::uint32_t> out;
    query(box, [&](std::uint32_t item) {
        out.push_back(item);
        return true;
    });
    return out;
}

std::vector<std::uint32_t> PackedRTree::nearest(double x, double y, std::size_t maxResults,
                                                double maxDist) const {
    std::vector<std::uint32_t> out;
    if (numItems_ == 0 || maxResults == 0 || !(maxDist >= 0))
        return out;
    const double maxDist2 = maxDist * maxDist;

    struct Entry {
        double dist2;
        std::uint32_t id;  // item for leaves, first child position for nodes
        std::uint32_t level;
        bool leaf;
        bool operator>(const Entry& o) const { return dist2 > o.dist2; }
    };
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;

    std::size_t nodeIndex = boxes_.size() - 1;
    std::size_t level = levelBounds_.size() - 1;
    for (;;) {
        const std::size_t end =
            std::min(nodeIndex + static_cast<std::size_t>(nodeSize_), levelBounds_[level]);
        for (std::size_t pos = nodeIndex; pos < end; ++pos) {
            const double d = boxDistance2(x, y, boxes_[pos]);
            if (d > maxDist2)
                continue;
            if (nodeIndex < numItems_)
                queue.push({d, indices_[pos], 0, true});
            else
                queue.push({d, indices_[pos], static_cast<std::uint32_t>(level - 1), false});
        }
        // Leaves at the front of the queue are closer than anything still unexplored.
        while (!queue.empty() && queue.top().leaf) {
            out.push_back(queue.top().id);
            queue.pop();
            if (out.size() == maxResults)
                return out;
        }
        if (queue.empty())
            return out;
        nodeIndex = queue.top().id;
        level = queue.top().level;
        queue.pop();
    }
}

}  // namespace safemap
