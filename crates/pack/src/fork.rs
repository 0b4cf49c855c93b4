//! `ovn-pack fork`: a community's own network in one command. The constitution (DNA
//! properties) starts from the base DNA's (or a file's), takes the values given, is checked with
//! the rules the integrity zome applies at run time, and is written with a new network seed into
//! a new DNA manifest, DNA bundle and hApp bundle; the new DNA hash is printed. Nothing is
//! written when the constitution is refused or the output directory exists.

use anyhow::{bail, Context};
use holochain_types::prelude::{AppManifest, DnaBundle, ValidatedDnaManifest};
use mr_bundle::FileSystemBundler;
use ovn_domain::{Currency, Membrane, NetworkConstitution, ValueEquation};
use std::path::{Path, PathBuf};
use yaml_serde::Value;

#[derive(clap::Args, Debug)]
pub struct ForkArgs {
    /// The directory to write the fork into (must not exist yet)
    pub out: PathBuf,
    /// The network's name
    #[arg(long)]
    pub name: String,
    /// What the network is for
    #[arg(long)]
    pub purpose: Option<String>,
    /// The currency, as CODE or CODE:MINOR_UNITS (e.g. CAD:2, HOURS:0)
    #[arg(long, value_name = "CODE[:MINOR]")]
    pub currency: Option<String>,
    /// K: confirmations after which a contribution counts (1 to 100)
    #[arg(long, value_name = "K")]
    pub endorsements: Option<u32>,
    /// Who may join: `open`, or `invite-only:<progenitor agent key uhCAk…>`
    #[arg(long)]
    pub membrane: Option<String>,
    /// The default value equation, a YAML file (the `value_equation` of dnas/ovn/dna.yaml)
    #[arg(long, value_name = "FILE")]
    pub equation: Option<PathBuf>,
    /// The license catalogue, a YAML file (a list like `licenses` of dnas/ovn/dna.yaml)
    #[arg(long, value_name = "FILE")]
    pub licenses: Option<PathBuf>,
    /// The governance rules, a YAML map like `governance` of ARCHITECTURE.md (what it omits
    /// keeps the defaults: e.g. `min_window_secs: 60` alone)
    #[arg(long, value_name = "FILE")]
    pub governance: Option<PathBuf>,
    /// A whole constitution (YAML) to start from instead of the base DNA's
    #[arg(long, value_name = "FILE")]
    pub constitution: Option<PathBuf>,
    /// The network seed [default: 16 random bytes, hex]
    #[arg(long)]
    pub seed: Option<String>,
    /// The DNA manifest to fork
    #[arg(long, value_name = "FILE", default_value = "dnas/ovn/dna.yaml")]
    pub base: PathBuf,
    /// The hApp manifest to fork
    #[arg(long, value_name = "FILE", default_value = "happ.yaml")]
    pub base_happ: PathBuf,
}

/// What a fork produced.
pub struct Fork {
    pub slug: String,
    pub dna: PathBuf,
    pub happ: PathBuf,
    pub dna_hash: String,
    pub seed: String,
}

pub async fn fork(args: ForkArgs) -> anyhow::Result<Fork> {
    let mut base = read_yaml(&args.base)?;
    let base_dir = args
        .base
        .canonicalize()?
        .parent()
        .context("the base manifest has no directory")?
        .to_path_buf();
    let constitution = constitution(&args, &base)?;
    let slug = slug_of(&constitution.network_name)?;
    if args.out.exists() {
        bail!(
            "{} already exists: give a new directory (a fork is never written over another)",
            args.out.display()
        );
    }
    let seed = match &args.seed {
        Some(seed) if seed.trim().is_empty() => bail!("--seed is empty"),
        Some(seed) => seed.clone(),
        None => random_seed()?,
    };
    dna_manifest(&mut base, &base_dir, &slug, &seed, &constitution)?;
    let happ = happ_manifest(&args.base_happ, &slug)?;

    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let written = write_fork(&args.out, &slug, &base, &happ).await;
    let (dna, happ_file) = match written {
        Ok(paths) => paths,
        Err(error) => {
            // Nothing half-written is left behind.
            let _ = std::fs::remove_dir_all(&args.out);
            return Err(error);
        }
    };
    let bytes = std::fs::read(&dna)?;
    let (dna_file, _) = DnaBundle::unpack(&bytes[..])?.to_dna_file().await?;
    Ok(Fork {
        slug,
        dna,
        happ: happ_file,
        dna_hash: dna_file.dna_hash().to_string(),
        seed,
    })
}

