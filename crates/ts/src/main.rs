//! `ovn-ts` (`cargo run -p ovn_ts`): rewrites `ui/src/lib/generated/` from the Rust types.

fn main() -> std::io::Result<()> {
    let dir = ovn_ts::generated_dir();
    for file in ovn_ts::write(&dir)? {
        println!("{}/{file}", ovn_ts::GENERATED_DIR);
    }
    Ok(())
}
