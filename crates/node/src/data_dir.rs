//! The data directory: where it is, readable by its owner only, locked to one node; and in each
//! agent's directory the passphrase that locks its keystore.
//!
//! Each agent (`--agents N`, each its own conductor) has `<data-dir>/agent-N/conductor` (its
//! databases, and the in-process lair keystore under `ks/`) and `agent-N/passphrase` (32 random
//! bytes as hex, mode 0600, written whole then renamed on first start) and `agent-N/agent-key`
//! (the agent's key, kept from `ovn-node key` or the first start until the install uses it). The conductor needs the
//! same passphrase every time to unlock the keystore and the database key, so an empty one, or a
//! missing one beside a keystore, is refused. Directories are created 0700 because this build's
//! databases are unencrypted; an existing one readable by others is warned about.
//! `<data-dir>/node.lock` (an OS file lock) refuses a second node on the same directory.

use crate::say;
use anyhow::{bail, Context};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `--data-dir`, else `$OVN_DATA_DIR`, else the user's data directory + `/ovn`.
pub fn resolve(given: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    if let Some(dir) = given {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os("OVN_DATA_DIR").filter(|dir| !dir.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|dir| dir.join("ovn"))
        .context("no user data directory is known here: give --data-dir or set OVN_DATA_DIR")
}

/// Creates `dir` (and its parents) readable by its owner only, and warns when an existing one is
/// readable by others: this build keeps the databases unencrypted.
pub fn private_dir(dir: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    if !dir.exists() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mode = std::fs::metadata(dir)?.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        say(format!(
            "warning: {} can be read by other users (mode {mode:o}); `chmod 700` it to keep your data private",
            dir.display()
        ));
    }
    Ok(())
}

/// One node per data directory: a second one would open the same databases and keystore.
pub fn lock(data_dir: &Path) -> anyhow::Result<File> {
    let path = data_dir.join("node.lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "another ovn-node is already running on {}: stop it, or give this one another --data-dir",
            data_dir.display()
        ),
        Err(std::fs::TryLockError::Error(error)) => {
            Err(error).with_context(|| format!("cannot lock {}", path.display()))
        }
    }
}

/// The passphrase that locks this agent's keystore and database key: random on first start,
/// then read back (the conductor needs the same one every time). Kept beside the keystore with
/// owner-only permissions: it protects nothing from someone who can read the data directory.
pub fn passphrase(dir: &Path) -> anyhow::Result<Vec<u8>> {
    let path = dir.join("passphrase");
    if path.exists() {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let text = text.trim();
        if text.is_empty() {
            bail!(
                "{} is empty: the keystore cannot be opened without it",
                path.display()
            );
        }
        return Ok(text.as_bytes().to_vec());
    }
    if dir.join("conductor").exists() {
        bail!(
            "{} is missing but {} holds a keystore it locked: restore the file, or give another --data-dir",
            path.display(),
            dir.join("conductor").display()
        );
    }
    let text = crate::random_hex("a passphrase")?;
    write_new_file(dir, "passphrase", &text)?;
    Ok(text.into_bytes())
}

/// `dir/name`, owner-only, written whole, then renamed: a crash leaves either no file or the
/// complete one.
pub fn write_new_file(dir: &Path, name: &str, text: &str) -> anyhow::Result<()> {
    let path = dir.join(name);
    let partial = dir.join(format!("{name}.partial"));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(&partial)
        .with_context(|| format!("cannot create {}", partial.display()))?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&partial, &path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    Ok(())
}
