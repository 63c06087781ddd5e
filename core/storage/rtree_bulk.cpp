#include "core/storage/rtree_bulk.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/errors/error_catalogue.h"
#include "core/storage/database.h"
#include "core/storage/gpkg_geometry.h"

namespace safemap {
namespace {

// SQLite's rtree module (ext/rtree/rtree.c) with five columns of REAL: a cell is the 8-byte
// id and four 32-bit floats, all big-endian; a node is a 2-byte tree depth (read from the
// root only), a 2-byte cell count and its cells, zero-padded to the node size the module
// chose when the table was made (4 + 51 × 24 bytes on 4 KB pages) and reads back from the
// length of the root node.
constexpr std::size_t kCellBytes = 8 + 4 * 4;

struct Cell {
    int64_t id = 0;               // the feature's fid in a leaf, the child's node number above
    float box[4] = {0, 0, 0, 0};  // minx, maxx, miny, maxy
};

// The rtree stores a box rounded outwards to float so that it always holds the real one,
// exactly as rtreeValueDown/Up do (a nudge of 2^-23 relative, then the nearest float), so
// that the boxes are the ones its own inserts would store.
constexpr double kTowards = 1.0 - 1.0 / 8388608.0;
constexpr double kAway = 1.0 + 1.0 / 8388608.0;
float roundDown(double v) {
    float f = static_cast<float>(v);
    if (static_cast<double>(f) > v)
        f = static_cast<float>(v * (v < 0 ? kAway : kTowards));
    return f;
}
float roundUp(double v) {
    float f = static_cast<float>(v);
    if (static_cast<double>(f) < v)
        f = static_cast<float>(v * (v < 0 ? kTowards : kAway));
    return f;
}

void putInt(std::vector<uint8_t>& out, std::size_t at, uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) {
        out[at + static_cast<std::size_t>(i)] = static_cast<uint8_t>(v & 0xff);
        v >>= 8;
    }
}

std::vector<uint8_t> nodeBlob(std::size_t nodeBytes, int depth, const Cell* cells,
                              std::size_t count) {
    std::vector<uint8_t> blob(nodeBytes, 0);
    putInt(blob, 0, static_cast<uint64_t>(depth), 2);
    putInt(blob, 2, count, 2);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t at = 4 + i * kCellBytes;
        putInt(blob, at, static_cast<uint64_t>(cells[i].id), 8);
        for (int k = 0; k < 4; ++k) {
            uint32_t bits = 0;
            static_assert(sizeof bits == sizeof cells[i].box[k]);
            std::memcpy(&bits, &cells[i].box[k], sizeof bits);
            putInt(blob, at + 8 + 4 * static_cast<std::size_t>(k), bits, 4);
        }
    }
    return blob;
}

Cell enclosing(const Cell* cells, std::size_t count) {
    Cell c = cells[0];
    for (std::size_t i = 1; i < count; ++i) {
        c.box[0] = std::min(c.box[0], cells[i].box[0]);
        c.box[1] = std::max(c.box[1], cells[i].box[1]);
        c.box[2] = std::min(c.box[2], cells[i].box[2]);
        c.box[3] = std::max(c.box[3], cells[i].box[3]);
    }
    return c;
}

// Sort-tile-recursive order of one level: vertical slices of about √(nodes) nodes each,
// sorted by x, each slice sorted by y. Consecutive runs of maxCells are then the nodes.
void tileOrder(std::vector<Cell>& cells, std::size_t maxCells) {
    const std::size_t nodes = (cells.size() + maxCells - 1) / maxCells;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    const std::size_t perSlice = slices * maxCells;
    auto centreX = [](const Cell& c) { return c.box[0] + c.box[1]; };
    auto centreY = [](const Cell& c) { return c.box[2] + c.box[3]; };
    std::sort(cells.begin(), cells.end(),
              [&](const Cell& a, const Cell& b) { return centreX(a) < centreX(b); });
    for (std::size_t from = 0; from < cells.size(); from += perSlice) {
        const auto to = std::min(cells.size(), from + perSlice);
        std::sort(cells.begin() + static_cast<std::ptrdiff_t>(from),
                  cells.begin() + static_cast<std::ptrdiff_t>(to),
                  [&](const Cell& a, const Cell& b) { return centreY(a) < centreY(b); });
    }
}

using KeyNode = std::array<int64_t, 2>;

// Writes (key, node) rows into one of the module's two mapping tables, in key order and 256
// to a statement. Tile order scatters the keys: inserted as they came, one at a time, they
// split B-tree pages all over the table, and that was most of the time spent writing the
// index of 100,000 facilities.
Status writeKeyNodes(Database& db, const std::string& table, std::vector<KeyNode>& rows) {
    constexpr std::size_t kRowsPerInsert = 256;
    std::sort(rows.begin(), rows.end());
    auto sql = [&](std::size_t n) {
        std::string text = "INSERT INTO " + quotedIdentifier(table) + " VALUES (?, ?)";
        for (std::size_t i = 1; i < n; ++i)
            text += ", (?, ?)";
        return text;
    };
    std::optional<Statement> full;
    for (std::size_t from = 0; from < rows.size(); from += kRowsPerInsert) {
        const std::size_t n = std::min(kRowsPerInsert, rows.size() - from);
        // Only the last statement of a table is short: it is made for that one write.
        std::optional<Statement> shortOne;
        std::optional<Statement>& st = n == kRowsPerInsert ? full : shortOne;
        if (!st) {
            auto made = db.prepare(sql(n));
            if (!made)
                return made.error();
            st.emplace(std::move(made).value());
        }
        for (std::size_t i = 0; i < n; ++i)
            st->bind(static_cast<int>(2 * i + 1), rows[from + i][0])
                .bind(static_cast<int>(2 * i + 2), rows[from + i][1]);
        if (auto r = st->run(); !r)
            return r;
    }
    return {};
}

}  // namespace

