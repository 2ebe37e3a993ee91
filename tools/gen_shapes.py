#!/usr/bin/env python3
"""One-off generator for crates/iot-jobs-lint/src/shapes/table.rs from the vendored botocore extracts.

The generated table is committed and reviewed like hand-written code; the coverage test
(crates/iot-jobs-lint/tests/model_coverage.rs) proves that it still matches both extracts, so this
script only needs re-running when a new model edition is vendored.
"""
import json, re, sys, pathlib
root = pathlib.Path(__file__).resolve().parent.parent / "crates/iot-jobs-lint/model-data"
old = json.load(open(root / "iot-2015-05-28.jobs-shapes.2023-03-02.json"))["shapes"]
new = json.load(open(root / "iot-2015-05-28.jobs-shapes.latest.json"))["shapes"]

def const(name):
    return re.sub(r'(?<!^)(?=[A-Z])', '_', name).upper().replace("__", "_")

PATTERNS = {
    "[a-zA-Z0-9_-]+": "PATTERN_ID",
    "[^\\p{C}]+": "PATTERN_NO_CONTROL",
    "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$": "PATTERN_TAG_KEY",
    "^arn:[!-~]+$": "PATTERN_ARN",
    "[\\p{Upper}\\p{Digit}_]+": "PATTERN_REASON_CODE",
}
KIND = {"string": "String", "integer": "Integer", "long": "Long", "double": "Double",
        "boolean": "Boolean", "timestamp": "Timestamp"}

def num(v):
    if v is None: return "None"
    return f"Some({float(v)!r})" if isinstance(v, float) else f"Some({v}.0)"

def bound(key, s_old, s_new):
    a = s_old.get(key) if s_old else None
    b = s_new.get(key) if s_new else None
    if s_old is None: a = b
    if s_new is None: b = a
    if a == b:
        return "Bound::NONE" if a is None else f"Bound::same({float(a)!r})"
    return f"Bound::per_edition({num(a)}, {num(b)})"

out = ["// @generated once by tools/gen_shapes.py from the vendored botocore extracts, then kept",
       "// under review like hand-written code. tests/model_coverage.rs proves it matches both",
       "// model editions member by member.",
       "",
       "use super::*;", ""]
names = sorted(set(old) | set(new))
for name in names:
    so, sn = old.get(name), new.get(name)
    s = sn or so
    t = s["type"]
    c = const(name)
    since = "Edition::V2023_03_02" if so else "Edition::Latest"
    if t == "structure":
        mems_new = (sn or {}).get("members", {})
        mems_old = (so or {}).get("members", {})
        req = set((sn or so).get("required", []))
        order = list(mems_new) if sn else list(mems_old)
        for m in mems_old:
            if m not in order: order.append(m)
        out.append(f"static {c}_MEMBERS: [Member; {len(order)}] = [")
        for m in order:
            ref = (mems_new.get(m) or mems_old.get(m))
            msince = "Edition::V2023_03_02" if m in mems_old else "Edition::Latest"
            loc = ref.get("location")
            location = {"uri": "Location::Uri", "querystring": "Location::QueryString", None: "Location::Body"}[loc]
            out.append(f"    Member {{ name: \"{m}\", target: &{const(ref['shape'])}, required: {str(m in req).lower()}, since: {msince}, location: {location} }},")
        out.append("];")
        kind = f"ShapeKind::Structure(&{c}_MEMBERS)"
    elif t == "list":
        kind = f"ShapeKind::List(&{const(s['member']['shape'])})"
    elif t == "map":
        kind = f"ShapeKind::Map {{ key: &{const(s['key']['shape'])}, value: &{const(s['value']['shape'])} }}"
    else:
        kind = f"ShapeKind::{KIND[t]}"
    pat = s.get("pattern")
    pattern = f"Some(&{PATTERNS[pat]})" if pat else "None"
    enum = "&[" + ", ".join(f'"{e}"' for e in s.get("enum", [])) + "]"
    out.append(f"/// Model shape `{name}`.")
    out.append(f"pub static {c}: Shape = Shape {{ name: \"{name}\", kind: {kind}, since: {since}, min: {bound('min', so, sn)}, max: {bound('max', so, sn)}, pattern: {pattern}, enum_values: {enum} }};")
    out.append("")
out.append("/// Every shape of both editions, in name order.")
out.append(f"pub static ALL_SHAPES: [&Shape; {len(names)}] = [" + ", ".join(f"&{const(n)}" for n in names) + "];")
sys.stdout.write("\n".join(out) + "\n")
