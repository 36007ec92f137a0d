#!/usr/bin/env python3
"""Writes the requests of the conformance vectors, tests/vectors/*.json, from the real
lists in core/data. Responses are left null: fill them with

    python3 core/tools/gen_vectors.py && CNCD_BLESS=1 cargo test -p cncd --test vectors

then read the diff of the responses before committing: they are the contract.

Every case is drawn from the official lists (real names, real codes); the made-up parts
(people, phone numbers, decision numbers) are marked as such in their names. The choice
is deterministic: the same lists give the same files.
"""
import csv
import json
import os
import unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
DATA = os.path.join(ROOT, "core", "data")
OUT = os.path.join(ROOT, "tests", "vectors")


def rows(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


NT = rows("ninh-thuan-2022.csv")
VN22 = rows("vn-units-2022.csv")
VN25 = rows("vn-units-2025.csv")
MAP = rows("ninh-thuan-mapping-2025.csv")


def bare(full):
    for w in ("Thành phố ", "Thị trấn ", "Thị xã ", "Huyện ", "Quận ", "Phường ", "Xã ", "Tỉnh ", "Đặc khu "):
        if full.startswith(w):
            return full[len(w):]
    return full


def nfd(s):
    return unicodedata.normalize("NFD", s)


def strip(s):
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def case(name, op, request, rules=None):
    c = {"name": name, "op": op, "request": request, "response": None}
    if rules:
        c["rules"] = rules
    return c


def every(lst, n):
    """n items spread evenly over lst."""
    step = max(1, len(lst) // n)
    return lst[::step][:n]


# ---------------------------------------------------------------- text
def text_cases():
    out = [case("version", "version", {}), case("version, empty request", "version", "")]
    names = [r["commune_name"] for r in every(VN22, 24)] + [r["commune_name"] for r in NT[:8]]
    for n in names:
        out.append(case(f"clean NFD {n}", "text.clean", {"text": "  " + nfd(n).replace(" ", "  ") + " "}))
        out.append(case(f"name_key {n}", "text.name_key", {"text": n}))
        out.append(case(f"ascii_key {n}", "text.ascii_key", {"text": n}))
    specials = [
        "Xã Cò  Nòi", "\u00d0ô Vinh", "Phan Rang\u2013Tháp Chàm", "Ea H\u2019MLay", "Xã\u00a0Phước\u200bHà",
        "Thị Trấn Khánh Hải", "XÃ PHƯỚC HÀ", "Hoà Thuận", "Thuỷ Xuân", "Khánh Hoà",
    ]
    for s in specials:
        out.append(case(f"clean {s!r}", "text.clean", {"text": s}))
        out.append(case(f"ascii_key {s!r}", "text.ascii_key", {"text": s}))
    for s, style in [("Hòa Thuận", "modern"), ("Hoà Thuận", "traditional"), ("Thủy Xuân", "modern"), ("Thuỷ Xuân", "traditional"),
                     ("Khánh Hòa", "modern"), ("Quy Nhơn", "modern"), ("Hòa", "bogus")]:
        out.append(case(f"tone_style {s} {style}", "text.tone_style", {"text": s, "style": style}))
    for s in ["phường đô vinh", "THỊ TRẤN PHƯỚC DÂN", "xã ea h'mlay"]:
        out.append(case(f"title_case {s}", "text.title_case", {"text": s}))
    return out


# ---------------------------------------------------------------- units
def units_cases():
    out = []
    for r in NT[::3]:
        n = r["commune_name"]
        out.append(case(f"resolve exact {n}", "units.resolve", {"registry": "ninh-thuan-2022", "text": n}))
        out.append(case(f"resolve no diacritics {n}", "units.resolve", {"registry": "ninh-thuan-2022", "text": strip(bare(n)).lower()}))
    for text, extra in [
        ("Phường 1", {}), ("Phường 1", {"within": "774"}), ("Phuoc Ha", {"level": "commune"}), ("Phước Hả", {}),
        ("Phuoc Haa", {}), ("Ninh Hai", {"level": "district"}), ("Ninh Thuận", {"level": "province"}),
        ("TP Phan Rang-Tháp Chàm", {}), ("Xã Không Có", {}), ("Hòa Thuận", {"registry": "vietnam-2022"}),
    ]:
        req = {"registry": "ninh-thuan-2022", "text": text}
        req.update(extra)
        out.append(case(f"resolve {text} {extra}", "units.resolve", req))
    for r in every(VN25, 10):
        out.append(case(f"resolve 2025 {r['commune_name']}", "units.resolve", {"registry": "vietnam-2025", "text": r["commune_name"]}))
    for r in MAP[::5]:
        out.append(case(f"successors {r['old_commune_name']}", "units.successors", {"code": r["old_commune_code"], "from": "ninh-thuan-2022"}))
    out.append(case("successors unknown code", "units.successors", {"code": "99999"}))
    out.append(case("list districts of Ninh Thuận", "units.list", {"registry": "ninh-thuan-2022", "level": "district"}))
    out.append(case("list communes of Thuận Nam", "units.list", {"registry": "ninh-thuan-2022", "within": "589"}))
    out.append(case("list the province", "units.list", {"registry": "ninh-thuan-2022", "level": "province"}))
    out.append(case("list communes of Khánh Hòa 2025", "units.list", {"registry": "vietnam-2025", "level": "commune", "within": "56"}))
    out.append(case("list with a village added", "units.list",
                    {"registry": "ninh-thuan-2022", "within": "22885", "villages": [{"code": "22885-01", "commune": "22885", "name": "Thôn Phước Lợi"}]}))
    out.append(case("list within an unknown unit", "units.list", {"registry": "ninh-thuan-2022", "within": "99999"}))
    return out


# ---------------------------------------------------------------- names
DISTRICTS = {}
for r in NT:
    DISTRICTS.setdefault(r["district_code"], r["district_name"])


def names_cases():
    out = []
    for r in NT[::2]:
        canonical = f"CNCĐ_{bare(r['commune_name'])}_{bare(r['district_name'])}"
        out.append(case(f"format {r['commune_name']}", "names.format", {"registry": "ninh-thuan-2022", "commune": r["commune_code"]}))
        out.append(case(f"check canonical {canonical}", "names.check", {"registry": "ninh-thuan-2022", "name": canonical}))
    for r in NT[1::4]:
        c, d = bare(r["commune_name"]), bare(r["district_name"])
        variants = [
            ("no diacritics", f"CNCD_{strip(c)}_{strip(d)}"),
            ("spaces around _", f"CNCĐ _ {c} _ {d}"),
            ("NFD", nfd(f"CNCĐ_{c}_{d}")),
            ("lowercase", f"cncđ_{c.lower()}_{d.lower()}"),
            ("type words", f"CNCĐ_{r['commune_name']}_{r['district_name']}"),
        ]
        for label, name in variants:
            out.append(case(f"check {label} {c}", "names.check", {"registry": "ninh-thuan-2022", "name": name}))
        out.append(case(f"parse {label} {c}", "names.parse", {"registry": "ninh-thuan-2022", "name": name}))
    out.append(case("format village team", "names.format", {"registry": "ninh-thuan-2022", "commune": "22885", "village": "Thôn Phước Lợi"}))
    out.append(case("format two-tier", "names.format", {"registry": "vietnam-2025", "profile": "two-tier-2025", "commune": "22900", "village": "Thôn Phước Lợi"}))
    out.append(case("format unknown commune", "names.format", {"registry": "ninh-thuan-2022", "commune": "00000"}))
    for name in ["CNCĐ_Phước Hà_Ninh Hải", "CNCĐ_Không Có_Thuận Nam", "Nhóm Zalo thôn", "CNCĐ_Thôn Giá_Phước Hà_Thuận Nam",
                 "CNCĐ_Phường 1", "Tổ CNCĐ - Phước Hà - Thuận Nam", "CNSCĐ_Phước Hà_Thuận Nam", "CNC\u00d0_Phước Hà_Thuận Nam"]:
        out.append(case(f"check {name}", "names.check", {"registry": "ninh-thuan-2022", "name": name,
                                                          "villages": [{"code": "22885-01", "commune": "22885", "name": "Thôn Giá"}]}))
    for r in MAP[::6]:
        name = f"CNCĐ_{bare(r['old_commune_name'])}_{bare(r['old_district_name'])}"
        out.append(case(f"rehome {name}", "names.rehome", {"name": name, "from": "ninh-thuan-2022", "to": "vietnam-2025"}))
    return out


# ---------------------------------------------------------------- teams
def member(name, roles, **kw):
    m = {"name": name, "roles": roles}
    m.update(kw)
    return m


def good_team(commune="22885", village="Thôn Giá", district="Thuận Nam", commune_bare="Phước Hà"):
    return {
        "id": "NT-T1", "level": "village", "commune": commune, "village": village,
        "zalo_group": f"CNCĐ_{village}_{commune_bare}_{district}",
        "decision": {"number": "12/QĐ-UBND", "date": "2022-06-01", "signer": "Chủ tịch UBND xã (made up)"},
        "members": [
            member("Nguyễn Văn An (made up)", ["village_head", "youth_union"], birth_date="1998-04-02", phone="0912345678", it_skills=True),
            member("Trần Thị Bình (made up)", ["women_union"], birth_year=1985),
            member("Lê Văn Cường (made up)", ["enterprise_staff"], phone="0987 654 321"),
        ],
    }


def teams_cases():
    import copy
    out = []
    base = {"registry": "ninh-thuan-2022", "as_of": "2022-12-31",
            "villages": [{"code": "22885-01", "commune": "22885", "name": "Thôn Giá"}]}

    def team_case(label, mutate, rules=None):
        t = good_team()
        mutate(t)
        req = dict(base)
        req["team"] = t
        out.append(case(f"team {label}", "teams.validate", req, rules))

    team_case("valid", lambda t: None)
    team_case("two members", lambda t: t["members"].pop())
    team_case("six members", lambda t: t["members"].extend([member(f"Người {i} (made up)", ["other"]) for i in range(3)]))
    team_case("no women's union", lambda t: t["members"][1].update(roles=["other"]))
    team_case("no village head", lambda t: t["members"][0].update(roles=["youth_union"]))
    team_case("nobody young", lambda t: t["members"][0].update(birth_date="1970-01-01"))
    team_case("nobody with IT skills", lambda t: t["members"][0].pop("it_skills"))
    team_case("same person twice", lambda t: t["members"].append(dict(t["members"][0], roles=["other"])))
    team_case("same phone written two ways", lambda t: t["members"][2].update(phone="+84 912 345 678"))
    team_case("no decision", lambda t: t.pop("decision"))
    team_case("decision before the plan", lambda t: t["decision"].update(date="2021-12-01"))
    team_case("decision in the future", lambda t: t["decision"].update(date="2023-02-01"))
    team_case("decision without number", lambda t: t["decision"].pop("number"))
    team_case("group name without diacritics", lambda t: t.update(zalo_group="CNCD_Thon Gia_Phuoc Ha_Thuan Nam"))
    team_case("group name wrong district", lambda t: t.update(zalo_group="CNCĐ_Thôn Giá_Phước Hà_Ninh Hải"))
    team_case("no group name", lambda t: t.pop("zalo_group"))
    team_case("unknown commune", lambda t: t.update(commune="99999"))
    team_case("village team without village", lambda t: t.pop("village"))
    team_case("birth date unreadable", lambda t: t["members"][0].update(birth_date="năm 98"))
    team_case("extra fields kept", lambda t: t.update(note="ghi chú", members=[dict(m, zalo_id="x") for m in t["members"]]))
    team_case("school team", lambda t: t.update(level="school", school="Trường THCS Phước Hà", zalo_group=None))
    for p in ["thai-nguyen", "quang-tri", "thanh-hoa", "tuyen-quang", "da-nang", "two-tier-2025"]:
        req = dict(base)
        req["profile"] = p
        t = good_team()
        t["members"].pop()
        req["team"] = t
        if p == "two-tier-2025":
            req["registry"] = "vietnam-2025"
            req["villages"] = [{"code": "22900-01", "commune": "22900", "name": "Thôn Giá"}]
            t["commune"] = "22900"
            t["zalo_group"] = "CNCĐ_Thôn Giá_Phước Hà_Khánh Hòa"
        out.append(case(f"team of two under {p}", "teams.validate", req))
    # rosters
    thuan_nam = [r for r in NT if r["district_code"] == "589"]
    teams = []
    for i, r in enumerate(thuan_nam[:6]):
        t = good_team()
        t.update(id=f"NT-C{i}", level="commune", commune=r["commune_code"], zalo_group=f"CNCĐ_{bare(r['commune_name'])}_Thuận Nam")
        t.pop("village")
        t["members"][0]["roles"] = ["commune_official", "youth_union"]
        teams.append(t)
    dup = copy.deepcopy(teams[0])
    dup["id"] = "NT-C0"
    roster_req = {"registry": "ninh-thuan-2022", "as_of": "2022-12-31", "roster": {"teams": teams + [dup]}}
    out.append(case("roster of Thuận Nam with a duplicate team", "roster.validate", roster_req))
    vt = [good_team(), good_team()]
    vt[1]["id"] = "NT-T2"
    out.append(case("roster with two teams in one village", "roster.validate",
                    {"registry": "ninh-thuan-2022", "as_of": "2022-12-31", "roster": {"teams": vt}}))
    st = [dict(good_team(), id="S1", level="school", school="Trường THCS Phước Hà"), dict(good_team(), id="S2", level="school", school="Trường THCS Phước Hà")]
    out.append(case("roster with two teams in one school", "roster.validate",
                    {"registry": "ninh-thuan-2022", "as_of": "2022-12-31", "roster": {"teams": st}}))
    for p in ["ninh-thuan-2022", "two-tier-2025", "quang-tri"]:
        out.append(case(f"profile.get {p}", "profile.get", {"name": p}))
    out.append(case("profile.get default", "profile.get", {}))
    return out


# ---------------------------------------------------------------- reporting
def reporting_cases():
    out = []
    thuan_nam = [r for r in NT if r["district_code"] == "589"]
    roster = {"teams": [{"id": f"X-{r['commune_code']}", "level": "commune", "commune": r["commune_code"], "members": []} for r in thuan_nam[:5]]
              + [{"id": "V-Thôn Giá", "level": "village", "commune": "22885", "village": "Thôn Giá", "members": []},
                 {"id": "S-THCS", "level": "school", "commune": "22885", "school": "Trường THCS Phước Hà", "members": []}]}
    acts = [
        {"team": "X-22885", "date": "2022-07-02", "activity": "gov.online_public_services", "people_reached": 120},
        {"team": "X-22897", "date": "2022-07-09", "activity": "econ.digital_stores_farm", "digital_stores": 4},
        {"team": "V-Thôn Giá", "date": "2022-07-15", "activity": "econ.ecommerce_campaign", "payment_accounts": 17},
        {"team": "V-Thôn Giá", "date": "2022-08-01", "activity": "soc.awareness", "people_reached": 60},
        {"team": "X-00000", "date": "2022-07-15", "activity": "gov.apps"},
        {"team": "X-22885", "date": "2022-07-20", "activity": "soc.dancing"},
        {"team": "X-22885", "date": "20/07/2022", "activity": "gov.apps", "apps_installed": 12},
        {"team": "X-22885", "date": "tháng 7", "activity": "gov.apps"},
    ]
    ocop = [{"id": "NT-01", "name": "Nho Ba Mọi (made up)", "commune": "22885", "platforms": ["postmart.vn"]},
            {"id": "NT-02", "name": "Mật ong (made up)", "commune": "22897", "platforms": []},
            {"id": "NT-03", "name": "Muối (made up)", "commune": "99999"}]
    schools = [{"code": "S1", "commune": "22885", "name": "Trường THCS Phước Hà"}, {"code": "S2", "commune": "22885", "name": "Trường Tiểu học Phước Hà"}]
    villages = [{"code": "22885-01", "commune": "22885", "name": "Thôn Giá"}, {"code": "22885-02", "commune": "22885", "name": "Thôn Tà Dương"}]
    out.append(case("coverage of Ninh Thuận from five Thuận Nam teams", "coverage.compute",
                    {"registry": "ninh-thuan-2022", "roster": roster, "villages": villages, "schools": schools, "ocop": ocop}))
    out.append(case("activities of July 2022", "activities.summarize", {"registry": "ninh-thuan-2022", "roster": roster, "activities": acts, "month": "2022-07"}))
    out.append(case("activities of August 2022", "activities.summarize", {"registry": "ninh-thuan-2022", "roster": roster, "activities": acts, "month": "2022-08"}))
    out.append(case("training: one trained, others never", "training.check",
                    {"roster": roster, "training": [{"date": "2022-06-15", "teams": ["X-22885", "X-99999"], "topic": "VNeID"},
                                                    {"date": "15/06", "teams": ["X-22897"]}], "as_of": "2022-12-31"}))
    out.append(case("targets of Thuận Nam", "targets.progress",
                    {"registry": "ninh-thuan-2022", "roster": roster, "activities": acts, "as_of": "2022-08-15", "targets": [
                        {"unit": "589", "counter": "digital_stores", "value": 20, "from": "2022-07-01", "to": "2022-07-31"},
                        {"team": "V-Thôn Giá", "counter": "payment_accounts", "value": 10, "from": "2022-07-01", "to": "2022-09-30"},
                        {"team": "X-22885", "counter": "activity:gov.online_public_services", "value": 1, "from": "2022-07-01", "to": "2022-07-31"},
                        {"team": "X-22885", "counter": "likes", "value": 1, "from": "2022-07-01", "to": "2022-07-31"},
                        {"unit": "00000", "counter": "records", "value": 1, "from": "2022-07-01", "to": "2022-07-31"},
                        {"team": "X-22885", "counter": "records", "value": 1, "from": "July", "to": "2022-07-31"}]}))
    for level, village in [("commune", None), ("village", "Thôn Giá"), ("school", None)]:
        t = {"level": level, "commune": "22885", "members": []}
        if village:
            t["village"] = village
        out.append(case(f"chain of a {level} team, three tiers", "reports.chain", {"registry": "ninh-thuan-2022", "team": t}, ["GOV-CHAIN"]))
        t2 = dict(t, commune="22900")
        out.append(case(f"chain of a {level} team, two tiers", "reports.chain",
                        {"registry": "vietnam-2025", "profile": "two-tier-2025", "team": t2}, ["GOV-CHAIN"]))
    out.append(case("schedule of July 2022", "reports.schedule", {"registry": "ninh-thuan-2022", "roster": roster, "month": "2022-07"}))
    out.append(case("schedule of December 2022, deadline the 5th", "reports.schedule",
                    {"registry": "ninh-thuan-2022", "month": "2022-12", "profile": "ninh-thuan-2022"}))
    subs = [{"rule": "REPORT-DISTRICT-MONTHLY", "from": d, "month": "2022-07", "date": "2022-07-29"} for d in ["582", "585", "586", "587", "588"]]
    subs.append({"rule": "REPORT-DISTRICT-MONTHLY", "from": "589", "month": "2022-07", "date": "2022-08-03"})
    subs.append({"rule": "REPORT-PROVINCE", "from": "58", "month": "2022-07", "date": "2022-07-31"})
    subs.append({"rule": "REPORT-TEAM", "from": "X-22885", "month": "2022-07", "date": "2022-07-30"})
    subs.append({"rule": "REPORT-TEAM", "from": "X-22897", "month": "2022-07", "date": "2022-08-02"})
    subs.append({"rule": "REPORT-DISTRICT-MONTHLY", "from": "999", "month": "2022-07", "date": "2022-07-30"})
    subs.append({"rule": "REPORT-DISTRICT-MONTHLY", "from": "584", "month": "2022-07", "date": "3 Aug"})
    out.append(case("status: Thuận Nam late, Bác Ái missing", "reports.status",
                    {"registry": "ninh-thuan-2022", "roster": roster, "month": "2022-07", "submitted": subs, "today": "2022-08-10"}))
    out.append(case("status before the deadline", "reports.status", {"registry": "ninh-thuan-2022", "month": "2022-07", "today": "2022-07-20"}))
    out.append(case("status in two tiers", "reports.status",
                    {"registry": "vietnam-2025", "profile": "two-tier-2025", "roster": {"teams": [{"id": "PH", "level": "commune", "commune": "22900", "members": []}]},
                     "month": "2025-09", "today": "2025-10-10",
                     "submitted": [{"rule": "REPORT-TEAM", "from": "PH", "month": "2025-09", "date": "2025-09-30"}]}))
    out.append(case("draft report of Thuận Nam, July 2022", "reports.draft",
                    {"registry": "ninh-thuan-2022", "roster": roster, "activities": acts, "month": "2022-07", "unit": "589",
                     "villages": villages, "schools": schools, "ocop": ocop}))
    out.append(case("draft report of an unknown district", "reports.draft",
                    {"registry": "ninh-thuan-2022", "roster": roster, "month": "2022-07", "unit": "999"}))
    return out


# ---------------------------------------------------------------- errors
def error_cases():
    out = []
    for op in ["text.clean", "units.resolve", "names.check", "teams.validate", "coverage.compute", "reports.status"]:
        field = "text" if op.startswith("text.") else "registry"
        out.append(case(f"{op}: bad JSON", op, '{"%s": "Phước Hà"' % field))
        out.append(case(f"{op}: trailing comma", op, '{"%s": "Phước Hà",}' % field))
        out.append(case(f"{op}: not an object", op, "[1, 2]"))
    out.append(case("unknown op", "text.reverse", {"text": "Phước Hà"}))
    out.append(case("unknown op, empty", "", {}))
    out.append(case("wrong type", "text.clean", {"text": 42}))
    out.append(case("missing field", "text.name_key", {}))
    out.append(case("unknown field", "text.ascii_key", {"text": "Phước Hà", "lang": "vi"}))
    out.append(case("unknown level", "units.resolve", {"registry": "ninh-thuan-2022", "text": "Phước Hà", "level": "hamlet"}))
    out.append(case("unknown registry", "units.resolve", {"registry": "ninh-thuan-2019", "text": "Phước Hà"}))
    out.append(case("unknown registry in names.check", "names.check", {"registry": "lao-cai-2022", "name": "CNCĐ_Phước Hà_Thuận Nam"}))
    out.append(case("unknown profile", "names.format", {"registry": "ninh-thuan-2022", "profile": "ninh-thuan-2030", "commune": "22885"}))
    out.append(case("unknown profile in profile.get", "profile.get", {"name": "hue"}))
    out.append(case("unknown profile in teams.validate", "teams.validate", {"registry": "ninh-thuan-2022", "profile": "x", "as_of": "2022-12-31", "team": {"level": "commune", "members": []}}))
    out.append(case("bad as_of", "teams.validate", {"registry": "ninh-thuan-2022", "as_of": "31/12/2022", "team": {"level": "commune", "members": []}}))
    out.append(case("bad team level", "teams.validate", {"registry": "ninh-thuan-2022", "as_of": "2022-12-31", "team": {"level": "hamlet", "members": []}}))
    out.append(case("bad role", "teams.validate", {"registry": "ninh-thuan-2022", "as_of": "2022-12-31", "team": {"level": "commune", "members": [{"name": "A", "roles": ["mayor"]}]}}))
    # A word field given another type is a bad request at its path, not bad JSON.
    out.append(case("team level as a number", "teams.validate", {"registry": "ninh-thuan-2022", "as_of": "2022-12-31", "team": {"level": 5, "members": []}}))
    out.append(case("tone style as an array", "text.tone_style", {"text": "Hoà", "style": ["modern"]}))
    out.append(case("bad month", "reports.schedule", {"registry": "ninh-thuan-2022", "month": "2022-13"}))
    out.append(case("bad today", "reports.status", {"registry": "ninh-thuan-2022", "month": "2022-07", "today": "10/08/2022"}))
    out.append(case("chain of an unknown commune", "reports.chain", {"registry": "ninh-thuan-2022", "team": {"level": "commune", "commune": "00000", "members": []}}))
    out.append(case("inline registry with an unknown parent", "units.resolve",
                    {"registry": {"name": "x", "tiers": 3, "provinces": [{"code": "1", "name": "Tỉnh A"}], "districts": [{"code": "2", "province": "9", "name": "Huyện B"}]}, "text": "B"}))
    out.append(case("inline registry with tiers as text", "units.resolve",
                    {"registry": {"name": "x", "tiers": "3", "provinces": [{"code": "1", "name": "Tỉnh A"}]}, "text": "A"}))
    out.append(case("inline registry", "units.resolve",
                    {"registry": {"name": "x", "tiers": 2, "provinces": [{"code": "56", "name": "Tỉnh Khánh Hòa"}],
                                  "communes": [{"code": "22900", "province": "56", "name": "Xã Phước Hà"}]}, "text": "Phuoc Ha"}))
    out.append(case("inline profile with a mistyped key", "names.format",
                    {"registry": "ninh-thuan-2022", "commune": "22885", "profile": {"name": "x", "team": {}}}))
    out.append(case("registry neither name nor object", "units.resolve", {"registry": 2022, "text": "Phước Hà"}))
    out.append(case("village with an unknown commune", "names.check", {"registry": "ninh-thuan-2022", "name": "CNCĐ_Thôn A_Phước Hà_Thuận Nam",
                                                                       "villages": [{"code": "v", "commune": "00000", "name": "Thôn A"}]}))
    out.append(case("name past the size limit", "names.check", {"registry": "ninh-thuan-2022", "name": "CNCĐ_" + "Phước Hà " * 60}))
    out.append(case("resolve text past the limit", "units.resolve", {"registry": "ninh-thuan-2022", "text": "x" * 257}))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    groups = {"text": text_cases(), "units": units_cases(), "names": names_cases(), "teams": teams_cases(),
              "reporting": reporting_cases(), "errors": error_cases()}
    total = 0
    for name, cases in groups.items():
        path = os.path.join(OUT, f"{name}.json")
        old = {}
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                old = {c["name"]: c for c in json.load(f)}
        seen = set()
        for c in cases:
            assert c["name"] not in seen, c["name"]
            seen.add(c["name"])
            # Keep a blessed response while the request is unchanged.
            o = old.get(c["name"])
            if o and o["op"] == c["op"] and o["request"] == c["request"]:
                c["response"] = o["response"]
        with open(path, "w", encoding="utf-8") as f:
            f.write("[\n" + ",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in cases) + "\n]\n")
        total += len(cases)
        print(f"{path}: {len(cases)} cases")
    print(f"{total} cases")


if __name__ == "__main__":
    main()