Result<std::string> suspendRtreeTriggers(Database& db, const std::string& table) {
    const std::string rtree = "rtree_" + table + "_geom";
    auto st = db.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 AND "
        "name IN (?2 || '_insert', ?2 || '_update1', ?2 || '_update2', ?2 || '_update3', "
        "?2 || '_update4') ORDER BY name");
    if (!st)
        return st.error();
    st->bind(1, table).bind(2, rtree);
    std::string sql;
    std::vector<std::string> names;
    while (st->step()) {
        names.push_back(st->text(0));
        sql += st->text(1) + ";\n";
    }
    for (const auto& name : names)
        if (auto r = db.exec("DROP TRIGGER " + quotedIdentifier(name)); !r)
            return r.error();
    return sql;
}

Status restoreRtreeTriggers(Database& db, const std::string& triggerSql) {
    if (triggerSql.empty())
        return {};
    return db.exec(triggerSql);
}

Status rebuildRtree(Database& db, const std::string& table) {
    const std::string rtree = "rtree_" + table + "_geom";
    const auto nodeBytes = db.queryInt("SELECT length(data) FROM " +
                                       quotedIdentifier(rtree + "_node") + " WHERE nodeno = 1");
    if (!nodeBytes || *nodeBytes < 4 + static_cast<int64_t>(2 * kCellBytes))
        return codedError("project.table_unreadable",
                          {rtree, "its root node is missing or too short"}, db.path());
    const auto nodeSize = static_cast<std::size_t>(*nodeBytes);
    const std::size_t maxCells = (nodeSize - 4) / kCellBytes;
    // The envelope of each blob read here, by the function behind ST_MinX … ST_IsEmpty
    // (gpkg_functions.cpp), which the triggers call: five calls a row in SQL were a quarter
    // of this function's time on 100,000 facilities.
    auto read =
        db.prepare("SELECT fid, geom FROM " + quotedIdentifier(table) + " WHERE geom NOT NULL");
    if (!read)
        return read.error();
    std::vector<Cell> level;
    while (read->step()) {
        const auto env = gpkgEnvelope(read->blobView(1));
        if (!env || env->empty())  // as "NOT ST_IsEmpty(geom)" leaves such a row out
            continue;
        Cell c;
        c.id = read->integer(0);
        c.box[0] = roundDown(env->minX);
        c.box[1] = roundUp(env->maxX);
        c.box[2] = roundDown(env->minY);
        c.box[3] = roundUp(env->maxY);
        level.push_back(c);
    }
    if (!read->error().empty())
        return read->failure(db.path());

    for (const char* shadow : {"_node", "_parent", "_rowid"})
        if (auto r = db.exec("DELETE FROM " + quotedIdentifier(rtree + shadow)); !r)
            return r;
    auto node = db.prepare("INSERT INTO " + quotedIdentifier(rtree + "_node") + " VALUES (?, ?)");
    if (!node)
        return node.error();
    std::vector<KeyNode> parents;  // child node → its node, for every node but the root
    std::vector<KeyNode> rowids;   // feature fid → its leaf
    rowids.reserve(level.size());

    // Levels are built bottom-up; node numbers are given top-down once the height is known,
    // so the root is node 1 as the module requires. Each level's nodes are kept with the
    // cells they hold, then written.
    struct Level {
        std::vector<Cell> cells;  // in tile order; node i holds cells [i*maxCells, …)
        std::size_t nodes = 0;
    };
    std::vector<Level> levels;
    while (true) {
        tileOrder(level, maxCells);
        Level l;
        l.nodes = std::max<std::size_t>(1, (level.size() + maxCells - 1) / maxCells);
        l.cells = std::move(level);
        levels.push_back(std::move(l));
        if (levels.back().nodes == 1)
            break;
        const Level& below = levels.back();
        level.clear();
        for (std::size_t i = 0; i < below.nodes; ++i) {
            const std::size_t from = i * maxCells;
            const std::size_t count = std::min<std::size_t>(maxCells, below.cells.size() - from);
            Cell up = enclosing(below.cells.data() + from, count);
            up.id = static_cast<int64_t>(i);  // the node's place in its level, numbered below
            level.push_back(up);
        }
    }
    // Number the nodes: the root 1, then each level below it in order.
    const int depth = static_cast<int>(levels.size()) - 1;
    std::vector<int64_t> first(levels.size());
    int64_t next = 1;
    for (std::size_t k = levels.size(); k-- > 0;) {
        first[k] = next;
        next += static_cast<int64_t>(levels[k].nodes);
    }
    for (std::size_t k = 0; k < levels.size(); ++k) {
        Level& l = levels[k];
        if (k > 0)
            for (Cell& cell : l.cells)
                cell.id += first[k - 1];  // a place in the level below becomes its number
        for (std::size_t i = 0; i < l.nodes; ++i) {
            const std::size_t from = i * maxCells;
            const std::size_t count = std::min<std::size_t>(maxCells, l.cells.size() - from);
            const int64_t number = first[k] + static_cast<int64_t>(i);
            node->bind(1, number).bindBlob(2, nodeBlob(nodeSize, k == levels.size() - 1 ? depth : 0,
                                                       l.cells.data() + from, count));
            if (auto r = node->run(); !r)
                return r;
            std::vector<KeyNode>& target = k == 0 ? rowids : parents;
            for (std::size_t c = 0; c < count; ++c)
                target.push_back({l.cells[from + c].id, number});
        }
    }
    if (auto r = writeKeyNodes(db, rtree + "_rowid", rowids); !r)
        return r;
    return writeKeyNodes(db, rtree + "_parent", parents);
}

}  // namespace safemap
