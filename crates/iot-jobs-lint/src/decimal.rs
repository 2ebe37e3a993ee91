//! Decimal text to `f64`, correctly rounded, as `str::parse::<f64>` does it, without linking
//! core's `dec2flt` (its code and its 11 KB table of powers of five) into the npm package's
//! WebAssembly.
//!
//! The grammar is core's (`f64::from_str`): an optional sign, then `inf`, `infinity` or `nan` in
//! any case, or digits with an optional point and an optional exponent (at least one digit
//! before or after the point; `5.`, `.5`, `1e5`, `1E+5`). The value is the nearest double, ties
//! to even (IEEE 754 round-to-nearest), from Clinger's exact fast path when the digits and the
//! power of ten are both exact doubles, and otherwise from exact big-integer division (the
//! classic bignum method; inputs past 780 significant digits keep a sticky digit, which cannot
//! change the rounding because a halfway point between two doubles has at most 767 significant
//! digits). The tests compare it with `str::parse::<f64>` bit for bit.

/// Reads `s` as `s.parse::<f64>()` does; `None` where that is an error.
pub(crate) fn parse_f64(s: &str) -> Option<f64> {
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = |v: f64| if negative { -v } else { v };
    if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        return Some(sign(f64::INFINITY));
    }
    if body.eq_ignore_ascii_case("nan") {
        return Some(sign(f64::NAN));
    }
    let b = body.as_bytes();
    let int_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let (int, rest) = b.split_at(int_len);
    let (frac, rest) = match rest.split_first() {
        Some((b'.', r)) => {
            let n = r.iter().take_while(|c| c.is_ascii_digit()).count();
            r.split_at(n)
        }
        _ => (&[][..], rest),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let exponent: i64 = match rest.split_first() {
        None => 0,
        Some((b'e' | b'E', r)) => {
            let (minus, digits) = match r.split_first() {
                Some((b'-', d)) => (true, d),
                Some((b'+', d)) => (false, d),
                _ => (false, r),
            };
            if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            // Saturates far beyond any double's range.
            let e = digits
                .iter()
                .fold(0i64, |e, d| (e * 10 + i64::from(d - b'0')).min(1 << 40));
            if minus { -e } else { e }
        }
        Some(_) => return None,
    };
    // value = DIGITS × 10^exp10, DIGITS without leading or trailing zeros.
    let mut digits: Vec<u8> = int.iter().chain(frac).map(|d| d - b'0').collect();
    let mut exp10 = exponent - frac.len() as i64;
    let leading = digits.iter().take_while(|d| **d == 0).count();
    digits.drain(..leading);
    while digits.last() == Some(&0) {
        digits.pop();
        exp10 += 1;
    }
    if digits.is_empty() {
        return Some(sign(0.0));
    }
    let magnitude = digits.len() as i64 + exp10; // value < 10^magnitude
    if magnitude > 310 {
        return Some(sign(f64::INFINITY));
    }
    if magnitude < -330 {
        return Some(sign(0.0));
    }
    const KEEP: usize = 780;
    if digits.len() > KEEP {
        // The dropped tail is not zero (trailing zeros are gone): a sticky 1 keeps it non-zero.
        exp10 += (digits.len() - KEEP - 1) as i64;
        digits.truncate(KEEP);
        digits.push(1);
    }
    Some(sign(nearest(&digits, exp10)))
}

