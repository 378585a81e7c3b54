//! Reader-facing text shared by the sections' views: trimmed optional
//! text, lists joined with "and", numbers as a reader writes them.

/// The text trimmed, or nothing when it is blank.
pub(crate) fn opt(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Names joined as in prose: `a, b and c`.
pub(crate) fn join_and(items: &[String]) -> String {
    join_with(items, &crate::i18n::words().get("and"))
}

/// Items joined with commas, and `word` before the last.
fn join_with(items: &[String], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

/// Alternatives as in prose: `a, b or c`.
pub(crate) fn join_or(items: &[String]) -> String {
    join_with(items, &crate::i18n::words().get("or"))
}

/// [`join_and`] for borrowed names.
pub(crate) fn join_and_str(items: &[&str]) -> String {
    let owned: Vec<String> = items.iter().map(|s| s.to_string()).collect();
    join_and(&owned)
}

/// A number as a reader of the current language writes it (see
/// [`crate::i18n::number_text`]): `1,200`, `3,500,000`, `12,500.5` in
/// English.
pub(crate) fn number_text(v: f64) -> String {
    crate::i18n::number_text(v, crate::i18n::words().lang())
}

/// Digits grouped by three with commas: `1234567` → `1,234,567`. Four
/// digits are grouped too (`1,200`): the format prints no years this way.
pub(crate) fn group_thousands(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_thousands_and_keep_decimals() {
        assert_eq!(number_text(20.0), "20");
        assert_eq!(number_text(999.0), "999");
        assert_eq!(number_text(1200.0), "1,200");
        assert_eq!(number_text(12500.0), "12,500");
        assert_eq!(number_text(3_500_000.0), "3,500,000");
        assert_eq!(number_text(3.5), "3.5");
        assert_eq!(number_text(12500.25), "12,500.25");
        assert_eq!(number_text(-1200.0), "-1,200");
        assert_eq!(number_text(0.0), "0");
    }
}
