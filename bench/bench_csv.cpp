// CSV reading benchmark: writes a 1,000,000-row x 15-column facility file (Vietnamese text,
// numbers with decimal commas, some quoted cells with ';', "" and line breaks) as UTF-8 with
// ';' delimiters and again in TCVN3, then reads each with readCsvFile() (encoding detection,
// decoding, mojibake check, delimiter sniffing, parsing). Prints MB/s and rows/s (median of
// --runs runs) and the phases for the UTF-8 file, plus a checksum so a change in what is read
// shows up. Usage: bench_csv [--rows N] [--runs N] [--dir DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/tabular/csv_reader.h"
#include "core/tabular/csv_sniff.h"
#include "core/text/encoding_detect.h"
#include "core/text/legacy_encodings.h"

using namespace safemap;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

const char* const kNames[] = {"Công ty TNHH may mặc Sông Hồng", "Công ty cổ phần điện tử Ánh Dương",
                              "Hợp tác xã dệt Lạng Sơn", "Công ty TNHH cơ khí Đồng Văn",
                              "Doanh nghiệp tư nhân chế biến gỗ Quế Võ"};
const char* const kPlaces[] = {"khu công nghiệp Đồng Văn", "cụm công nghiệp Ngọc Hồi",
                               "khu kinh tế cửa khẩu Đồng Đăng", "khu công nghiệp Quế Võ"};

std::string makeCsv(size_t rows) {
    std::mt19937 rng(42);
    std::string out;
    out.reserve(rows * 200);
    out +=
        "Mã số thuế;Tên doanh nghiệp;Địa chỉ;Tỉnh;Số lao động;Diện tích m2;Rửa tay;"
        "Khẩu trang;Đo thân nhiệt;Giãn cách nhà ăn;Xe đưa đón %;Số khu dân cư;Ca đêm;"
        "Ngày đánh giá;Ghi chú\r\n";
    for (size_t i = 0; i < rows; ++i) {
        out += std::to_string(100000000 + i);
        out += ';';
        out += kNames[i % 5];
        out += ';';
        if (i % 10 == 0) {
            out += "\"Lô " + std::to_string(i % 97) + "; ";
            out += kPlaces[i % 4];
            out += "\"";
        } else {
            out += kPlaces[i % 4];
        }
        out += ";Hà Nam;" + std::to_string(50 + rng() % 5000) + ';';
        out += std::to_string(rng() % 100) + ',' + std::to_string(rng() % 10) + ';';
        out += (rng() % 10) ? "có;" : "không;";
        out += (rng() % 10) ? "có;" : "không;";
        out += "100;" + std::to_string(rng() % 101) + ";" + std::to_string(rng() % 101) + ";";
        out += std::to_string(1 + rng() % 6) + ";";
        out += (rng() % 4) ? "không;" : "có;";
        out += std::to_string(1 + rng() % 28) + "/6/2021;";
        if (i % 50 == 0)
            out += "\"đã kiểm tra, \"\"đạt\"\"\nlần 2\"";
        out += "\r\n";
    }
    return out;
}

struct Figures {
    double ms = 0;
    size_t rows = 0;
    unsigned long checksum = 0;
};

Figures readOnce(const std::string& path) {
    const auto start = Clock::now();
    auto table = readCsvFile(path);
    Figures f;
    f.ms = msSince(start);
    if (!table) {
        std::fprintf(stderr, "%s\n", table.error().describe().c_str());
        std::exit(1);
    }
    f.rows = table->rows.size();
    for (size_t r = 0; r < table->rows.size(); r += 997)
        f.checksum += table->cell(r, 1).size();
    return f;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    size_t rows = 1000000;
    int runs = 3;
    std::filesystem::path dir = std::filesystem::temp_directory_path();
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--rows"))
            rows = std::stoul(argv[i + 1]);
        if (!std::strcmp(argv[i], "--runs"))
            runs = std::stoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--dir"))
            dir = argv[i + 1];
    }
    const std::string utf8 = makeCsv(rows);
    const std::string tcvn3 = encodeFromUtf8(utf8, TextEncoding::Tcvn3);
    const auto utf8Path = (dir / "bench_csv_utf8.csv").string();
    const auto tcvn3Path = (dir / "bench_csv_tcvn3.csv").string();
    std::ofstream(utf8Path, std::ios::binary) << utf8;
    std::ofstream(tcvn3Path, std::ios::binary) << tcvn3;

    for (const auto& [label, path, bytes] : {std::tuple{"UTF-8", utf8Path, utf8.size()},
                                             std::tuple{"TCVN3", tcvn3Path, tcvn3.size()}}) {
        std::vector<double> times;
        Figures f;
        for (int r = 0; r < runs; ++r) {
            f = readOnce(path);
            times.push_back(f.ms);
        }
        const double ms = median(times);
        std::printf(
            "%-6s %zu rows x 15 cols, %.1f MB: %.0f ms, %.0f MB/s, %.2f M rows/s "
            "(checksum %lu)\n",
            label, f.rows, bytes / 1e6, ms, bytes / 1e3 / ms, f.rows / 1e3 / ms, f.checksum);
    }

    // Phases of the UTF-8 read, to see where the time goes.
    auto t0 = Clock::now();
    const EncodingGuess guess = detectEncoding(utf8);
    const double detectMs = msSince(t0);
    t0 = Clock::now();
    const bool moji = looksLikeMojibake(std::string_view(utf8).substr(0, 1 << 20));
    const double mojiMs = msSince(t0);
    t0 = Clock::now();
    auto decoded = decodeToUtf8(tcvn3, TextEncoding::Tcvn3, "bench");
    const double decodeMs = msSince(t0);
    t0 = Clock::now();
    CsvOptions options;
    options.encoding = TextEncoding::Utf8;
    options.refuseMojibake = false;
    options.delimiter = ';';
    auto parsed = parseCsv(utf8, "bench", options);
    const double parseMs = msSince(t0);
    std::printf(
        "phases: detect %.0f ms (%s), mojibake check of 1 MiB %.0f ms (%s), "
        "TCVN3 decode %.0f ms (%.0f MB/s), copy + parse only %.0f ms (%.0f MB/s)\n",
        detectMs, std::string(encodingName(guess.encoding)).c_str(), mojiMs,
        moji ? "suspect" : "clean", decodeMs, tcvn3.size() / 1e3 / decodeMs, parseMs,
        utf8.size() / 1e3 / parseMs);
    std::filesystem::remove(utf8Path);
    std::filesystem::remove(tcvn3Path);
    return decoded.ok() && parsed.ok() ? 0 : 1;
}
