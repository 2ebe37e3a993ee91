//! The spec corpus's plumbing, apart from the test so that `corpus.rs` reads as the contract:
//! JSON objects that keep their member order (to rewrite an expectation's header as it was
//! written), the canonical writer of an expectation file, and a readable diff of two diagnostic
//! lists.

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt::Write as _;

/// A JSON object's members in the order they are written (`serde_json::Map` sorts them unless the
/// `preserve_order` feature is on, which would change the library's own build under test).
pub struct Ordered(pub Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> Visitor<'de> for Members {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Ordered(out))
            }
        }
        deserializer.deserialize_map(Members)
    }
}

/// The member names of `value` (a struct that serializes as an object) in its field order.
pub fn field_order<T: Serialize>(value: &T) -> Vec<String> {
    let text = serde_json::to_string(value).expect("serializable");
    let Ordered(members) = serde_json::from_str(&text).expect("an object");
    members.into_iter().map(|(k, _)| k).collect()
}

/// The expectation file with its header members as written and `diagnostics` replaced:
/// two-space pretty JSON with a trailing newline.
pub fn expectation_file<D: Serialize>(header: &Ordered, diagnostics: &[D]) -> String {
    struct File<'a, D>(&'a Ordered, &'a [D]);
    impl<D: Serialize> Serialize for File<'_, D> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(self.0.0.len()))?;
            for (key, value) in &self.0.0 {
                if key == "diagnostics" {
                    map.serialize_entry(key, self.1)?;
                } else {
                    map.serialize_entry(key, value)?;
                }
            }
            map.end()
        }
    }
    let mut text = serde_json::to_string_pretty(&File(header, diagnostics)).expect("serializable");
    text.push('\n');
    text
}

/// What the diff aligns diagnostics on: a diagnostic whose code and pointer stay is shown as
/// changed fields; one that comes or goes is shown whole.
fn key(d: &Value) -> (&Value, &Value) {
    (&d["code"], &d["pointer"])
}

/// One line per diagnostic in a diff.
fn summary(d: &Value) -> String {
    let s = |k: &str| d[k].as_str().unwrap_or("?").to_owned();
    format!(
        "{} {} {:?} at {}:{}: {}",
        s("severity"),
        s("code"),
        s("pointer"),
        d["line"],
        d["column"],
        s("message")
    )
}

/// Writes how one field differs, down to the members of an object field (`span.start`).
fn field_diff(out: &mut String, path: &str, want: Option<&Value>, got: Option<&Value>) {
    if want == got {
        return;
    }
    if let (Some(Value::Object(w)), Some(Value::Object(g))) = (want, got) {
        let keys = g.keys().chain(w.keys().filter(|k| !g.contains_key(*k)));
        for k in keys {
            field_diff(out, &format!("{path}.{k}"), w.get(k), g.get(k));
        }
        return;
    }
    let show = |v: Option<&Value>| v.map_or("(absent)".into(), Value::to_string);
    let _ = writeln!(out, "    {path}:");
    let _ = writeln!(out, "      expected: {}", show(want));
    let _ = writeln!(out, "      got:      {}", show(got));
}

/// A readable account of how `got` differs from `want` (both lists of diagnostic objects, in
/// order), field by field, with `fields` (the produced diagnostics' field order) giving the order
/// of the fields. Empty when they are equal.
pub fn diff(want: &[Value], got: &[Value], fields: &[String]) -> String {
    if want == got {
        return String::new();
    }
    // Longest common subsequence on (code, pointer): small lists, quadratic is fine.
    let (n, m) = (want.len(), got.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if key(&want[i]) == key(&got[j]) {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && key(&want[i]) == key(&got[j]) {
            if want[i] != got[j] {
                let at = if i == j {
                    format!("[{i}]")
                } else {
                    format!("[{i}] (now [{j}])")
                };
                let _ = writeln!(out, "  diagnostic {at} {}:", summary(&got[j]));
                let empty = serde_json::Map::new();
                let w = want[i].as_object().unwrap_or(&empty);
                let g = got[j].as_object().unwrap_or(&empty);
                let extra = w.keys().filter(|k| !g.contains_key(*k));
                for field in fields.iter().chain(extra) {
                    field_diff(&mut out, field, w.get(field), g.get(field));
                }
            }
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            let _ = writeln!(out, "  diagnostic [{i}] is gone: {}", summary(&want[i]));
            i += 1;
        } else {
            let _ = writeln!(out, "  diagnostic [{j}] is new: {}", summary(&got[j]));
            j += 1;
        }
    }
    let sorted = |list: &[Value]| {
        let mut v: Vec<String> = list.iter().map(Value::to_string).collect();
        v.sort();
        v
    };
    if sorted(want) == sorted(got) {
        let _ = writeln!(out, "  (the same diagnostics, in another order)");
    }
    out
}
