//! The pages: server-rendered HTML that works without JavaScript, in Finnish, Swedish or English.
//! Templates are maud macros, checked when compiled; everything they show comes from the library.
//!
//! One page a file: `check.rs`, `audit.rs`, `calendar.rs`; what they share is in `layout.rs`.

mod audit;
mod calendar;
mod check;
pub(super) mod layout;

pub use audit::{audit_download, audit_page, audit_post};
pub use calendar::calendar_page;
pub use check::{check_page, check_post};
pub use layout::failure_page;
