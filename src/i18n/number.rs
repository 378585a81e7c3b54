//! Numbers as each language writes them: the separator between groups
//! of thousands and the decimal mark.

use super::Lang;

impl Lang {
    /// The separator between groups of three digits: a comma in English,
    /// a narrow no-break space in French, a full stop in German, a
    /// no-break space in Russian and Ukrainian.
    pub fn group_separator(self) -> char {
        match self {
            Lang::En => ',',
            Lang::Fr => '\u{202F}',
            Lang::De => '.',
            Lang::Ru | Lang::Uk => '\u{00A0}',
        }
    }

    /// The decimal mark: a full stop in English, a comma in the others.
    pub fn decimal_mark(self) -> char {
        match self {
            Lang::En => '.',
            Lang::Fr | Lang::De | Lang::Ru | Lang::Uk => ',',
        }
    }
}

/// Digits grouped by three: `1234567` → `1,234,567` in English,
/// `1 234 567` in French. Four digits are grouped too (`1,200`): years
/// never come through here.
pub fn group_digits(digits: &str, lang: Lang) -> String {
    let n = digits.len();
    let sep = lang.group_separator();
    let mut out = String::with_capacity(n + n / 3 * sep.len_utf8());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A number as a reader of `lang` writes it: no `.0` on whole numbers,
/// the whole part grouped by thousands (`1,200`, `3 500 000`), and the
/// language's decimal mark (`12.500,25` in German). Years never come
/// through here.
pub fn number_text(v: f64, lang: Lang) -> String {
    if !v.is_finite() {
        return format!("{v}");
    }
    let plain = if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    };
    // Very large or small numbers print in exponent form, which has no
    // whole part to group.
    if plain.contains(['e', 'E']) {
        return plain;
    }
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain.as_str()),
    };
    let (whole, frac) = match rest.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(plain.len() + whole.len());
    out.push_str(sign);
    out.push_str(&group_digits(whole, lang));
    if let Some(f) = frac {
        out.push(lang.decimal_mark());
        out.push_str(f);
    }
    out
}

/// A number written the English way (`12,500.25`) rewritten with the
/// language's separators (`12 500,25` in French).
pub fn localize_number(english: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return english.to_string();
    }
    english
        .chars()
        .map(|c| match c {
            ',' => lang.group_separator(),
            '.' => lang.decimal_mark(),
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_groups_and_marks_decimals_its_own_way() {
        assert_eq!(group_digits("3500000", Lang::En), "3,500,000");
        assert_eq!(group_digits("1200", Lang::Fr), "1\u{202F}200");
        assert_eq!(group_digits("1200", Lang::De), "1.200");
        assert_eq!(group_digits("1200", Lang::Ru), "1\u{00A0}200");
        assert_eq!(group_digits("999", Lang::Uk), "999");
        assert_eq!(localize_number("12,500.25", Lang::De), "12.500,25");
        assert_eq!(localize_number("12,500.25", Lang::Fr), "12\u{202F}500,25");
        assert_eq!(localize_number("3.5", Lang::Uk), "3,5");
        assert_eq!(localize_number("12,500.25", Lang::En), "12,500.25");
    }
}
