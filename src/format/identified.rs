//! Items with ids: what id collection, renaming and the pruning of imports
//! need of an item, whatever its section.

use super::handle::Handle;
use crate::pos::Located;

/// An item that other items refer to by id, and that may have been known
/// by other ids before.
pub(crate) trait Identified {
    /// The handle of the item at `index` in its section.
    fn handle(index: usize) -> Handle;
    /// Its id.
    fn id(&self) -> &Located<String>;
    /// The ids it had before, oldest or newest in any order.
    fn supersedes(&self) -> &[Located<String>];
}
