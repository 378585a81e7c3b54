//! Coordinates written into a chart with at most one decimal, digit by
//! digit, without formatting a float.

use std::fmt;

/// 0 for what is not finite.
#[derive(Clone, Copy)]
pub(super) struct Num(pub(super) f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = if self.0.is_finite() { self.0 } else { 0.0 };
        let tenths = (v * 10.0).round();
        if tenths.abs() >= 1e15 {
            // Far beyond any drawing: the general formatting, which the
            // digits below agree with for everything smaller.
            let r = tenths / 10.0;
            return if r.fract() == 0.0 {
                write!(f, "{}", r as i64)
            } else {
                write!(f, "{r:.1}")
            };
        }
        // `tenths` is a whole number, held exactly. Below 1e15 tenths, a
        // value whose tenth is not 0 is never whole in an `f64`, and `{:.1}`
        // writes exactly its tenths: so the digits are written here, the
        // whole part, then `.` and the tenth unless it is 0.
        let t = tenths as i64;
        let (whole, tenth) = (t.unsigned_abs() / 10, t.unsigned_abs() % 10);
        let mut text = [0u8; 24];
        let mut at = text.len();
        let mut put = |b: u8| {
            at -= 1;
            text[at] = b;
        };
        if tenth != 0 {
            put(b'0' + tenth as u8);
            put(b'.');
        }
        let mut rest = whole;
        loop {
            put(b'0' + (rest % 10) as u8);
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if t < 0 {
            put(b'-');
        }
        // ASCII, so UTF-8.
        f.write_str(std::str::from_utf8(&text[at..]).map_err(|_| fmt::Error)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::samples::Rng;

    /// The plain form `Num` had before it wrote its digits itself: it must
    /// write exactly what this writes.
    fn plain(v: f64) -> String {
        let v = if v.is_finite() { v } else { 0.0 };
        let r = (v * 10.0).round() / 10.0;
        if r.fract() == 0.0 {
            format!("{}", r as i64)
        } else {
            format!("{r:.1}")
        }
    }

    #[test]
    fn numbers_are_written_as_format_wrote_them() {
        let mut values: Vec<f64> = vec![
            0.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            0.05,
            -0.05,
            0.04999999999999999,
            0.15,
            0.25,
            0.35,
            0.45,
            -0.45,
            0.95,
            -0.95,
            9.95,
            99.95,
            -99.95,
            719.95,
            1e14,
            1e14 - 0.05,
            1e14 + 0.05,
            99_999_999_999_999.9,
            -99_999_999_999_999.9,
            1e15,
            -1e15,
            1e16 + 2.0,
            1e17,
            4.5e15,
            9.007_199_254_740_993e15,
            i64::MAX as f64,
            i64::MIN as f64,
            1e19,
            -1e19,
            1e300,
        ];
        // Every hundredth and some thousandths: the roundings at .x5.
        values.extend((-300_000..300_000).map(|i| f64::from(i) / 100.0));
        values.extend((-30_000..30_000).map(|i| f64::from(i) / 1000.0));
        values.extend((-3000..3000).map(|i| f64::from(i) * 0.1 + 0.05));
        // Random values over many magnitudes, and random bit patterns.
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..200_000 {
            let mantissa = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
            let exponent = rng.below(40) as i32 - 20;
            let sign = if rng.next() & 1 == 0 { 1.0 } else { -1.0 };
            values.push(sign * mantissa * 10f64.powi(exponent));
            values.push(f64::from_bits(rng.next()));
        }
        for v in values {
            assert_eq!(Num(v).to_string(), plain(v), "{v:e}");
        }
    }
}
