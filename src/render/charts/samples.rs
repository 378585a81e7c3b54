//! Deterministic test inputs shared by the charts' comparisons with the
//! plain forms of their helpers.

/// A small deterministic generator for test inputs (xorshift).
pub(super) struct Rng(pub(super) u64);

impl Rng {
    /// The next number.
    pub(super) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number below `n`.
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One of `from`.
    pub(super) fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.below(from.len())]
    }
}

/// Characters that matter to the escapes, ids and widths: markup and
/// Mermaid syntax, whitespace, controls, the bytes 0xC2 and 0xEF start
/// (with and without the code points that are replaced), narrow, wide
/// and other letters.
pub(super) const CHARS: &[char] = &[
    'a',
    'i',
    'm',
    'W',
    'Z',
    '0',
    '-',
    '_',
    '.',
    ' ',
    '&',
    '<',
    '>',
    '"',
    '\'',
    '#',
    ';',
    '%',
    '`',
    '[',
    ']',
    '{',
    '}',
    '|',
    '\n',
    '\r',
    '\t',
    '\u{0}',
    '\u{1f}',
    '\u{7f}',
    '\u{80}',
    '\u{85}',
    '\u{9f}',
    '\u{a0}',
    '\u{bf}',
    '\u{e9}',
    '\u{100}',
    '\u{7ff}',
    '\u{800}',
    '\u{10ff}',
    '\u{1100}',
    '\u{2026}',
    '\u{3000}',
    '\u{754c}',
    '\u{efbf}',
    '\u{f7be}',
    '\u{fbfe}',
    '\u{feff}',
    '\u{fffd}',
    '\u{fffe}',
    '\u{ffff}',
    '\u{ffbe}',
    '\u{ffbf}',
    '\u{1f600}',
    '\u{10ffff}',
];

/// Every character up to U+3000 and some above, every string of two
/// of [`CHARS`], then random longer ones.
pub(super) fn samples() -> Vec<String> {
    let mut all = vec![String::new()];
    let singles = (0..0x3000).chain([0xd7ff, 0xe000, 0xfeff, 0xfffd, 0x1_0000, 0x10_ffff]);
    all.extend(singles.filter_map(char::from_u32).map(String::from));
    for &a in CHARS {
        for &b in CHARS {
            all.push([a, b].iter().collect());
        }
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..2000 {
        let len = rng.below(40);
        all.push((0..len).map(|_| rng.pick(CHARS)).collect());
    }
    all
}
