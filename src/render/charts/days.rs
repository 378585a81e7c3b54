//! Day numbers: civil dates counted in days since 1970-01-01, so a time
//! axis can be drawn to scale.

/// Days since 1970-01-01 of a civil date.
pub(super) fn day_number((y, m, d): (i32, u8, u8)) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
pub(super) fn civil(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number((1970, 1, 1)), 0);
        assert_eq!(day_number((2025, 2, 12)) - day_number((2025, 2, 1)), 11);
        assert_eq!(day_number((2024, 3, 1)) - day_number((2024, 2, 1)), 29);
        for d in [-1000, 0, 1, 20_000, 55_000] {
            let (y, m, dd) = civil(d);
            assert_eq!(day_number((y as i32, m, dd)), d);
        }
    }
}
