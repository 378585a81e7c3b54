//! Where a figure's value lies on a bar of 0 to 100 percent: solid up to
//! what is certain, a range the qualifier leaves open, and a bound.

use crate::format::{FigureView, Meaning};

/// Where a figure's value lies, as drawn.
pub(super) struct Share {
    /// Up to where the bar is solid.
    pub(super) solid: f64,
    /// The hatched stretch the qualifier allows, if any.
    pub(super) range: Option<(f64, f64)>,
    /// The bound's position and which way the value lies from it
    /// (`-1` below, `1` above, `0` around or exact), and whether the bound
    /// itself is included.
    pub(super) bound: f64,
    pub(super) side: i8,
    pub(super) inclusive: bool,
}

/// Where `v`, the value of `f`, lies as drawn: a qualified value is a
/// bound or a range around it, some 10% of it wide (1 to 5 points).
pub(super) fn share(f: &FigureView, v: f64) -> Share {
    let fuzz = (v.abs() * 0.1).clamp(1.0, 5.0);
    let c = |x: f64| x.clamp(0.0, 100.0);
    match f.qualifier.meaning() {
        Meaning::Below => Share {
            solid: c(v - fuzz),
            range: Some((c(v - fuzz), c(v))),
            bound: c(v),
            side: -1,
            inclusive: false,
        },
        Meaning::AtMost => Share {
            solid: c(v - fuzz),
            range: Some((c(v - fuzz), c(v))),
            bound: c(v),
            side: -1,
            inclusive: true,
        },
        Meaning::Above => Share {
            solid: c(v),
            range: Some((c(v), c(v + fuzz))),
            bound: c(v),
            side: 1,
            inclusive: false,
        },
        Meaning::AtLeast => Share {
            solid: c(v),
            range: Some((c(v), c(v + fuzz))),
            bound: c(v),
            side: 1,
            inclusive: true,
        },
        Meaning::Around => Share {
            solid: c(v - fuzz),
            range: Some((c(v - fuzz), c(v + fuzz))),
            bound: c(v),
            side: 0,
            inclusive: true,
        },
        Meaning::AsStated | Meaning::Exact | Meaning::Range => Share {
            solid: c(v),
            range: None,
            bound: c(v),
            side: 0,
            inclusive: true,
        },
    }
}