/// The double nearest to DIGITS × 10^exp10 (non-zero, within the range checked by the caller).
fn nearest(digits: &[u8], exp10: i64) -> f64 {
    // Clinger's fast path: both operands exact, so one IEEE operation rounds correctly.
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    if digits.len() <= 15
        && let Some(p) = POW10.get(exp10.unsigned_abs() as usize)
    {
        let d = digits.iter().fold(0u64, |v, d| v * 10 + u64::from(*d)) as f64;
        return if exp10 < 0 { d / p } else { d * p };
    }
    let mut a = Big::from_digits(digits);
    let mut b = Big(vec![1]);
    if exp10 >= 0 {
        a.mul_pow10(exp10 as u64);
    } else {
        b.mul_pow10(exp10.unsigned_abs());
    }
    // The binary exponent e2 with 2^52 <= a / (b · 2^e2) < 2^53, at least -1074 (subnormals).
    let mut e2 = (a.bits() as i64 - b.bits() as i64 - 53).max(-1074);
    loop {
        let (mut num, mut den) = (a.clone(), b.clone());
        if e2 >= 0 {
            den.shl(e2 as u64);
        } else {
            num.shl(e2.unsigned_abs());
        }
        let (mut q, rem) = num.div_small_quotient(&den, 54);
        if q >= 1 << 53 {
            e2 += 1;
            continue;
        }
        // Round to nearest, ties to even: compare twice the remainder with the divisor.
        let mut twice = rem;
        twice.shl(1);
        match twice.cmp(&den) {
            std::cmp::Ordering::Greater => q += 1,
            std::cmp::Ordering::Equal if q & 1 == 1 => q += 1,
            _ => {}
        }
        if q == 1 << 53 {
            q = 1 << 52;
            e2 += 1;
        }
        if e2 > 971 {
            return f64::INFINITY;
        }
        return if q < 1 << 52 {
            f64::from_bits(q) // subnormal: e2 is -1074
        } else {
            f64::from_bits((((e2 + 1075) as u64) << 52) | (q & ((1 << 52) - 1)))
        };
    }
}

/// An unsigned big integer, little-endian 32-bit limbs, no high zero limbs.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_digits(digits: &[u8]) -> Big {
        let mut n = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let value = chunk.iter().fold(0u32, |v, d| v * 10 + u32::from(*d));
            n.mul_add(10u32.pow(chunk.len() as u32), value);
        }
        n
    }

    /// self = self × m + add.
    fn mul_add(&mut self, m: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut k: u64) {
        while k > 0 {
            let step = k.min(9);
            self.mul_add(10u32.pow(step as u32), 0);
            k -= step;
        }
    }

    fn bits(&self) -> u64 {
        self.0.last().map_or(0, |top| {
            32 * self.0.len() as u64 - u64::from(top.leading_zeros())
        })
    }

    fn shl(&mut self, n: u64) {
        let (limbs, bits) = ((n / 32) as usize, (n % 32) as u32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat_n(0, limbs));
        }
    }

    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// self -= other (other <= self).
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(v < 0);
            *limb = (v + (borrow << 32)) as u32;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// (self / den, self % den) when the quotient is below 2^bits (binary long division).
    fn div_small_quotient(self, den: &Big, bits: u32) -> (u64, Big) {
        let mut rem = self;
        let mut q = 0u64;
        for i in (0..bits).rev() {
            let mut d = den.clone();
            d.shl(u64::from(i));
            if d.cmp(&rem) != std::cmp::Ordering::Greater {
                rem.sub(&d);
                q |= 1 << i;
            }
        }
        (q, rem)
    }
}

#[cfg(test)]
mod tests {
    use super::parse_f64;
    use proptest::prelude::*;

    fn same(s: &str) -> Result<(), TestCaseError> {
        let ours = parse_f64(s);
        let std = s.parse::<f64>().ok();
        match (ours, std) {
            (Some(a), Some(b)) if a.is_nan() && b.is_nan() => {
                prop_assert_eq!(a.is_sign_negative(), b.is_sign_negative(), "{:?}", s)
            }
            (a, b) => prop_assert_eq!(a.map(f64::to_bits), b.map(f64::to_bits), "{:?}", s),
        }
        Ok(())
    }

