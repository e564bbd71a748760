//! The one trait every output format of the audit writes through, in a file of its own so that
//! the formats (the children of `report`) and the workbook writer use it without using
//! `report`'s module file, which only declares them and re-exports.

use std::io;

use crate::batch::{EvaluatedCase, Invalid};

/// Where evaluated cases go, one at a time, in any format.
pub trait CaseSink {
    /// Writes one evaluated case.
    fn case(&mut self, case: &EvaluatedCase) -> io::Result<()>;
    /// A row that could not be evaluated: only a workbook lists them (on a sheet of their own);
    /// the other outputs leave them to the messages and `--errors`.
    fn invalid(&mut self, _invalid: &Invalid) -> io::Result<()> {
        Ok(())
    }
    /// Writes what ends the output (a closing bracket, the rest of a table, the workbook) and
    /// flushes it.
    fn finish(self: Box<Self>) -> io::Result<()>;
}
