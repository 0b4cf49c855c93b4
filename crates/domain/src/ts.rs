//! The TypeScript names of Holochain's types, for the UI's generated types (feature `ts`,
//! crates/ts). Holochain's `ActionHash`, `AgentPubKey`, `Timestamp` and `Record` are foreign to
//! every crate here, so none can implement `ts_rs::TS` for them: a field of such a type names
//! one of these markers instead (`#[ts(as = "ovn_domain::ts::ActionHash")]`), and the generated
//! file imports the name from `ui/src/lib/zomes/types.ts`, where the UI declares it.
//!
//! On the wire the domain's identifier parameters (`A`, `R`, `H`, `G`) are always these hashes,
//! so the domain types that take them are declared with them (`#[ts(concrete(..))]`);
//! `LicenseeCategory<R>` alone stays generic, as the zomes use it with two kinds of `R`.

use std::path::PathBuf;
use ts_rs::{Config, TS};

/// Where the UI declares these names, relative to `ui/src/lib/generated/`.
pub const DECLARED_IN: &str = "../zomes/types.ts";

macro_rules! declared_by_the_ui {
    ($($(#[$doc:meta])* $rust:ident => $ts:literal,)*) => {$(
        $(#[$doc])*
        pub struct $rust;

        impl TS for $rust {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &Config) -> String {
                $ts.to_owned()
            }
            fn inline(cfg: &Config) -> String {
                Self::name(cfg)
            }
            fn output_path() -> Option<PathBuf> {
                Some(PathBuf::from(DECLARED_IN))
            }
        }
    )*};
}

declared_by_the_ui! {
    /// A 39-byte action hash (`Uint8Array`).
    ActionHash => "ActionHash",
    /// A 39-byte agent key (`Uint8Array`).
    AgentPubKey => "AgentPubKey",
    /// Holochain's `Timestamp`: microseconds since the Unix epoch, a msgpack integer.
    Timestamp => "Micros",
    /// A whole Holochain record, as `@holochain/client` types it.
    Record => "HcRecord",
}
