#!/usr/bin/env python3
"""Writes the legacy-encoding fixtures of tests/core/test_encodings*.cpp and test_csv*.cpp.

The bytes come from tools independent of SafeMap's converters: glibc iconv for TCVN3
(TCVN5712-1), VISCII and Windows-1258, and for VNI-Windows the table below, typed from the
published VNI table (same as UniKey's vni_win.cpp and xvnkb's vni.h). Run it from this
directory; the expected UTF-8 strings in the tests are written out by hand, not read from
here.
"""
import subprocess

# Lines of the sample text. TCVN3 (ABC) has no codes for capital toned letters, so its
# version writes them in lower case, as text typed for the .VnTime font stores them.
SAMPLE = [
    "Công ty TNHH Điện tử Ánh Dương, khu công nghiệp Quế Võ, Bắc Ninh.",
    "Người lao động ngoại tỉnh: 1.250 người; phòng cách ly đạt yêu cầu.",
    "Đánh giá nguy cơ lây nhiễm: rất thấp, thấp, trung bình, cao, rất cao.",
    "Ủy ban nhân dân tỉnh Lạng Sơn; ký túc xá; kiểm tra, tạm dừng hoạt động.",
    "Sẵn sàng, nặng nhọc, chẳng hạn, rực rỡ, những người sửa chữa, thuở ấy, khuỷu tay, ỷ lại.",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
]
SAMPLE_TCVN3 = [
    SAMPLE[0].replace("Ánh", "ánh"),
    SAMPLE[1],
    SAMPLE[2],
    SAMPLE[3].replace("Ủy", "ủy"),
    SAMPLE[4],
    "CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM",
]

CSV = [
    "Mã số thuế;Tên doanh nghiệp;Địa chỉ;Số lao động",
    '0101234567;Công ty cổ phần may Sông Hồng;"Lô 5; khu công nghiệp Đồng Văn";1250',
    '0107654321;"Công ty TNHH ""Ánh Dương""";"Số 2, đường Nguyễn Trãi\nphường Quang Trung";87,5',
    "",
    "4900123456;Hợp tác xã dệt Lạng Sơn;Đồng Đăng;310",
]
CSV_TCVN3 = [line.replace("Ánh", "ánh") for line in CSV]

# VNI-Windows: letter -> bytes. Tone bytes after a vowel: acute F9, grave F8, hook FB,
# tilde F5, dot EF; circumflex E2 (+ tone: acute E1, grave E0, hook E5, tilde E3, dot E4);
# breve EA (+ tone: acute E9, grave E8, hook FA, tilde FC, dot EB); capitals use the byte
# 0x20 lower. ơ F4, ư F6, đ F1, í ED, ì EC, ỉ E6, ĩ F3, ị F2, ỵ EE stand alone.
TONES = {"": 0, "grave": 1, "acute": 2, "hook": 3, "tilde": 4, "dot": 5}
PLAIN = [None, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF]
CIRC = [0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4]
BREVE = [0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB]
ROWS = {  # letters in tone order: level, grave, acute, hook, tilde, dot
    "aàáảãạ": (b"a", PLAIN), "ăằắẳẵặ": (b"a", BREVE), "âầấẩẫậ": (b"a", CIRC),
    "eèéẻẽẹ": (b"e", PLAIN), "êềếểễệ": (b"e", CIRC), "oòóỏõọ": (b"o", PLAIN),
    "ôồốổỗộ": (b"o", CIRC), "ơờớởỡợ": (b"\xf4", PLAIN), "uùúủũụ": (b"u", PLAIN),
    "ưừứửữự": (b"\xf6", PLAIN), "yỳýỷỹỵ": (b"y", PLAIN),
}
VNI = {"đ": b"\xf1", "Đ": b"\xd1", "i": b"i", "ì": b"\xec", "í": b"\xed", "ỉ": b"\xe6",
       "ĩ": b"\xf3", "ị": b"\xf2", "ỵ": b"\xee"}
for letters, (base, marks) in ROWS.items():
    for i, ch in enumerate(letters):
        if ch in VNI:
            continue
        VNI[ch] = base + (bytes([marks[i]]) if marks[i] else b"")
for ch in list(VNI):
    up = ch.upper()
    if up != ch:
        VNI[up] = bytes(b - 0x20 if b >= 0xC0 else (b - 0x20 if 0x61 <= b <= 0x7A else b)
                        for b in VNI[ch])


def vni(text):
    return b"".join(VNI.get(ch) or ch.encode("ascii") for ch in text)


def iconv(text, encoding):
    return subprocess.run(["iconv", "-f", "UTF-8", "-t", encoding], input=text.encode(),
                          check=True, capture_output=True).stdout


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


sample = "\n".join(SAMPLE) + "\n"
write("sample_utf8.txt", sample.encode())
write("sample_utf8_bom.txt", b"\xef\xbb\xbf" + sample.encode())
write("sample_tcvn3.txt", iconv("\n".join(SAMPLE_TCVN3) + "\n", "TCVN5712-1"))
write("sample_viscii.txt", iconv(sample, "VISCII"))
write("sample_cp1258.txt", iconv(sample, "CP1258"))
write("sample_vni.txt", vni(sample))
write("facilities_tcvn3.csv", iconv("\r\n".join(CSV_TCVN3) + "\r\n", "TCVN5712-1"))
write("facilities_vni.csv", vni("\r\n".join(CSV) + "\r\n"))
write("facilities_utf8_bom.csv", b"\xef\xbb\xbf" + ("\r\n".join(CSV) + "\r\n").encode())
