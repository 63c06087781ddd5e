// Assessment CSV generator for the import benchmark (bench/run_import_bench.sh): ROWS
// self-assessments for the SITES factories of `safemap generate` (tax codes "98" + 8 digits,
// 1..SITES), answering the ten indices of the CRLN 1203 set (resources/criteria/
// crln-1203-v1.json) as a form would: plain numbers, "có"/"không" and choice codes; mostly
// good answers, and 0.3 % of cells left blank. Rows come in rounds (every site once per
// round, three days apart), so each row is a distinct assessment and none is skipped as
// already present. The same arguments always give the same bytes (SplitMix64, no locale,
// no clock).
//
// Usage: gen_assessments OUT.csv [--sites N] [--rows N] [--seed S]
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <string>

namespace {

// The same generator as core/synthetic, so the data does not depend on the standard library.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    int integer(int lo, int hi) {
        return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }

private:
    std::uint64_t state_;
};

constexpr const char* kHeader =
    "ma_so_thue,ngay_danh_gia,nguoi_nop,workers_concurrent,floor_area_per_worker,"
    "hand_washing,masks_worn,temperature_check,canteen_distancing,shuttle_bus_share,"
    "residential_areas,daily_masks,night_shift\n";
constexpr const char* kCanteen[] = {"khong_an_tap_trung", "vach_ngan", "cach_1m", "duoi_1m",
                                    "khong"};
constexpr const char* kNightShift[] = {"khong", "mien_tru", "co_it", "co"};
constexpr const char* kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi"};
constexpr const char* kGiven[] = {"Văn Hùng",  "Thị Lan",  "Minh Tuấn", "Thu Hà",
                                  "Đức Thắng", "Ngọc Mai", "Hữu Huy",   "Kim Tâm"};

// Day `offset` after 2021-05-03, as YYYY-MM-DD (May has 31 days, June 30, July 31...).
std::string dateAfter(int offset) {
    static constexpr int kDays[] = {31, 30, 31, 31, 30, 31, 30, 31};  // May..December
    int month = 5, day = 3 + offset, i = 0;
    while (i < 8 && day > kDays[i]) {
        day -= kDays[i++];
        ++month;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "2021-%02d-%02d", month, day);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "Usage: gen_assessments OUT.csv [--sites N] [--rows N] [--seed S]\n");
        return 2;
    }
    long sites = 100000, rows = 1000000;
    std::uint64_t seed = 20210601;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--sites"))
            sites = std::atol(argv[i + 1]);
        if (!std::strcmp(argv[i], "--rows"))
            rows = std::atol(argv[i + 1]);
        if (!std::strcmp(argv[i], "--seed"))
            seed = std::strtoull(argv[i + 1], nullptr, 10);
    }
    if (sites <= 0 || rows < 0 || sites > 99999999) {
        std::fprintf(stderr, "gen_assessments: --sites must be 1..99999999, --rows ≥ 0\n");
        return 2;
    }
    if ((rows + sites - 1) / sites * 3 > 240) {
        std::fprintf(stderr, "gen_assessments: at most 80 rounds (rows / sites) fit in 2021\n");
        return 2;
    }
    std::FILE* out = std::fopen(argv[1], "wb");
    if (!out) {
        std::perror(argv[1]);
        return 1;
    }
    Rng rng(seed);
    std::string line;
    std::fputs(kHeader, out);
    std::string date;
    for (long r = 0; r < rows; ++r) {
        const long site = r % sites + 1;
        if (site == 1)
            date = dateAfter(static_cast<int>(r / sites) * 3);
        auto blank = [&] { return rng.uniform() < 0.003; };
        // Most enterprises answer most questions well; the rest answer anything.
        auto number = [&](double good, int goodLo, int goodHi, int lo, int hi) {
            if (blank())
                return std::string();
            return std::to_string(rng.uniform() < good ? rng.integer(goodLo, goodHi)
                                                       : rng.integer(lo, hi));
        };
        auto yesNo = [&](double yes) {
            return blank() ? std::string() : std::string(rng.uniform() < yes ? "có" : "không");
        };
        auto choice = [&](double good, const auto& codes) {
            if (blank())
                return std::string();
            return std::string(rng.uniform() < good ? codes[rng.next() % 2]
                                                    : codes[rng.next() % std::size(codes)]);
        };
        char tax[32];
        std::snprintf(tax, sizeof tax, "98%08ld", site);
        line = tax;
        line += ',' + date + ',';
        line += kFamily[rng.next() % std::size(kFamily)];
        line += ' ';
        line += kGiven[rng.next() % std::size(kGiven)];
        // Workforce mostly small with a long tail, as in core/synthetic.
        const double u = rng.uniform();
        line += ',' + (u < 0.7    ? number(1, 20, 499, 0, 0)
                       : u < 0.92 ? number(1, 500, 999, 0, 0)
                       : u < 0.99 ? number(1, 1000, 4999, 0, 0)
                                  : number(1, 5000, 15000, 0, 0));
        line += ',' + number(0.7, 9, 30, 1, 30);
        line += ',' + yesNo(0.98);
        line += ',' + yesNo(0.98);
        line += ',' + number(0.8, 100, 100, 0, 100);
        line += ',' + choice(0.7, kCanteen);
        line += ',' + number(0.6, 0, 20, 0, 100);
        line += ',' + number(0.6, 1, 3, 1, 15);
        line += ',' + yesNo(0.9);
        line += ',' + choice(0.7, kNightShift);
        line += '\n';
        std::fwrite(line.data(), 1, line.size(), out);
    }
    if (std::fclose(out) != 0) {
        std::perror(argv[1]);
        return 1;
    }
    return 0;
}
