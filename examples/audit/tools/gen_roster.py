#!/usr/bin/env python3
"""Writes a synthetic national roster CSV for timing cncd-audit: made-up people on the
real communes of 2022 (core/data/vn-units-2022.csv). One commune team in each commune,
then village teams ("Thôn 1", "Thôn 2"…) until TEAMS teams, 4.7 members a team on
average, canonical group names. Not committed: generate it when needed.

    python3 examples/audit/tools/gen_roster.py 100000 /tmp/national.csv
    cargo run --release -p cncd-audit -- /tmp/national.csv --registry vietnam-2022 --as-of 2022-12-31
"""
import csv
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")


def bare(full):
    for w in ("Thành phố ", "Thị trấn ", "Thị xã ", "Huyện ", "Quận ", "Phường ", "Xã "):
        if full.startswith(w):
            return full[len(w):]
    return full


def main():
    teams = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    out = sys.argv[2] if len(sys.argv) > 2 else "national-roster.csv"
    with open(os.path.join(ROOT, "core", "data", "vn-units-2022.csv"), encoding="utf-8") as f:
        communes = list(csv.DictReader(f))
    roles = [["Cán bộ xã", "Đoàn thanh niên"], ["Hội Phụ nữ"], ["Viettel"], ["Thành viên"], ["Thành viên"]]
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Mã tổ", "Cấp tổ", "Xã", "Thôn", "Tên nhóm Zalo", "Số quyết định", "Ngày quyết định", "Họ và tên", "Vai trò", "Ngày sinh", "Số điện thoại"])
        for k in range(teams):
            c = communes[k % len(communes)]
            rnd = k // len(communes)
            village = f"Thôn {rnd}" if rnd else ""
            # Many districts share a commune name with another: the standard then keeps the type word.
            zalo = "CNCĐ_" + "_".join(x for x in [village, bare(c["commune_name"]), bare(c["district_name"])] if x)
            size = 5 if k % 10 < 7 else 4
            for m in range(size):
                r = list(roles[m])
                if rnd and m == 0:
                    r = ["Trưởng thôn", "Đoàn thanh niên"]
                w.writerow([f"T-{k}", "Cấp thôn" if rnd else "Cấp xã", c["commune_code"], village, zalo, f"{k}/QĐ-UBND", "2022-06-01",
                            f"Người {k}-{m}", "; ".join(r), f"{1980 + (m * 7) % 20}-0{1 + m}-15", f"09{(k * 10 + m) % 100000000:08d}"])
    print(f"{teams} teams written to {out}")


if __name__ == "__main__":
    main()
