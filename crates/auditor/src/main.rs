//! `ovn-audit`: see the crate documentation (`ovn_auditor`).

fn main() {
    let code = ovn_auditor::cli::run(
        std::env::args(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(code);
}