    /// The exact decimal halfway between `v` (positive, finite) and the next double up: the
    /// hardest inputs for rounding, and the two decimals just below and above it.
    fn halfway(v: f64) -> [String; 3] {
        // Both doubles' exact expansions (a double has at most 1074 digits after the point).
        let lo = format!("{v:.1100}");
        let hi = format!("{:.1100}", f64::from_bits(v.to_bits() + 1));
        let digits = |s: &str| -> Vec<u32> {
            s.bytes()
                .filter(u8::is_ascii_digit)
                .map(|d| u32::from(d - b'0'))
                .collect()
        };
        let point = |s: &str| s.find('.').unwrap();
        let (l, h) = (digits(&lo), digits(&hi));
        // Align on the point: pad the shorter integer part with zeros.
        let width = point(&lo).max(point(&hi));
        let pad = |d: Vec<u32>, p: usize| {
            let mut out = vec![0; width - p];
            out.extend(d);
            out
        };
        let (l, h) = (pad(l, point(&lo)), pad(h, point(&hi)));
        // (l + h) / 2, digit by digit, with one more digit for the half.
        let mut sum = vec![0u32; l.len() + 1];
        let mut carry = 0;
        for i in (0..l.len()).rev() {
            let s = l[i] + h[i] + carry;
            sum[i + 1] = s % 10;
            carry = s / 10;
        }
        sum[0] = carry;
        let mut half = Vec::with_capacity(sum.len() + 1);
        let mut r = 0;
        for d in sum.iter().chain(std::iter::once(&0)) {
            let x = r * 10 + d;
            half.push(x / 2);
            r = x % 2;
        }
        // half has width + 1 integer digits.
        let text = |d: &[u32]| {
            let s: String = d.iter().map(|d| char::from(b'0' + *d as u8)).collect();
            format!("{}.{}", &s[..width + 1], &s[width + 1..])
        };
        let mut below = half.clone();
        let mut above = half.clone();
        below.push(0);
        above.push(0);
        // Just below: subtract one in a far digit; just above: add one there.
        below.extend([9; 3]);
        let mut i = half.len() - 1;
        while below[i] == 0 {
            below[i] = 9;
            i -= 1;
        }
        below[i] -= 1;
        above.extend([0, 0, 1]);
        [text(&half), text(&below), text(&above)]
    }

    proptest! {
        #[test]
        fn any_double_printed(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            for s in [format!("{v}"), format!("{v:e}"), format!("{v:?}"), format!("{v:.3e}")] {
                same(&s)?;
            }
        }

        #[test]
        fn digits_and_exponents(
            sign in "[+\\-]?",
            int in "[0-9]{0,25}",
            frac in "(\\.[0-9]{0,25})?",
            exp in prop_oneof![Just(String::new()), (-400i32..400).prop_map(|e| format!("e{e}")), (-30i32..30).prop_map(|e| format!("E{e:+}"))],
        ) {
            same(&format!("{sign}{int}{frac}{exp}"))?;
        }

        #[test]
        fn halfway_points(bits in 1u64..0x7FEF_FFFF_FFFF_FFFF) {
            for s in halfway(f64::from_bits(bits)) {
                same(&s)?;
            }
        }

        #[test]
        fn any_text(s in "[0-9.eE+\\-infatyINFATY ]{0,12}") {
            same(&s)?;
        }
    }

    #[test]
    fn edges() {
        for s in [
            "",
            "+",
            "-",
            ".",
            "e5",
            ".e5",
            "5.",
            ".5",
            "-.5",
            "+5",
            "1e",
            "1e+",
            "1e-",
            "1.e5",
            "inf",
            "-INF",
            "Infinity",
            "+infinity",
            "nan",
            "-NaN",
            "infinit",
            "1_0",
            " 1",
            "1 ",
            "0",
            "-0",
            "0e999999999999999999999",
            "1e999999999999999999999",
            "1e-999999999999999999999",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "2e308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "9007199254740993",
            "9007199254740993.0000000000000000000001",
            "123456789012345678901234567890",
            "0.000000000000000000000000000000000000000000001e45",
            "1430",
            "1.1",
            "100.0",
        ] {
            same(s).unwrap();
        }
        let [half, below, above] = halfway(1.0);
        let trimmed = half.trim_start_matches('0').trim_end_matches('0');
        assert_eq!(
            trimmed,
            "1.00000000000000011102230246251565404236316680908203125"
        );
        assert_eq!(parse_f64(&half), Some(1.0));
        assert_eq!(parse_f64(&below), Some(1.0));
        assert_eq!(
            parse_f64(&above),
            Some(f64::from_bits(1.0f64.to_bits() + 1))
        );
        let long = format!("0.{}1e400", "0".repeat(5000));
        same(&long).unwrap();
        let many = format!("1.{}", "3".repeat(3000));
        same(&many).unwrap();
    }
}
