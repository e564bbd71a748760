//! The month's figures.
