//! Whether the value of a string literal is itself JSON text, read through the literal's escapes
//! without decoding it into a copy.
//!
//! An inline job document is JSON text inside a JSON string: mostly `\"`, with the document's own
//! escapes doubled (`\\n`). The linter only needs a verdict unless the document is broken, so
//! this reader validates the decoded characters as they come and keeps no tree and no copy (a
//! 128-bit word holds the nesting; only a deeper document allocates). It accepts exactly what
//! `serde_json::from_str::<serde::de::IgnoredAny>` accepts for the decoded text, nesting
//! included, with one deliberate difference: a lone surrogate escape (`\\ud800` without its low
//! half) is rejected, as the outer reader rejects it (serde_json's `IgnoredAny` skips it, its
//! `Value` rejects it). Differential tests below hold it there; the caller asks serde_json for
//! the error message when the verdict is no.
// Like the outer reader: bounds are checked before each index; fuzzed through the lint target.
#![allow(clippy::indexing_slicing)]

use super::{escape_at, simple_escape, skip_plain};

/// Whether `raw`, the inside of a string literal the parser validated, decodes to JSON text.
pub(crate) fn is_json_text(raw: &str) -> bool {
    Reader {
        b: raw.as_bytes(),
        i: 0,
    }
    .document()
    .is_some()
}

/// A cursor over the decoded characters of a validated literal. Characters come as code points;
/// raw non-ASCII UTF-8 bytes come one by one (each >= 0x80), which is all the grammar needs: it
/// allows them inside strings only, whatever they spell.
struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    /// The next decoded character.
    #[inline]
    fn next(&mut self) -> Option<u32> {
        let c = *self.b.get(self.i)?;
        if c != b'\\' {
            self.i += 1;
            return Some(u32::from(c));
        }
        if let Some(d) = simple_escape(self.b.get(self.i + 1).copied()) {
            self.i += 2;
            return Some(u32::from(d));
        }
        let (c, used) = escape_at(self.b, self.i);
        self.i += used;
        Some(c as u32)
    }

    /// The next decoded character after JSON whitespace, consumed.
    #[inline]
    fn next_token(&mut self) -> Option<u32> {
        loop {
            match self.next()? {
                0x20 | 0x09 | 0x0A | 0x0D => continue,
                c => return Some(c),
            }
        }
    }

    /// The next decoded character, not consumed.
    #[inline]
    fn peek(&self) -> Option<u32> {
        Reader {
            b: self.b,
            i: self.i,
        }
        .next()
    }

    /// Expects `rest` next (the tail of `true`, `false` or `null`).
    fn word(&mut self, rest: &[u8]) -> Option<()> {
        rest.iter()
            .all(|&w| self.next() == Some(u32::from(w)))
            .then_some(())
    }

    /// A string after its opening quote.
    fn string(&mut self) -> Option<()> {
        loop {
            // Raw bytes other than a backslash are ordinary characters: a validated literal holds
            // no raw quote or control byte.
            self.i = skip_plain(self.b, self.i);
            match self.next()? {
                0x22 => return Some(()),
                0x5C => match self.next()? {
                    0x22 | 0x5C | 0x2F | 0x62 | 0x66 | 0x6E | 0x72 | 0x74 => {}
                    0x75 => match self.hex4()? {
                        // A surrogate escape must be half of a pair, as in the outer reader:
                        // a lone one decodes to no character, and device parsers disagree on it.
                        0xD800..=0xDBFF => {
                            (self.next()? == 0x5C && self.next()? == 0x75).then_some(())?;
                            if !(0xDC00..=0xDFFF).contains(&self.hex4()?) {
                                return None;
                            }
                        }
                        0xDC00..=0xDFFF => return None,
                        _ => {}
                    },
                    _ => return None,
                },
                c if c < 0x20 => return None,
                _ => {}
            }
        }
    }

    /// Four hex digits (after a document-level `\\u`) as a code unit.
    fn hex4(&mut self) -> Option<u32> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = char::from_u32(self.next()?)?.to_digit(16)?;
            unit = unit * 16 + digit;
        }
        Some(unit)
    }

    fn digits(&mut self) -> usize {
        let mut n = 0;
        while self.peek().is_some_and(|c| (0x30..=0x39).contains(&c)) {
            self.next();
            n += 1;
        }
        n
    }

    /// A number whose first character `first` was read.
    fn number(&mut self, first: u32) -> Option<()> {
        let first = if first == u32::from(b'-') {
            self.next()?
        } else {
            first
        };
        match first {
            0x30 => {
                if self.peek().is_some_and(|c| (0x30..=0x39).contains(&c)) {
                    return None;
                }
            }
            0x31..=0x39 => {
                self.digits();
            }
            _ => return None,
        }
        if self.peek() == Some(u32::from(b'.')) {
            self.next();
            if self.digits() == 0 {
                return None;
            }
        }
        if matches!(self.peek(), Some(0x45 | 0x65)) {
            self.next();
            if matches!(self.peek(), Some(0x2B | 0x2D)) {
                self.next();
            }
            if self.digits() == 0 {
                return None;
            }
        }
        Some(())
    }

    /// A whole JSON text: one value between optional whitespace. Nesting is unlimited, as in
    /// serde_json's `IgnoredAny`.
    fn document(&mut self) -> Option<()> {
        let mut nesting = Nesting::default();
        loop {
            // A value starts here.
            let mut closed = false;
            match self.next_token()? {
                0x7B => {
                    nesting.push(true);
                    match self.next_token()? {
                        0x7D => closed = true,
                        0x22 => {
                            self.string()?;
                            (self.next_token()? == 0x3A).then_some(())?;
                            continue;
                        }
                        _ => return None,
                    }
                }
                0x5B => {
                    nesting.push(false);
                    let save = self.i;
                    if self.next_token()? == 0x5D {
                        closed = true;
                    } else {
                        self.i = save;
                        continue;
                    }
                }
                0x22 => self.string()?,
                0x74 => self.word(b"rue")?,
                0x66 => self.word(b"alse")?,
                0x6E => self.word(b"ull")?,
                c @ (0x2D | 0x30..=0x39) => self.number(c)?,
                _ => return None,
            }
            if closed {
                nesting.pop();
            }
            // After a value: a separator, the end of its container(s), or the end of the text.
            loop {
                let Some(in_object) = nesting.top() else {
                    return self.next_token().is_none().then_some(());
                };
                match self.next_token()? {
                    0x2C if in_object => {
                        (self.next_token()? == 0x22).then_some(())?;
                        self.string()?;
                        (self.next_token()? == 0x3A).then_some(())?;
                        break;
                    }
                    0x2C => break,
                    0x7D if in_object => {}
                    0x5D if !in_object => {}
                    _ => return None,
                }
                nesting.pop();
            }
        }
    }
}

