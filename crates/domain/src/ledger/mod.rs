//! The common ledger: income, the value equation, exact apportionment, distributions and the
//! settlements they are computed from.
//!
//! # Layout
//! - [`income`]: income sources and the rules on recorded income.
//! - [`value_equation`]: the typed value equation: buckets, valuation rules, claim types; its
//!   checks, a contribution's value, and the network's default.
//! - [`apportion`]: the one exact largest-remainder split (with caps) every share uses.
//! - [`distribution`]: [`distribute`](distribution::distribute), sharing an income exactly,
//!   bucket by bucket (each bucket's pot and claims in `distribution/pot.rs`), with a trace.
//! - [`settlement`]: the common ledger's pages of counted contributions, and the one check of a
//!   counted contribution's confirmations.

pub mod apportion;
pub mod distribution;
pub mod income;
pub mod settlement;
pub mod value_equation;
