//! Where a byte offset sits in a JSON text, for completion and code lenses: the path from the root
//! to the enclosing container, whether the offset is at a member name or a value, and the member
//! names already present in the enclosing object.
//!
//! A small tolerant scanner, not a parser: text being typed is rarely valid JSON, so unclosed
//! strings and containers, missing commas and stray characters are read as far as they go. No
//! verdicts come from here (those are the core's); only positions.

/// One step of a path: a member name or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    Key(String),
    Index(usize),
}

/// What the offset is at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Slot {
    /// Where a member name goes in an object (between members, or inside a name being typed:
    /// then `string` is the byte span of that name, quotes included).
    Key {
        string: Option<std::ops::Range<usize>>,
    },
    /// The value of member `key` (or an array item when `key` is `None`); `string` is the span of
    /// the string value the offset is inside, quotes included (the closing one may be missing).
    Value {
        key: Option<String>,
        string: Option<std::ops::Range<usize>>,
    },
}

/// The cursor's context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cursor {
    /// The path of the innermost container holding the offset.
    pub(crate) path: Vec<Step>,
    pub(crate) slot: Slot,
    /// The member names of the enclosing object (all of them, also those after the offset);
    /// empty when the container is an array.
    pub(crate) keys: Vec<String>,
}

/// A member name found in the text, with its path and the span of its name (quotes included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeyAt {
    pub(crate) path: Vec<Step>,
    pub(crate) key: String,
    pub(crate) span: std::ops::Range<usize>,
}

struct Frame {
    /// The step from the parent to this container (`None` for the root).
    step: Option<Step>,
    object: bool,
    keys: Vec<String>,
    /// In an object: the member whose value comes next (after its `:`).
    key: Option<String>,
    /// In an object: a `:` was read since the last name.
    after_colon: bool,
    /// In an array: the index of the next item.
    index: usize,
    /// Byte offset of its `{` or `[`.
    start: usize,
}

impl Frame {
    fn slot(&self, string: Option<std::ops::Range<usize>>, is_key: bool) -> Slot {
        if self.object && (is_key || !self.after_colon) {
            Slot::Key { string }
        } else {
            Slot::Value {
                key: if self.object { self.key.clone() } else { None },
                string,
            }
        }
    }
}

fn path(stack: &[Frame]) -> Vec<Step> {
    stack.iter().filter_map(|f| f.step.clone()).collect()
}

/// The cursor in the innermost container of `stack`, and that container's depth.
fn snapshot(stack: &[Frame], slot: Slot) -> (Cursor, usize) {
    let cursor = Cursor {
        path: path(stack),
        slot,
        keys: Vec::new(),
    };
    (cursor, stack.len())
}

/// The cursor at `at` when it lies in the gap before the token at `i` (between tokens), inside
/// the innermost container of `stack`.
fn gap(stack: &[Frame], at: usize, i: usize) -> Option<(Cursor, usize)> {
    let top = stack.last()?;
    (top.start < at && at <= i).then(|| snapshot(stack, top.slot(None, false)))
}

/// Scans `text`, calling `on_key` for every member name; returns the cursor at `offset` (`None`
/// when the offset is outside every container).
fn scan(text: &str, offset: Option<usize>, mut on_key: impl FnMut(KeyAt)) -> Option<Cursor> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    // The cursor once found, and the depth of its container (to collect the rest of its keys).
    let mut found: Option<(Cursor, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if let (Some(at), None) = (offset, &found) {
            found = gap(&stack, at, i);
        }
        match b {
            b'{' | b'[' => {
                // Past the core's depth limit the text is `json/too-deep`: nothing to complete
                // there, and each level deeper would make every key's path longer (a document
                // of 10,000 levels cost seconds and gigabytes).
                if stack.len() >= iot_jobs_lint::MAX_DEPTH {
                    break;
                }
                let step = stack.last_mut().map(|top| {
                    if top.object {
                        Step::Key(top.key.clone().unwrap_or_default())
                    } else {
                        top.index += 1;
                        Step::Index(top.index - 1)
                    }
                });
                stack.push(Frame {
                    step,
                    object: b == b'{',
                    keys: Vec::new(),
                    key: None,
                    after_colon: false,
                    index: 0,
                    start: i,
                });
                i += 1;
            }
            b'}' | b']' => {
                let depth = stack.len();
                if let Some(frame) = stack.pop()
                    && let Some((cursor, at)) = &mut found
                    && *at == depth
                {
                    cursor.keys = frame.keys;
                    *at = usize::MAX;
                }
                i += 1;
            }
            b':' => {
                if let Some(top) = stack.last_mut() {
                    top.after_colon = true;
                }
                i += 1;
            }
            b',' => {
                if let Some(top) = stack.last_mut() {
                    top.after_colon = false;
                    top.key = None;
                }
                i += 1;
            }
            b'"' => {
                let start = i;
                let mut j = i + 1;
                let mut closed = false;
                while j < bytes.len() {
                    match bytes[j] {
                        b'\\' => j += 2,
                        b'"' => {
                            closed = true;
                            j += 1;
                            break;
                        }
                        b'\n' => break,
                        _ => j += 1,
                    }
                }
                let end = j.min(bytes.len());
                let content_end = if closed { end - 1 } else { end };
                let value = text.get(start + 1..content_end).unwrap_or("");
                let value = serde_json::from_str::<String>(&format!("\"{value}\""))
                    .unwrap_or_else(|_| value.to_string());
                let inside = offset.is_some_and(|at| start < at && (at < end || !closed));
                let is_key = stack
                    .last()
                    .is_some_and(|top| top.object && !top.after_colon);
                if let Some(top) = stack.last()
                    && inside
                    && found.is_none()
                {
                    let slot = top.slot(Some(start..end), is_key);
                    found = Some(snapshot(&stack, slot));
                }
                if is_key {
                    on_key(KeyAt {
                        path: path(&stack),
                        key: value.clone(),
                        span: start..end,
                    });
                    if let Some(top) = stack.last_mut() {
                        // The name being typed at the cursor is not "present".
                        if !inside {
                            top.keys.push(value.clone());
                        }
                        top.key = Some(value);
                    }
                }
                i = end;
            }
            _ => {
                // A number, a literal or a stray character: up to the next structural one.
                while i < bytes.len() && !b"{}[]:,\" \t\r\n".contains(&bytes[i]) {
                    i += 1;
                }
            }
        }
    }
    if let (Some(at), None) = (offset, &found) {
        found = gap(&stack, at, bytes.len());
    }
    let (mut cursor, depth) = found?;
    if depth != usize::MAX {
        // The container was never closed: its keys so far.
        cursor.keys = stack
            .get(depth.wrapping_sub(1))
            .map(|f| f.keys.clone())
            .unwrap_or_default();
    }
    Some(cursor)
}

