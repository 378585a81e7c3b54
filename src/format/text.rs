//! Reader-facing text shared by the sections' views: trimmed optional
//! text, lists joined with "and", numbers as written.

/// The text trimmed, or nothing when it is blank.
pub(crate) fn opt(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Names joined as in prose: `a, b and c`.
pub(crate) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// [`join_and`] for borrowed names.
pub(crate) fn join_and_str(items: &[&str]) -> String {
    let owned: Vec<String> = items.iter().map(|s| s.to_string()).collect();
    join_and(&owned)
}

/// A number as a reader writes it: no `.0` on whole numbers.
pub(crate) fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
