//! The hand-written matchers of the five model patterns (`Pattern::is_full_match`, src/shapes/)
//! against the `regex` crate running each pattern's `anchored` text, which is what the library
//! ran before and what goes into the exported JSON Schemas: fixed cases, every code point on its
//! own, and random strings (ASCII-heavy, plus Unicode from many blocks and the whole code space).
//!
//! The two sides read General_Category from different Unicode versions: the library from its run
//! table generated from `unicode-properties` (Unicode 18.0.0; src/unicode.rs), `regex` from its own tables (regex-syntax 0.8: Unicode
//! 16.0.0). The code points that Unicode 17.0 and 18.0 assigned are `Cn` (so `\p{C}`) for `regex`
//! and a letter, mark, number, ... for the library; they and only they are left out of the
//! comparison (see [`assigned_after_unicode_16`]), and their count is pinned. Every other
//! difference fails.

use iot_jobs_lint::shapes::{
    PATTERN_ARN, PATTERN_ID, PATTERN_NO_CONTROL, PATTERN_REASON_CODE, PATTERN_TAG_KEY, Pattern,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use regex::Regex;
use std::sync::OnceLock;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

const PATTERNS: [&Pattern; 5] = [
    &PATTERN_ID,
    &PATTERN_NO_CONTROL,
    &PATTERN_TAG_KEY,
    &PATTERN_ARN,
    &PATTERN_REASON_CODE,
];

/// `regex` compiled from each pattern's `anchored` text, in the order of [`PATTERNS`].
fn regexes() -> &'static [Regex] {
    static RES: OnceLock<Vec<Regex>> = OnceLock::new();
    RES.get_or_init(|| {
        PATTERNS
            .iter()
            .map(|p| Regex::new(p.anchored).unwrap_or_else(|e| panic!("{}: {e}", p.anchored)))
            .collect()
    })
}

/// The Unicode version of the library's General_Category data. The pinned count in
/// [`every_code_point_alone`] is for this version: revisit it when the crate moves on.
const UNICODE_PROPERTIES_VERSION: (u64, u64, u64) = (18, 0, 0);

/// Code points that Unicode 17.0.0 and 18.0.0 assigned: unassigned (`Cn`) in the tables of the
/// `regex` crate (Unicode 16.0.0) but assigned in `unicode-properties` (Unicode 18.0.0). The
/// matchers and `regex` disagree on them by design (the library follows the newer data), so the
/// comparisons skip them. No code point ever becomes unassigned again, so this is exactly the set
/// the version difference explains.
fn assigned_after_unicode_16(c: char) -> bool {
    static CN: OnceLock<Regex> = OnceLock::new();
    let cn = CN.get_or_init(|| Regex::new(r"^\p{Cn}$").unwrap());
    c.general_category() != GeneralCategory::Unassigned && cn.is_match(c.encode_utf8(&mut [0; 4]))
}

/// The patterns on which the matcher and `regex` disagree for `value` (by name).
fn disagreements(value: &str) -> Vec<String> {
    PATTERNS
        .iter()
        .zip(regexes())
        .filter_map(|(p, re)| {
            let ours = p.is_full_match(value);
            let theirs = re.is_match(value);
            (ours != theirs).then(|| format!("{}: matcher {ours}, regex {theirs}", p.anchored))
        })
        .collect()
}

#[test]
fn fixed_cases() {
    // (value, [ID, NO_CONTROL, TAG_KEY, ARN, REASON_CODE])
    let cases: &[(&str, [bool; 5])] = &[
        ("", [false, false, true, false, false]),
        ("bad id!", [false, true, false, false, false]),
        ("team#1", [false, true, false, false, false]),
        ("team:ops/área=1", [false, true, true, false, false]),
        ("two\nlines", [false, false, false, false, false]),
        ("zero\u{200B}width", [false, false, false, false, false]),
        ("arn:aws iot", [false, true, true, false, false]),
        ("FIRMWARE_V2", [true, true, true, false, true]),
        ("Firmware", [true, true, true, false, false]),
        ("job-1_A", [true, true, true, false, false]),
        ("Firmware 2.1 für Pumpen", [false, true, true, false, false]),
        (
            "arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0",
            [false, true, true, true, false],
        ),
        ("arn:~", [false, true, false, true, false]),
        ("arn:", [false, true, true, false, false]),
        ("ARN:aws", [false, true, true, false, false]),
        ("xarn:aws", [false, true, true, false, false]),
        ("arn:aws:é", [false, true, true, false, false]),
        ("arn:aws\u{7F}", [false, false, false, false, false]),
        // `$` is the end of the text: no trailing newline slips through.
        ("job\n", [false, false, false, false, false]),
        ("ABC\r\n", [false, false, false, false, false]),
        ("\u{FEFF}bom", [false, false, false, false, false]),
        ("tab\there", [false, false, false, false, false]),
        ("soft\u{AD}hyphen", [false, false, false, false, false]),
        ("\u{E000}", [false, false, false, false, false]),
        ("\u{F0000}", [false, false, false, false, false]),
        ("\u{378}", [false, false, false, false, false]),
        ("\u{D7FF}", [false, false, false, false, false]),
        ("\u{FFFE}", [false, false, false, false, false]),
        ("\u{10FFFF}", [false, false, false, false, false]),
        ("\u{E0001}", [false, false, false, false, false]),
        ("\u{FFFD}", [false, true, false, false, false]),
        ("e\u{301}", [false, true, false, false, false]),
        (
            "\u{2028}\u{2029}\u{3000}\u{A0}",
            [false, true, true, false, false],
        ),
        ("١٢٣", [false, true, true, false, false]),
        ("Ⅻ²¾", [false, true, true, false, false]),
        ("ǅ", [false, true, true, false, false]),
        ("ＡＢＣ", [false, true, true, false, false]),
        ("東京タワー", [false, true, true, false, false]),
        ("😀", [false, true, false, false, false]),
        ("a_b.c:d/e=f+g-h@i", [false, true, true, false, false]),
        ("_", [true, true, true, false, true]),
        ("-", [true, true, true, false, false]),
    ];
    for (value, expected) in cases {
        for ((p, re), want) in PATTERNS.iter().zip(regexes()).zip(expected) {
            assert_eq!(p.is_full_match(value), *want, "{} on {value:?}", p.anchored);
            assert_eq!(
                re.is_match(value),
                *want,
                "regex {} on {value:?}",
                p.anchored
            );
        }
    }
}

