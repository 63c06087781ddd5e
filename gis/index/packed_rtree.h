#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/model/geometry.h"

namespace safemap {

/// \brief A static packed R-tree over boxes (after flatbush): built once, queried many times.
///
/// Items are sorted along a Hilbert curve of their centres and packed bottom-up into nodes of
/// `nodeSize` children, so the tree is a few flat arrays with no pointers: cheap to build
/// (100k items in a few ms), compact, and safe to read from any number of threads.
class PackedRTree {
public:
    PackedRTree() = default;
    /// Indexes `boxes`; item i of every query result is boxes[i]. Empty boxes are never
    /// returned.
    explicit PackedRTree(const std::vector<BBox>& boxes, int nodeSize = 16);

    std::size_t size() const { return numItems_; }
    bool empty() const { return numItems_ == 0; }
    /// Union of all indexed boxes.
    BBox bounds() const;

    /// Calls `visit(item)` for each item whose box intersects `box` (touching counts), in no
    /// particular order. `visit` returns false to stop early.
    template <class Visit>
    void query(const BBox& box, Visit&& visit) const;
    /// All items whose box intersects `box`.
    std::vector<std::uint32_t> query(const BBox& box) const;

    /// Up to `maxResults` items nearest to (x, y), closest first, by the distance from the
    /// point to each item's box; only items within `maxDist`.
    std::vector<std::uint32_t> nearest(
        double x, double y, std::size_t maxResults = 1,
        double maxDist = std::numeric_limits<double>::infinity()) const;

private:
    // Node i's box is boxes_[i]; for a leaf entry indices_[i] is the item, for an inner node
    // it is the position of its first child in boxes_. Levels are stored leaves first.
    std::vector<BBox> boxes_;
    std::vector<std::uint32_t> indices_;
    std::vector<std::size_t> levelBounds_;  ///< end position of each level in boxes_
    std::size_t numItems_ = 0;
    int nodeSize_ = 16;
};

template <class Visit>
void PackedRTree::query(const BBox& box, Visit&& visit) const {
    if (numItems_ == 0 || box.empty())
        return;
    std::vector<std::size_t> stack;
    stack.reserve(64);
    std::size_t nodeIndex = boxes_.size() - 1;  // the root
    std::size_t level = levelBounds_.size() - 1;
    std::vector<std::size_t> levels;
    levels.reserve(64);
    for (;;) {
        const std::size_t end =
            std::min(nodeIndex + static_cast<std::size_t>(nodeSize_), levelBounds_[level]);
        for (std::size_t pos = nodeIndex; pos < end; ++pos) {
            const BBox& b = boxes_[pos];
            if (box.maxX < b.minX || box.maxY < b.minY || box.minX > b.maxX || box.minY > b.maxY)
                continue;
            if (nodeIndex < numItems_) {
                if (!visit(indices_[pos]))
                    return;
            } else {
                stack.push_back(indices_[pos]);
                levels.push_back(level - 1);
            }
        }
        if (stack.empty())
            return;
        nodeIndex = stack.back();
        stack.pop_back();
        level = levels.back();
        levels.pop_back();
    }
}

}  // namespace safemap
