//! The Sweettest harness, shared by the suite (`src/main.rs`, the `sweettest` test binary) and
//! the figure examples (`examples/`): our zomes in the real Holochain 0.7.1 conductor.
//!
//! # Layout
//! - [`compiled_wasm`]: compiles each zome once per process instead of once per conductor.
//! - [`common`]: the peers fixture (honest or with a hostile conductor) and assertions.
//! - [`fixtures`]: the entries and inputs tests create, with plausible defaults.
//! - [`two_agents`]: two agents on one conductor, for the figure examples.

pub mod common;
pub mod compiled_wasm;
pub mod fixtures;
pub mod two_agents;
