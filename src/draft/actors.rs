//! Actors: people with their titles and states, states, organisations,
//! and unnamed sources; later mentions by surname or alias linked to the
//! same actor. Outlets the article relays are found here too: they are
//! sources, not actors.

use super::Context;
use super::model::{Actor, Ids, Relay};

/// What the actor finder found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// The actors, in the order the article first names them.
    pub actors: Vec<Actor>,
    /// The outlets the article relays.
    pub relays: Vec<Relay>,
}

/// The actors and relayed outlets of the article.
pub fn find(_cx: &Context, _ids: &mut Ids) -> Found {
    Found::default()
}
