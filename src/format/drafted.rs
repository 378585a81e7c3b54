//! The drafted marker: `drafted: true` on an item `brief draft` wrote and
//! the author has not yet reviewed. Actors, places, events, agreements,
//! statements and figures may carry it; each such item is a warning
//! (`drafted-not-reviewed`), so `brief check --deny-warnings` fails until
//! the author has reviewed every drafted item and deleted its marker.

use super::checker::Checker;
use crate::diagnostic::Diagnostic;
use crate::pos::Located;

/// Warns about an item marked drafted: `what` names its kind (`actor`),
/// `id` is its id.
pub(crate) fn check(drafted: Option<&Located<bool>>, what: &str, id: &str, c: &mut impl Checker) {
    let Some(marker) = drafted.filter(|d| d.value) else {
        return;
    };
    c.push(
        Diagnostic::warning(
            "drafted-not-reviewed",
            marker.pos,
            format!("the {what} `{id}` was drafted and is not yet reviewed"),
        )
        .with_label("drafted, not reviewed")
        .with_help("check the item against its source, correct it, then delete `drafted: true`"),
    );
}
