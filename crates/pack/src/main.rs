//! `ovn-pack`: packs the OVN bundles with Holochain's own bundle code (`mr_bundle`,
//! `holochain_types`), never a hand-made format.
//!
//! ```text
//! ovn-pack dna <dna.yaml> <out.dna>      a DNA bundle from its manifest and built zomes
//! ovn-pack app <happ.yaml> <out.happ>    a hApp bundle (its .dna files must exist)
//! ```
//!
//! # Layout
//! - `main`: argument parsing and the two pack commands.

use anyhow::{bail, Context};
use holochain_types::prelude::{AppManifest, ValidatedDnaManifest};
use mr_bundle::FileSystemBundler;
use std::path::PathBuf;

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [kind, manifest, out] = args.as_slice() else {
        bail!("usage: ovn-pack dna|app <manifest.yaml> <out-file>");
    };
    let (manifest, out) = (PathBuf::from(manifest), PathBuf::from(out));
    if !manifest.is_file() {
        bail!("manifest {} does not exist", manifest.display());
    }
    match kind.as_str() {
        "dna" => FileSystemBundler::bundle_to::<ValidatedDnaManifest>(&manifest, &out).await,
        "app" => FileSystemBundler::bundle_to::<AppManifest>(&manifest, &out).await,
        other => bail!("unknown bundle kind {other:?}: expected dna or app"),
    }
    .with_context(|| format!("packing {} into {}", manifest.display(), out.display()))?;
    println!("packed {}", out.display());
    Ok(())
}
