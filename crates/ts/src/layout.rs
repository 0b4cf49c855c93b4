//! Where each type goes (one file per area, as the zome clients are) and how a file reads.

use std::collections::{BTreeMap, BTreeSet};

/// Each area's file, the Rust modules whose types it declares, and what it holds. A type goes
/// to the first area that names its module.
const AREAS: &[(&str, &[&str], &str)] = &[
    (
        "members",
        &[
            "ovn_domain::members::",
            "ovn_integrity::members::",
            "members::",
        ],
        "Members: profiles and projects.",
    ),
    (
        "contributions",
        &[
            "ovn_domain::accounting::",
            "ovn_integrity::accounting::",
            "contributions::",
            "ovn_zome_support::status::",
        ],
        "Contribution accounting: contributions, endorsements, where a contribution stands.",
    ),
    (
        "equations",
        &[
            "ovn_domain::ledger::value_equation",
            "ovn_integrity::ledger::value_equation",
            "ledger::equations::",
        ],
        "Value equations: buckets, valuation rules, the version in force.",
    ),
    (
        "ledger",
        &[
            "ovn_domain::ledger::",
            "ovn_integrity::ledger::",
            "ledger::",
        ],
        "The common ledger: income, value equations, settlements, distributions, receipts.",
    ),
    (
        "resources",
        &[
            "ovn_domain::resources::",
            "ovn_integrity::resources::",
            "resources::",
        ],
        "Resources, their usage rules, custody and uses.",
    ),
    (
        "licenses",
        &[
            "ovn_domain::licenses::",
            "ovn_integrity::licenses::",
            "licenses::",
        ],
        "Licenses: terms, the catalogue, attachments, requests, exceptions, grants.",
    ),
    (
        "governance",
        &[
            "ovn_domain::governance::",
            "ovn_integrity::governance::",
            "governance::",
        ],
        "Governance: proposals, votes, delegations, decisions and their count.",
    ),
    (
        "audit",
        &["ovn_domain::export::", "audit::"],
        "The audit: chain exports (`ovn-chain-export/1`) and reports on an agent.",
    ),
];

/// The file (without `.ts`) that declares the Rust type at `rust_path`.
pub fn file_of(rust_path: &str) -> &'static str {
    AREAS
        .iter()
        .find(|(_, modules, _)| modules.iter().any(|m| rust_path.starts_with(m)))
        .map(|(file, _, _)| *file)
        .unwrap_or_else(|| {
            panic!("{rust_path} is in no area of crates/ts/src/layout.rs: add its module")
        })
}

/// A whole file: what it is, its imports, its declarations.
pub fn file_text<'a>(
    file: &str,
    imports: &BTreeMap<String, BTreeSet<&str>>,
    declarations: impl Iterator<Item = &'a str>,
) -> String {
    let about = AREAS
        .iter()
        .find(|(f, _, _)| *f == file)
        .map_or("", |(_, _, about)| about);
    let mut text = format!(
        "// Generated from the Rust types by crates/ts (`{}`): do not edit.\n// {about}\n\n",
        crate::REGENERATE
    );
    for (from, names) in imports {
        let names: Vec<&str> = names.iter().copied().collect();
        text += &format!("import type {{ {} }} from \"{from}\";\n", names.join(", "));
    }
    for declaration in declarations {
        text += "\n";
        text += declaration;
    }
    text
}