/// The base's constitution (or the `--constitution` file's) with the values given, checked
/// with the rules the integrity zome applies at run time.
fn constitution(args: &ForkArgs, base: &Value) -> anyhow::Result<NetworkConstitution> {
    let mut constitution: NetworkConstitution = match &args.constitution {
        Some(file) => from_yaml(read_yaml(file)?, file)?,
        None => from_yaml(
            base["integrity"]["properties"].clone(),
            Path::new(&format!("{}: integrity.properties", args.base.display())),
        )?,
    };
    constitution.network_name = args.name.clone();
    if let Some(purpose) = &args.purpose {
        constitution.purpose = purpose.clone();
    }
    if let Some(currency) = &args.currency {
        constitution.currency = currency_of(currency)?;
    }
    if let Some(k) = args.endorsements {
        constitution.endorsements_required = k;
    }
    if let Some(membrane) = &args.membrane {
        constitution.membrane = membrane_of(membrane)?;
    }
    if let Some(file) = &args.equation {
        constitution.value_equation =
            from_yaml::<ValueEquation<String, String>>(read_yaml(file)?, file)?;
    }
    if let Some(file) = &args.licenses {
        constitution.licenses = from_yaml(read_yaml(file)?, file)?;
    }
    if let Some(file) = &args.governance {
        constitution.governance = from_yaml(read_yaml(file)?, file)?;
    }
    constitution
        .check()
        .map_err(|error| anyhow::anyhow!("the constitution is refused: {error}"))?;
    Ok(constitution)
}

/// The base DNA manifest made the fork's: its name, the new constitution and seed, and the
/// base's zomes by absolute path (the fork directory may live anywhere).
fn dna_manifest(
    base: &mut Value,
    base_dir: &Path,
    slug: &str,
    seed: &str,
    constitution: &NetworkConstitution,
) -> anyhow::Result<()> {
    base["name"] = Value::from(slug);
    base["integrity"]["network_seed"] = Value::from(seed);
    base["integrity"]["properties"] = to_yaml(constitution)?;
    for section in ["integrity", "coordinator"] {
        if let Some(zomes) = base[section]["zomes"].as_sequence_mut() {
            for zome in zomes {
                let path = zome["path"].as_str().context("a zome without a path")?;
                let wasm = base_dir.join(path);
                if !wasm.is_file() {
                    bail!("{} is not built: run scripts/build first", wasm.display());
                }
                zome["path"] = Value::from(wasm.canonicalize()?.display().to_string());
            }
        }
    }
    Ok(())
}

/// The base hApp manifest made the fork's: its name, and its roles on the forked DNA.
fn happ_manifest(base_happ: &Path, slug: &str) -> anyhow::Result<Value> {
    let mut happ = read_yaml(base_happ)?;
    happ["name"] = Value::from(slug);
    let roles = happ["roles"]
        .as_sequence_mut()
        .context("the base hApp manifest has no roles")?;
    for role in roles {
        role["dna"]["path"] = Value::from(format!("{slug}.dna"));
    }
    Ok(happ)
}

async fn write_fork(
    out: &Path,
    slug: &str,
    dna_manifest: &Value,
    happ_manifest: &Value,
) -> anyhow::Result<(PathBuf, PathBuf)> {
    let dna_yaml = out.join("dna.yaml");
    std::fs::write(&dna_yaml, yaml_serde::to_string(dna_manifest)?)?;
    let dna = out.join(format!("{slug}.dna"));
    FileSystemBundler::bundle_to::<ValidatedDnaManifest>(&dna_yaml, &dna)
        .await
        .context("packing the forked DNA")?;
    let happ_yaml = out.join("happ.yaml");
    std::fs::write(&happ_yaml, yaml_serde::to_string(happ_manifest)?)?;
    let happ = out.join(format!("{slug}.happ"));
    FileSystemBundler::bundle_to::<AppManifest>(&happ_yaml, &happ)
        .await
        .context("packing the forked hApp")?;
    Ok((dna, happ))
}

fn read_yaml(path: &Path) -> anyhow::Result<Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    yaml_serde::from_str(&text).with_context(|| format!("{} is not YAML", path.display()))
}

/// Through JSON: YAML values hold enums as `{Variant: ...}` maps, as Holochain passes DNA
/// properties on to the zomes, which YAML's own enum decoding (tags) does not read.
fn from_yaml<T: serde::de::DeserializeOwned>(value: Value, from: &Path) -> anyhow::Result<T> {
    serde_json::to_value(value)
        .and_then(serde_json::from_value)
        .with_context(|| format!("{}", from.display()))
}

fn to_yaml<T: serde::Serialize>(value: &T) -> anyhow::Result<Value> {
    Ok(yaml_serde::to_value(serde_json::to_value(value)?)?)
}

fn currency_of(text: &str) -> anyhow::Result<Currency> {
    let (code, minor) = match text.split_once(':') {
        Some((code, minor)) => (
            code,
            minor
                .parse()
                .with_context(|| format!("--currency {text:?}: minor units must be 0 to 8"))?,
        ),
        None => (text, 2),
    };
    Ok(Currency {
        code: code.to_string(),
        minor_units: minor,
    })
}

fn membrane_of(text: &str) -> anyhow::Result<Membrane> {
    match text.split_once(':') {
        None if text == "open" => Ok(Membrane::Open),
        Some(("invite-only", progenitor)) if progenitor.starts_with("uhCAk") => {
            Ok(Membrane::InviteOnly {
                progenitor: progenitor.to_string(),
            })
        }
        _ => bail!("--membrane {text:?}: expected `open` or `invite-only:<agent key uhCAk…>`"),
    }
}

/// The file name of a network: its name in lower case, letters and digits joined by `-`.
fn slug_of(name: &str) -> anyhow::Result<String> {
    let slug = name
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        bail!("--name {name:?} has no letters or digits to name its files by");
    }
    Ok(slug)
}

fn random_seed() -> anyhow::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes).context("no randomness for a network seed")?;
    Ok(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}
