# Sourced by the other scripts: where things are built, and which crates each build covers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Zomes build for wasm32 into their own target directory, so the wasm and native builds never
# wait on each other's lock or evict each other's artifacts.
WASM_TARGET_DIR="$ROOT/target/wasm"
WASM_PACKAGES=(-p ovn_integrity -p members -p contributions -p ledger -p resources -p licenses -p governance -p audit -p hostile)
# Every native cargo command names the same packages, so Cargo resolves the same features each
# time and never rebuilds the holochain graph between build and test.
NATIVE_PACKAGES=(-p ovn_domain -p ovn_pack -p ovn_auditor -p ovn_node -p ovn_tests -p ovn_ts)

# Node.js for the UI: the machine's if it is recent enough, else the one scripts/setup installed.
NODE_WHEEL_VERSION=22.12.0
NODE_WHEEL_DIR="$ROOT/target/nodejs"
use_node_wheel() {
  if [ -x "$NODE_WHEEL_DIR/bin/npm" ]; then
    case ":$PATH:" in
      *":$NODE_WHEEL_DIR/bin:"*) ;;
      *) export PATH="$NODE_WHEEL_DIR/bin:$PATH" ;;
    esac
  fi
}
use_node_wheel

step() { printf '\n==> %s\n' "$*"; }
