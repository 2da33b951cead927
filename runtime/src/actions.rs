//! Per-action code sets of the product enums (`products`): what an action
//! can return, and which actions can return a code, read from static tables.
//!
//! Tencent lists, for each action, the codes it may return besides the
//! common codes; every action may return a common code. So
//! [`Action::codes`] yields the listed codes, and [`Action::can_return`]
//! and [`returned_by`](Actions) count the common codes in.

use core::fmt;
use core::marker::PhantomData;

use tencent_errors_table::{ActionTable, Indices};

use crate::__private::{discriminant, fieldless_variant, CodeEnum, FieldlessCodes};
use crate::{CommonCode, TencentError};

/// Implemented by the product enums, which carry an action table. (Their
/// layout is `FieldlessCodes`'s to state.)
#[doc(hidden)]
pub trait ProductActions: FieldlessCodes + TencentError + 'static {
    /// The product's actions and the codes each may return. Read it
    /// through [`action_table`], which keeps one copy per crate.
    const ACTIONS: &'static ActionTable<'static>;
}

/// The action table of `C`. Never inlined, for the reason
/// [`descriptions`](crate::__private::descriptions) gives.
#[doc(hidden)]
#[inline(never)]
pub fn action_table<C: ProductActions>() -> &'static ActionTable<'static> {
    C::ACTIONS
}

/// The index of a known code of `C`; `None` for `Other`.
fn known_index<C: ProductActions>(code: &C) -> Option<u16> {
    let tag = discriminant(code);
    (tag < C::CODE_COUNT).then_some(tag)
}

/// Whether `code` is one of the common codes every action may return.
fn is_common(code: &str) -> bool {
    <CommonCode as CodeEnum>::TABLE.lookup_code(code).is_some()
}

/// One action of a product's API (`RunInstances` of CVM), and the codes it
/// may return.
///
/// ```
/// # #[cfg(feature = "mdl")] {
/// use tencent_errors::products::mdl::MdlCode;
///
/// let create = MdlCode::action("CreateStreamLiveChannel").unwrap();
/// assert_eq!(create.name(), "CreateStreamLiveChannel");
/// // The codes Tencent lists for it...
/// assert!(create.codes().any(|code| code == MdlCode::InvalidParameterName));
/// assert!(create.can_return(&MdlCode::InvalidParameterName));
/// // ...and the common codes, which every action may return.
/// assert!(create.can_return(&MdlCode::RequestLimitExceeded));
/// assert!(!create.can_return(&MdlCode::from_code("InvalidParameter.NoSuchThing")));
/// # }
/// ```
pub struct Action<C> {
    index: u16,
    marker: PhantomData<fn() -> C>,
}

impl<C: ProductActions> Action<C> {
    /// The action named `name`, if the product's API has it.
    ///
    /// Product enums offer it as `action(name)`.
    pub fn find(name: &str) -> Option<Action<C>> {
        action_table::<C>().find(name).map(Action::at)
    }

    fn at(index: u16) -> Action<C> {
        Action {
            index,
            marker: PhantomData,
        }
    }

    /// The action's name, as in the API (`CreateStreamLiveChannel`).
    pub fn name(&self) -> &'static str {
        action_table::<C>().name(self.index).unwrap_or("")
    }

    /// The codes Tencent lists for this action, in the enum's order. The
    /// common codes, which every action may return, are not among them
    /// unless Tencent lists them.
    pub fn codes(&self) -> ActionCodes<C> {
        ActionCodes {
            indices: action_table::<C>().codes(self.index),
            marker: PhantomData,
        }
    }

    /// Whether this action may return `code`: Tencent lists it for the
    /// action, or it is a common code. An unknown code (`Other`) is not
    /// listed, but one that is a common code counts.
    pub fn can_return(&self, code: &C) -> bool {
        match known_index(code) {
            Some(index) if action_table::<C>().returns(self.index, index) => true,
            _ => is_common(code.as_str()),
        }
    }
}

impl<C> Clone for Action<C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<C> Copy for Action<C> {}

impl<C> PartialEq for Action<C> {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}

impl<C> Eq for Action<C> {}

impl<C> core::hash::Hash for Action<C> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.index.hash(state);
    }
}

impl<C: ProductActions> fmt::Debug for Action<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Action").field(&self.name()).finish()
    }
}

impl<C: ProductActions> fmt::Display for Action<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Actions of a product, in name order: every action (`actions()`), or
/// those that may return a code (`returned_by()`).
///
/// ```
/// # #[cfg(feature = "mdl")] {
/// use tencent_errors::products::mdl::MdlCode;
///
/// let creators: Vec<&str> = MdlCode::InvalidParameterName.returned_by().map(|action| action.name()).collect();
/// assert!(creators.contains(&"CreateStreamLiveChannel"));
/// // A common code: every action may return it.
/// assert_eq!(MdlCode::RequestLimitExceeded.returned_by().len(), MdlCode::actions().len());
/// # }
/// ```
pub struct Actions<C> {
    which: Which,
    marker: PhantomData<fn() -> C>,
}

#[derive(Clone)]
enum Which {
    All(core::ops::Range<u16>),
    Listed(Indices<'static>),
}

impl<C: ProductActions> Actions<C> {
    /// Every action of `C`'s API. Product enums offer it as `actions()`.
    pub fn all() -> Actions<C> {
        Actions {
            which: Which::All(0..action_table::<C>().len()),
            marker: PhantomData,
        }
    }

    /// The actions that may return `code`: those Tencent lists it for, or
    /// every action for a common code; none for an unknown code that is
    /// not a common code. Product enums offer it as `returned_by()`.
    pub fn returning(code: &C) -> Actions<C> {
        if is_common(code.as_str()) {
            return Actions::all();
        }
        let indices = match known_index(code) {
            Some(index) => action_table::<C>().actions_of(index),
            None => Indices::new(&[]),
        };
        Actions {
            which: Which::Listed(indices),
            marker: PhantomData,
        }
    }
}

impl<C> Clone for Actions<C> {
    fn clone(&self) -> Self {
        Actions {
            which: self.which.clone(),
            marker: PhantomData,
        }
    }
}

impl<C: ProductActions> Iterator for Actions<C> {
    type Item = Action<C>;

    fn next(&mut self) -> Option<Action<C>> {
        let index = match &mut self.which {
            Which::All(range) => range.next()?,
            Which::Listed(indices) => indices.next()?,
        };
        Some(Action::at(index))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.which {
            Which::All(range) => range.size_hint(),
            Which::Listed(indices) => indices.size_hint(),
        }
    }
}

impl<C: ProductActions> ExactSizeIterator for Actions<C> {}

impl<C: ProductActions> fmt::Debug for Actions<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// The codes Tencent lists for one action: [`Action::codes`].
pub struct ActionCodes<C> {
    indices: Indices<'static>,
    marker: PhantomData<fn() -> C>,
}

impl<C> Clone for ActionCodes<C> {
    fn clone(&self) -> Self {
        ActionCodes {
            indices: self.indices,
            marker: PhantomData,
        }
    }
}

impl<C: ProductActions> Iterator for ActionCodes<C> {
    type Item = C;

    fn next(&mut self) -> Option<C> {
        self.indices.next().and_then(fieldless_variant)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indices.size_hint()
    }
}

impl<C: ProductActions> ExactSizeIterator for ActionCodes<C> {}

impl<C: ProductActions + fmt::Debug> fmt::Debug for ActionCodes<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}
