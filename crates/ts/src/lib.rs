//! The UI's TypeScript types, generated from the Rust types: one source for every type that
//! crosses the zome boundary. The typed zome clients (`ui/src/lib/zomes/*.ts`) import the
//! declarations in `ui/src/lib/generated/` (committed, one file per area) instead of copying
//! the Rust types by hand, and svelte-check holds the views to them.
//!
//! The domain, integrity and coordinator crates derive `ts_rs::TS` under their feature `ts`,
//! which only this crate enables (the wasm build never does). Holochain's own types are named
//! through the markers of `ovn_domain::ts` and imported from `ui/src/lib/zomes/types.ts`.
//!
//! # Regenerating
//! After changing a type that crosses the zome boundary: `cargo run -p ovn_ts`, which rewrites
//! `ui/src/lib/generated/`; commit the result with the change. The test
//! `the_ui_types_are_generated_from_the_rust_types` (run by `scripts/test`) fails while the
//! committed files differ from what the Rust types generate, naming the files that drifted.
//!
//! # Layout
//! - this file: [`generate`], collecting the types and writing one file per area.
//! - [`roots`]: the zome inputs, outputs and entry types everything else is reached from.
//! - [`layout`]: which file each Rust module's types go to, and how a file begins.
//! - [`format`]: ts-rs's declarations laid out for reading.

pub mod format;
pub mod layout;
pub mod roots;

use std::any::type_name;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use ts_rs::{Config, TypeVisitor, TS};

/// Where the generated files live, from the workspace root.
pub const GENERATED_DIR: &str = "ui/src/lib/generated";
/// The command that rewrites them.
pub const REGENERATE: &str = "cargo run -p ovn_ts";

/// `ui/src/lib/generated/` of this workspace.
pub fn generated_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(GENERATED_DIR)
}

/// The TypeScript settings: 64-bit integers are `number`, as `@msgpack/msgpack` decodes them
/// (without `useBigInt64`); every amount is at most `MAX_AMOUNT` (10^15 < 2^53), so exact.
pub fn config() -> Config {
    Config::new().with_large_int("number")
}

/// One declared type.
struct Declared {
    /// Its TypeScript name, without generics.
    name: String,
    /// `/** … */` and `type X = …;`.
    text: String,
    /// The names its declaration refers to, with the file each lives in.
    uses: Vec<(String, PathBuf)>,
}

/// Walks the root types and everything they contain, declaring each type once.
pub struct Collector {
    cfg: Config,
    /// By Rust path (generic arguments aside): the file and the declaration.
    declared: BTreeMap<String, (&'static str, Declared)>,
}

impl TypeVisitor for Collector {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        let Some(path) = T::output_path() else {
            return; // a primitive, a container, a generic parameter
        };
        if path.to_str() == Some(ovn_domain::ts::DECLARED_IN) {
            return; // declared by the UI
        }
        let rust = type_name::<T>()
            .split('<')
            .next()
            .unwrap_or_default()
            .to_owned();
        if self.declared.contains_key(&rust) {
            return;
        }
        let file = layout::file_of(&rust);
        let uses = <T::WithoutGenerics as TS>::dependencies(&self.cfg)
            .into_iter()
            .map(|d| (d.ts_name, d.output_path))
            .collect();
        let declared = Declared {
            name: T::ident(&self.cfg),
            text: format::declaration(T::docs(), &T::decl(&self.cfg)),
            uses,
        };
        self.declared.insert(rust, (file, declared));
        T::visit_dependencies(self);
    }
}

/// Every generated file's name (`ledger.ts`) and text, from the Rust types.
pub fn generate() -> BTreeMap<String, String> {
    let mut collector = Collector {
        cfg: config(),
        declared: BTreeMap::new(),
    };
    roots::visit_roots(&mut collector);

    let mut home: BTreeMap<&str, (&str, &str)> = BTreeMap::new(); // name → (file, Rust path)
    for (rust, (file, d)) in &collector.declared {
        if let Some((_, other)) = home.insert(&d.name, (file, rust)) {
            panic!(
                "{rust} and {other} are both `{}` in TypeScript: rename one (#[ts(rename)])",
                d.name
            );
        }
    }

    let mut files: BTreeMap<&str, Vec<&Declared>> = BTreeMap::new();
    for (file, d) in collector.declared.values() {
        files.entry(file).or_default().push(d);
    }
    files
        .into_iter()
        .map(|(file, mut types)| {
            types.sort_by(|a, b| a.name.cmp(&b.name));
            let mut imports: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
            for (name, path) in types.iter().flat_map(|d| &d.uses) {
                let from = match home.get(name.as_str()) {
                    Some((f, _)) if *f == file => continue,
                    Some((f, _)) => format!("./{f}"),
                    None => declared_by_the_ui(name, path),
                };
                imports.entry(from).or_default().insert(name);
            }
            let text = layout::file_text(file, &imports, types.iter().map(|d| d.text.as_str()));
            (format!("{file}.ts"), text)
        })
        .collect()
}

/// The import path of a name the UI declares itself (`ovn_domain::ts`).
fn declared_by_the_ui(name: &str, path: &Path) -> String {
    assert_eq!(
        path.to_str(),
        Some(ovn_domain::ts::DECLARED_IN),
        "`{name}` is used but never declared: is its type reachable from the roots?"
    );
    path.to_string_lossy().trim_end_matches(".ts").to_owned()
}

/// Rewrites `dir` with the generated files, removing any other `.ts` file there.
pub fn write(dir: &Path) -> std::io::Result<Vec<String>> {
    let files = generate();
    std::fs::create_dir_all(dir)?;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.ends_with(".ts") && !files.contains_key(name) {
            std::fs::remove_file(&path)?;
        }
    }
    for (name, text) in &files {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(files.into_keys().collect())
}

/// The files in `dir` that differ from what the Rust types generate (changed, missing or left
/// over), each with its first differing line.
pub fn drifted(dir: &Path) -> Vec<String> {
    let files = generate();
    let mut drifted: Vec<String> = files
        .iter()
        .filter_map(|(name, text)| {
            let committed = std::fs::read_to_string(dir.join(name)).ok();
            match committed {
                None => Some(format!("{name} (missing)")),
                Some(c) if c == *text => None,
                Some(c) => Some(format!("{name} ({})", first_difference(&c, text))),
            }
        })
        .collect();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".ts") && !files.contains_key(&name) {
                drifted.push(format!("{name} (no Rust type generates it)"));
            }
        }
    }
    drifted.sort();
    drifted
}

/// Where `committed` first departs from `generated`: the line number and both lines.
fn first_difference(committed: &str, generated: &str) -> String {
    let c: Vec<&str> = committed.lines().collect();
    let g: Vec<&str> = generated.lines().collect();
    let n = (0..c.len().max(g.len()))
        .find(|&i| c.get(i) != g.get(i))
        .unwrap_or(c.len()); // only the final newline differs
    let line =
        |l: Option<&&str>| l.map_or("(end of file)".to_owned(), |l| format!("`{}`", l.trim()));
    format!(
        "line {} is {}, the Rust types say {}",
        n + 1,
        line(c.get(n)),
        line(g.get(n))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ui_types_are_generated_from_the_rust_types() {
        let drifted = drifted(&generated_dir());
        assert!(
            drifted.is_empty(),
            "the UI's generated types differ from the Rust types in {GENERATED_DIR}/:\n  {}\n\
             Regenerate them with `{REGENERATE}` and commit the result.",
            drifted.join("\n  ")
        );
    }
}