/// Letters assigned after Unicode 16.0 (U+A7CE in Latin Extended-D; U+3D000, the first Seal
/// character, 18.0) are letters for the library, so neither control characters nor rejected in
/// tag keys. `regex` (Unicode 16.0) still has them unassigned.
#[test]
fn newly_assigned_letters_follow_the_newer_data() {
    assert_eq!(
        unicode_properties::UNICODE_VERSION,
        UNICODE_PROPERTIES_VERSION
    );
    for c in ['\u{A7CE}', '\u{3D000}'] {
        let s = c.to_string();
        assert!(assigned_after_unicode_16(c), "{c:?}");
        assert!(PATTERN_NO_CONTROL.is_full_match(&s), "{c:?}");
        assert!(PATTERN_TAG_KEY.is_full_match(&s), "{c:?}");
        assert!(!regexes()[1].is_match(&s), "{c:?}");
    }
}

/// Every code point as the whole value, and after `arn:` (the only pattern with a prefix): each
/// pattern is a repeated character class, so this covers each class exactly.
#[test]
fn every_code_point_alone() {
    assert_eq!(
        unicode_properties::UNICODE_VERSION,
        UNICODE_PROPERTIES_VERSION
    );
    let mut skipped = 0;
    let mut problems = Vec::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        if assigned_after_unicode_16(c) {
            skipped += 1;
            continue;
        }
        let alone = c.to_string();
        for d in disagreements(&alone) {
            problems.push(format!("U+{:04X} in {alone:?}: {d}", c as u32));
        }
        let arn = format!("arn:{c}");
        if PATTERN_ARN.is_full_match(&arn) != regexes()[3].is_match(&arn) {
            problems.push(format!(
                "U+{:04X} in {arn:?}: {}",
                c as u32, PATTERN_ARN.anchored
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} disagreements, first ones:\n{}",
        problems.len(),
        problems[..problems.len().min(20)].join("\n")
    );
    // Unicode 17.0.0 added 4,803 characters, 18.0.0 the rest (11,328 of them Seal, U+3D000..=U+3FC3F).
    assert_eq!(skipped, 17_810, "code points assigned after Unicode 16.0.0");
}

/// Blocks to draw characters from: scripts with letters, digits and marks, separators, format
/// and private-use characters, unassigned code points, and the neighbours of the surrogates.
const BLOCKS: &[(char, char)] = &[
    ('\u{80}', '\u{24F}'),       // C1 controls, Latin-1, Latin Extended
    ('\u{2B0}', '\u{3FF}'),      // modifier letters, combining marks, Greek (U+0378 unassigned)
    ('\u{400}', '\u{52F}'),      // Cyrillic
    ('\u{590}', '\u{6FF}'),      // Hebrew, Arabic (Cf U+0600.., U+061C, Arabic-Indic digits)
    ('\u{900}', '\u{DFF}'),      // Indic scripts: marks, digits, gaps
    ('\u{E00}', '\u{EFF}'),      // Thai, Lao
    ('\u{1680}', '\u{180F}'),    // Ogham space, Runic, Khmer, Mongolian (U+180E Cf)
    ('\u{2000}', '\u{20FF}'),    // spaces, U+200B..U+200F, U+2028/9, U+2060.., super/subscripts
    ('\u{2150}', '\u{218F}'),    // number forms (Nl, No)
    ('\u{2460}', '\u{24FF}'),    // enclosed alphanumerics (No, So)
    ('\u{3000}', '\u{30FF}'),    // ideographic space, kana
    ('\u{4E00}', '\u{4E3F}'),    // CJK ideographs
    ('\u{AC00}', '\u{AC3F}'),    // Hangul syllables
    ('\u{D780}', '\u{D7FF}'),    // Hangul Jamo Extended-B and the gap before the surrogates
    ('\u{E000}', '\u{E0FF}'),    // private use, right after the surrogates
    ('\u{FB00}', '\u{FDFF}'),    // presentation forms (noncharacters U+FDD0..U+FDEF)
    ('\u{FE00}', '\u{FFFF}'),    // variation selectors, U+FEFF, fullwidth, specials, U+FFFE/F
    ('\u{10300}', '\u{1034F}'),  // Old Italic, Gothic (Nl)
    ('\u{1D400}', '\u{1D7FF}'),  // mathematical letters and digits
    ('\u{1F300}', '\u{1FAFF}'),  // emoji and symbols, with gaps
    ('\u{E0000}', '\u{E01FF}'),  // tags (Cf), variation selectors supplement (Mn)
    ('\u{FFF80}', '\u{10FFFF}'), // end of plane 15 and plane 16: private use, noncharacters
];

/// Characters of the patterns' own classes, one alphabet per class, so that the matching side is
/// exercised too.
const ALPHABETS: &[&str] = &[
    "ABCXYZabcxyz0189_-",
    "ABCXYZ0189_",
    "Aaé東Ⅻ²١ _.:/=+-@\u{3000}",
    "AZaz09_-.:/=+@!~#$%^&*()[]{}|\\\"'`<>,;?",
];

/// Near misses of every class: ASCII punctuation, space, controls, DEL, and non-ASCII letters,
/// digits, marks and format characters.
const NEAR_MISSES: &[char] = &[
    ' ', '!', '~', '#', '$', '^', '\\', '\n', '\t', '\r', '\u{7F}', '\0', 'a', 'é', '١', '\u{301}',
    '\u{200B}', '\u{FEFF}', '\u{E000}', '\u{378}', '\u{A0}',
];

fn character() -> impl Strategy<Value = char> {
    prop_oneof![
        2 => prop::sample::select(NEAR_MISSES),
        4 => proptest::char::range(' ', '~'),
        1 => proptest::char::range('\0', '\u{7F}'),
        4 => prop::sample::select(BLOCKS).prop_flat_map(|(lo, hi)| proptest::char::range(lo, hi)),
        2 => any::<char>(),
    ]
    .prop_filter("assigned after Unicode 16.0.0", |c| {
        !assigned_after_unicode_16(*c)
    })
}

/// Text from one alphabet, with the odd near miss.
fn from_alphabet() -> impl Strategy<Value = String> {
    prop::sample::select(ALPHABETS).prop_flat_map(|alphabet| {
        let own: Vec<char> = alphabet.chars().collect();
        let c = prop_oneof![
            15 => prop::sample::select(own),
            1 => prop::sample::select(NEAR_MISSES),
        ];
        prop::collection::vec(c, 1..10).prop_map(String::from_iter)
    })
}

fn value() -> impl Strategy<Value = String> {
    let text = prop_oneof![
        // Mostly ASCII, and Unicode from the blocks and from anywhere.
        2 => prop::collection::vec(character(), 0..12).prop_map(String::from_iter),
        // One pattern's own characters.
        2 => from_alphabet(),
        // A run from one block (letters of one script, or marks, spaces, controls, ...).
        1 => prop::sample::select(BLOCKS)
            .prop_flat_map(|(lo, hi)| prop::collection::vec(proptest::char::range(lo, hi), 1..6))
            .prop_map(String::from_iter)
            .prop_filter("assigned after Unicode 16.0.0", |s| {
                !s.chars().any(assigned_after_unicode_16)
            }),
    ];
    (
        prop::sample::select(&["", "", "", "arn:", "ARN:"][..]),
        text,
    )
        .prop_map(|(prefix, text)| format!("{prefix}{text}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn matchers_agree_with_regex(value in value()) {
        let d = disagreements(&value);
        prop_assert!(d.is_empty(), "{value:?}: {d:?}");
    }
}

/// The generator reaches both outcomes of every pattern often enough for the differential test
/// to mean something.
#[test]
fn generator_reaches_both_outcomes() {
    let mut runner = TestRunner::deterministic();
    let strategy = value();
    let mut counts = [[0u32; 2]; 5];
    for _ in 0..4096 {
        let value = strategy.new_tree(&mut runner).unwrap().current();
        for (p, count) in PATTERNS.iter().zip(&mut counts) {
            count[usize::from(p.is_full_match(&value))] += 1;
        }
    }
    for (p, [no, yes]) in PATTERNS.iter().zip(counts) {
        eprintln!("{}: {yes} matches, {no} non-matches", p.anchored);
        assert!(
            no >= 100 && yes >= 100,
            "{}: {yes} matches, {no} non-matches",
            p.anchored
        );
    }
}
