//! A list of applications.
