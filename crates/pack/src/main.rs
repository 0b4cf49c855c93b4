//! `ovn-pack`: packs the OVN bundles with Holochain's own bundle code (`mr_bundle`,
//! `holochain_types`), never a hand-made format, and forks the network.
//!
//! ```text
//! ovn-pack dna <dna.yaml> <out.dna>           a DNA bundle from its manifest and built zomes
//! ovn-pack app <happ.yaml> <out.happ>         a hApp bundle (its .dna files must exist)
//! ovn-pack webapp <web-happ.yaml> <out.webhapp>
//!                                             a web-hApp (the hApp and the UI's zip) for launchers
//! ovn-pack dna-hash <file.dna>                the hash of a packed DNA
//! ovn-pack fork <out-dir> --name NAME [...]   a new network: constitution, seed, DNA, hApp
//! ```
//!
//! # Layout
//! - `main`: the commands.
//! - [`fork`]: a community's own network (scripts/fork).

mod fork;

use anyhow::Context;
use clap::{Parser, Subcommand};
use holochain_types::prelude::{AppManifest, DnaBundle, ValidatedDnaManifest};
use holochain_types::web_app::WebAppManifest;
use mr_bundle::FileSystemBundler;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "ovn-pack",
    about = "Packs the OVN bundles and forks the network."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// A DNA bundle from its manifest and the built zomes
    Dna { manifest: PathBuf, out: PathBuf },
    /// A hApp bundle (its .dna files must exist)
    App { manifest: PathBuf, out: PathBuf },
    /// A web-hApp: the hApp and the UI's zip, for launchers (Kangaroo, hc-spin)
    Webapp { manifest: PathBuf, out: PathBuf },
    /// Prints the hash of a packed DNA
    DnaHash { dna: PathBuf },
    /// A community's own network: a new seed and constitution, DNA and hApp; prints the DNA hash
    Fork(Box<fork::ForkArgs>),
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    match run(Cli::parse().command).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ovn-pack: error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Dna { manifest, out } => {
            pack(
                &manifest,
                &out,
                FileSystemBundler::bundle_to::<ValidatedDnaManifest>,
            )
            .await
        }
        Command::App { manifest, out } => {
            pack(&manifest, &out, FileSystemBundler::bundle_to::<AppManifest>).await
        }
        Command::Webapp { manifest, out } => {
            pack(
                &manifest,
                &out,
                FileSystemBundler::bundle_to::<WebAppManifest>,
            )
            .await
        }
        Command::DnaHash { dna } => dna_hash(&dna).await,
        Command::Fork(args) => fork_network(*args).await,
    }
}

/// Prints the hash of the packed DNA at `dna`.
async fn dna_hash(dna: &std::path::Path) -> anyhow::Result<()> {
    let bytes = std::fs::read(dna).with_context(|| format!("cannot read {}", dna.display()))?;
    let (dna_file, _) = DnaBundle::unpack(&bytes[..])
        .with_context(|| format!("{} is not a DNA bundle", dna.display()))?
        .to_dna_file()
        .await?;
    println!("{}", dna_file.dna_hash());
    Ok(())
}

/// Forks the network and prints what was written and how to run it.
async fn fork_network(args: fork::ForkArgs) -> anyhow::Result<()> {
    let out = args.out.clone();
    let fork = fork::fork(args).await?;
    println!("forked network {:?} into {}", fork.slug, out.display());
    println!("  network seed {}", fork.seed);
    println!("  DNA          {}", fork.dna.display());
    println!("  hApp         {}", fork.happ.display());
    println!("  DNA hash     {}", fork.dna_hash);
    println!(
        "run it: target/debug/ovn-node --happ {} --data-dir <a new directory>",
        fork.happ.display()
    );
    Ok(())
}

async fn pack<F, Fut>(
    manifest: &std::path::Path,
    out: &std::path::Path,
    bundle: F,
) -> anyhow::Result<()>
where
    F: FnOnce(PathBuf, PathBuf) -> Fut,
    Fut: std::future::Future<Output = mr_bundle::error::MrBundleResult<()>>,
{
    if !manifest.is_file() {
        anyhow::bail!("manifest {} does not exist", manifest.display());
    }
    bundle(manifest.to_path_buf(), out.to_path_buf())
        .await
        .with_context(|| format!("packing {} into {}", manifest.display(), out.display()))?;
    println!("packed {}", out.display());
    Ok(())
}