/// The open containers, innermost last: whether each is an object. The first 128 levels live in
/// one word; deeper ones (rare, but serde_json allows them) in a vector.
#[derive(Default)]
struct Nesting {
    shallow: u128,
    deep: Vec<bool>,
    depth: usize,
}

impl Nesting {
    fn push(&mut self, object: bool) {
        if self.depth < 128 {
            self.shallow = self.shallow & !(1 << self.depth) | u128::from(object) << self.depth;
        } else {
            self.deep.push(object);
        }
        self.depth += 1;
    }

    fn top(&self) -> Option<bool> {
        let d = self.depth.checked_sub(1)?;
        Some(if d < 128 {
            self.shallow >> d & 1 == 1
        } else {
            self.deep[d - 128]
        })
    }

    fn pop(&mut self) {
        self.depth -= 1;
        if self.depth >= 128 {
            self.deep.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// serde_json's verdict on the decoded text.
    /// serde_json's verdict on the decoded text, with the one deliberate difference: a lone
    /// surrogate escape, which `IgnoredAny` skips, is rejected (as serde_json's `Value` does; its
    /// other refusals, nesting and number range, are not rejections of the text).
    fn serde_accepts(text: &str) -> bool {
        serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
            && serde_json::from_str::<serde_json::Value>(text).map_or_else(
                |e| {
                    let e = e.to_string();
                    !(e.contains("surrogate") || e.contains("hex escape"))
                },
                |_| true,
            )
    }

    /// Our verdict on `text` embedded in a string literal, both as serde_json escapes it and
    /// with every character a `\uXXXX` escape.
    fn verdicts(text: &str) -> [bool; 2] {
        let literal = serde_json::to_string(text).unwrap();
        let all_u: String = text.encode_utf16().map(|u| format!("\\u{u:04x}")).collect();
        [
            is_json_text(&literal[1..literal.len() - 1]),
            is_json_text(&all_u),
        ]
    }

    #[test]
    fn fixed_cases() {
        for text in [
            "{}",
            " [ ] ",
            "{\"a\": [1, -0.5e+3, true, false, null, \"x\\\"y\\u00e9\"]}",
            "\"\u{e9}\u{1F600}\"",
            "0",
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "-",
            "1.",
            "1e",
            "1x",
            "tru",
            "nulls",
            "\"a\nb\"",
            "\"\\x\"",
            "\"\\u12G4\"",
            "\u{e9}",
            "[1] [2]",
            "{\"a\" 1}",
            "{1:2}",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud83d\\u0041\"",
            "\"\\ud83dx\"",
        ] {
            let want = serde_accepts(text);
            assert_eq!(verdicts(text), [want, want], "{text:?}");
        }
    }

    #[test]
    fn deep_nesting_matches_serde_json() {
        for depth in [1, 127, 128, 129, 130, 300, 5000] {
            for (open, close) in [("[", "]"), ("{\"k\":", "}")] {
                let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
                let want = serde_accepts(&text);
                assert_eq!(verdicts(&text), [want, want], "depth {depth} {open}");
                // Unbalanced: one closer short, or one too many.
                for broken in [&text[..text.len() - 1], &format!("{text}{close}")] {
                    assert_eq!(verdicts(broken), [false, false], "depth {depth} {open}");
                }
            }
        }
    }

    proptest! {
        /// Random JSON-ish text (mostly valid pieces, sometimes broken) gets serde_json's verdict.
        #[test]
        fn matches_serde_json(text in "([\\[\\]{}:, \\n\\t]|\"([a-z\u{e9}\u{1F600}]|\\\\[\"\\\\/bfnrtux]|\\\\u00[0-9a-fA-FG]{2})*\"?|-?(0|[1-9][0-9]{0,3})(\\.[0-9]{0,2})?([eE][+-]?[0-9]{0,2})?|true|fals|null|[\u{1}\u{7f}])*") {
            let want = serde_accepts(&text);
            prop_assert_eq!(verdicts(&text), [want, want], "{:?}", text);
        }

        /// Valid documents built by serde_json itself are accepted.
        #[test]
        fn accepts_what_serde_json_writes(v in arbitrary_json()) {
            for text in [v.to_string(), serde_json::to_string_pretty(&v).unwrap()] {
                prop_assert_eq!(verdicts(&text), [true, true], "{}", text);
            }
        }
    }

    /// Characters a one-character mutation inserts or writes over: structure, escapes, number
    /// parts, controls at the edges of the allowed range, non-ASCII.
    const MUTATIONS: &[char] = &[
        '{', '}', '[', ']', ':', ',', '"', '\\', '/', 'u', 'n', 't', 'e', 'E', '.', '-', '+', '0',
        '1', ' ', '\n', '\u{0}', '\u{1f}', '\u{7f}', '\u{e9}', 'x',
    ];

    proptest! {
        /// Valid documents with one character inserted, deleted or replaced: the near misses
        /// where two readers are most likely to disagree.
        #[test]
        fn one_character_mutations_match_serde_json(
            v in arbitrary_json(),
            pretty in any::<bool>(),
            at in any::<prop::sample::Index>(),
            op in 0..3u8,
            c in prop::sample::select(MUTATIONS),
        ) {
            let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { v.to_string() };
            let mut chars: Vec<char> = text.chars().collect();
            let i = at.index(chars.len() + 1);
            match op {
                0 => chars.insert(i, c),
                1 if i < chars.len() => { chars.remove(i); }
                _ if i < chars.len() => chars[i] = c,
                _ => chars.push(c),
            }
            let text: String = chars.into_iter().collect();
            let want = serde_accepts(&text);
            prop_assert_eq!(verdicts(&text), [want, want], "{:?}", text);
        }
    }

    fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(serde_json::Value::from),
            any::<String>().prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
                proptest::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
