//! Day numbers: civil dates counted in days since 1970-01-01, so a time
//! axis can be drawn to scale. The arithmetic is `crate::date`'s; these
//! are the shapes the charts hold dates in.

/// Days since 1970-01-01 of a civil date.
pub(super) fn day_number((y, m, d): (i32, u8, u8)) -> i64 {
    crate::date::days_from_civil(y, m, d)
}

/// The civil date of a day number.
pub(super) fn civil(days: i64) -> (i64, u8, u8) {
    let (y, m, d) = crate::date::civil_from_days(days);
    (i64::from(y), m, d)
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
