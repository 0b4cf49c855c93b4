//! The common ledger's rules, each kept and broken on the author's own conductor, one function
//! per numbered rule (ARCHITECTURE.md's rules table maps them): a distribution must match its
//! recomputation, respect its cutoff, distribute the author's own income once; a settlement
//! lists counted contributions of its project exactly as signed; equations are adopted by
//! stewards in version order; incomes are positive, received, of a project; receipts state
//! what was paid; ledger index links point at the linker's own entry under the right key. The
//! coordinators refuse bad input with typed errors before anything is written.
//!
//! # Layout
//! - [`books`]: the world the three drivers each set up: counted work, an income distributed.
//! - [`distributions`], [`settlements`] (with the ledger's index links), [`equations`] (with
//!   incomes, receipts and the coordinator's refusals): the rule functions.

pub(crate) mod books;
mod distributions;
mod equations;
mod settlements;

use crate::rule_runner;
use books::Books;

#[tokio::test(flavor = "multi_thread")]
async fn a_distribution_must_equal_its_recomputation_and_keep_its_cutoff() {
    rule_runner::drive("distribution", distributions::rules(), Books::new()).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_settlement_lists_counted_contributions_of_its_project_as_signed() {
    rule_runner::drive("settlement", settlements::rules(), Books::new()).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn equations_incomes_and_receipts_refuse_bad_input_and_write_nothing() {
    let rules = equations::rules();
    rule_runner::drive("equation, income and receipt", rules, Books::new()).await;
}