/// The cursor at byte `offset` of `text`.
pub(crate) fn at(text: &str, offset: usize) -> Option<Cursor> {
    scan(text, Some(offset), |_| {})
}

/// Every member name of `text`, in order.
pub(crate) fn keys(text: &str) -> Vec<KeyAt> {
    let mut keys = Vec::new();
    scan(text, None, |k| keys.push(k));
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Step {
        Step::Key(s.to_string())
    }

    #[test]
    fn between_members_of_a_nested_object() {
        let text = r#"{"a": 1, "schedulingConfig": {"startTime": "x",  , "endBehavior": "C"}}"#;
        let offset = text.find(",  ,").unwrap() + 2;
        let c = at(text, offset).unwrap();
        assert_eq!(c.path, vec![key("schedulingConfig")]);
        assert_eq!(c.slot, Slot::Key { string: None });
        assert_eq!(c.keys, vec!["startTime", "endBehavior"]);
    }

    #[test]
    fn inside_a_string_value_and_an_array_item() {
        let text = r#"{"schedulingConfig": {"endBehavior": "CA"}, "abortConfig": {"criteriaList": [{}, {"action": "#;
        let offset = text.find("CA").unwrap() + 1;
        let c = at(text, offset).unwrap();
        assert_eq!(c.path, vec![key("schedulingConfig")]);
        let start = text.find("\"CA").unwrap();
        assert_eq!(
            c.slot,
            Slot::Value {
                key: Some("endBehavior".into()),
                string: Some(start..start + 4)
            }
        );
        let c = at(text, text.len()).unwrap();
        assert_eq!(
            c.path,
            vec![key("abortConfig"), key("criteriaList"), Step::Index(1)]
        );
        assert_eq!(
            c.slot,
            Slot::Value {
                key: Some("action".into()),
                string: None
            }
        );
        assert_eq!(c.keys, vec!["action"]);
    }

    #[test]
    fn a_name_being_typed_is_not_present() {
        let text = "{\"jobId\": \"x\", \"ta\"}";
        let offset = text.find("ta").unwrap() + 2;
        let c = at(text, offset).unwrap();
        assert!(c.path.is_empty());
        let start = text.find("\"ta").unwrap();
        assert_eq!(
            c.slot,
            Slot::Key {
                string: Some(start..start + 4)
            }
        );
        assert_eq!(c.keys, vec!["jobId"]);
        assert_eq!(at(text, 0), None);
    }

    #[test]
    fn keys_carry_their_paths() {
        let text = r#"{"s": {"m": [{"t": 1}]}}"#;
        let found: Vec<_> = keys(text)
            .into_iter()
            .map(|k| (k.path, k.key, text[k.span].to_string()))
            .collect();
        assert_eq!(
            found,
            vec![
                (vec![], "s".into(), "\"s\"".into()),
                (vec![key("s")], "m".into(), "\"m\"".into()),
                (
                    vec![key("s"), key("m"), Step::Index(0)],
                    "t".into(),
                    "\"t\"".into()
                ),
            ]
        );
    }
}

#[cfg(test)]
mod depth {
    use super::*;

    /// Past the core's depth limit the scan stops: 10,000 nested objects once made every
    /// request build a path as long as the depth for every key (seconds, gigabytes).
    #[test]
    fn deep_nesting_stops_at_the_depth_limit() {
        let n = 10_000;
        let text = format!(
            "{{\"jobId\":\"a\",\"x\":{}1{}}}",
            "{\"a\":".repeat(n),
            "}".repeat(n)
        );
        let keys = keys(&text);
        assert!(keys.len() <= iot_jobs_lint::MAX_DEPTH + 2, "{}", keys.len());
        assert!(
            keys.iter()
                .all(|k| k.path.len() <= iot_jobs_lint::MAX_DEPTH)
        );
        // The cursor before the deep part is still found.
        let c = at(&text, 3).unwrap();
        assert!(c.path.is_empty());
    }
}
