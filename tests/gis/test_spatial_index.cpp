#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "gis/index/packed_rtree.h"

using namespace safemap;

namespace {

std::vector<BBox> randomBoxes(std::mt19937& rng, std::size_t n, double maxSize) {
    std::uniform_real_distribution<double> pos(-1000.0, 1000.0);
    std::uniform_real_distribution<double> size(0.0, maxSize);
    std::vector<BBox> boxes;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = pos(rng);
        const double y = pos(rng);
        boxes.push_back({x, y, x + size(rng), y + size(rng)});
    }
    return boxes;
}

double distance2(const BBox& b, double x, double y) {
    const double dx = std::max({b.minX - x, 0.0, x - b.maxX});
    const double dy = std::max({b.minY - y, 0.0, y - b.maxY});
    return dx * dx + dy * dy;
}

}  // namespace

TEST_CASE("packed R-tree queries match brute force on random boxes", "[index]") {
    std::mt19937 rng(42);
    for (std::size_t n : {0u, 1u, 2u, 15u, 16u, 17u, 257u, 5000u}) {
        INFO("n = " << n);
        const auto boxes = randomBoxes(rng, n, 30.0);
        const PackedRTree tree(boxes);
        CHECK(tree.size() == n);
        const auto queries = randomBoxes(rng, 50, 400.0);
        for (const BBox& q : queries) {
            std::vector<std::uint32_t> expected;
            for (std::uint32_t i = 0; i < boxes.size(); ++i)
                if (boxes[i].intersects(q))
                    expected.push_back(i);
            auto got = tree.query(q);
            std::sort(got.begin(), got.end());
            REQUIRE(got == expected);
        }
    }
}

TEST_CASE("packed R-tree indexes points (zero-size boxes) and skips empty boxes", "[index]") {
    std::vector<BBox> boxes = {{1, 1, 1, 1}, BBox{}, {5, 5, 5, 5}, {2, 2, 3, 3}};
    const PackedRTree tree(boxes);
    CHECK(tree.size() == 3);
    auto all = tree.query(BBox{-100, -100, 100, 100});
    std::sort(all.begin(), all.end());
    CHECK(all == std::vector<std::uint32_t>{0, 2, 3});
    // Touching the point counts as intersecting.
    CHECK(tree.query(BBox{5, 5, 6, 6}) == std::vector<std::uint32_t>{2});
    CHECK(tree.query(BBox{3.5, 3.5, 4.5, 4.5}).empty());
    CHECK(tree.bounds() == BBox{1, 1, 5, 5});
}

TEST_CASE("packed R-tree query stops when the visitor returns false", "[index]") {
    std::vector<BBox> boxes;
    for (int i = 0; i < 100; ++i)
        boxes.push_back({double(i), 0, double(i), 0});
    const PackedRTree tree(boxes);
    int visited = 0;
    tree.query(BBox{-1, -1, 200, 1}, [&](std::uint32_t) { return ++visited < 5; });
    CHECK(visited == 5);
}

TEST_CASE("packed R-tree nearest matches brute force", "[index]") {
    std::mt19937 rng(7);
    const auto boxes = randomBoxes(rng, 3000, 5.0);
    const PackedRTree tree(boxes);
    std::uniform_real_distribution<double> pos(-1100.0, 1100.0);
    for (int k = 0; k < 100; ++k) {
        const double x = pos(rng);
        const double y = pos(rng);
        const double maxDist = 40.0;
        std::vector<std::pair<double, std::uint32_t>> all;
        for (std::uint32_t i = 0; i < boxes.size(); ++i) {
            const double d2 = distance2(boxes[i], x, y);
            if (d2 <= maxDist * maxDist)
                all.push_back({d2, i});
        }
        std::sort(all.begin(), all.end());
        const auto got = tree.nearest(x, y, 5, maxDist);
        REQUIRE(got.size() == std::min<std::size_t>(5, all.size()));
        for (std::size_t i = 0; i < got.size(); ++i)
            // Ties may come in either order; the distances must agree.
            CHECK(distance2(boxes[got[i]], x, y) == Approx(all[i].first));
    }
    // Without a distance limit the single nearest always exists.
    CHECK(tree.nearest(5000, 5000).size() == 1);
    CHECK(tree.nearest(5000, 5000, 1, 10.0).empty());
}
