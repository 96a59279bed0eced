#!/usr/bin/env bash
# Uses Outpost as another Swift package would: clones this checkout, tags the clone, and builds
# a client package that depends on it by version (`from:`), whose program is every ```swift
# block of README.md, each in its own scope. Then runs that program in the clone, so the
# README's Swift examples are checked as written. SwiftPM refuses a versioned dependency with
# unsafe build flags, so this also keeps Package.swift free of them.
# Leaves the client in .build/client-check/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/.build/client-check
rm -rf "$work"
mkdir -p "$work"

# A clean clone of what is committed, tagged as a release.
git clone -q "$root" "$work/outpost"
git -C "$work/outpost" -c user.name=check -c user.email=check@localhost tag -a 1.0.0 -m "client check" >/dev/null

client=$work/client
mkdir -p "$client/Sources/Client"
cat > "$client/Package.swift" <<SWIFT
// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Client",
    platforms: [.macOS(.v15)],
    dependencies: [.package(url: "$work/outpost", from: "1.0.0")],
    targets: [.executableTarget(name: "Client", dependencies: [.product(name: "Outpost", package: "outpost")])]
)
SWIFT

# Every swift block of the README, in order, each wrapped in `do { }` so that the blocks'
# names do not clash; `import` lines are hoisted to the top.
python3 - "$root/README.md" "$client/Sources/Client/main.swift" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"```swift\n(.*?)```", text, re.S)
if not blocks:
    sys.exit("README.md has no ```swift block")
imports, bodies = set(), []
for n, block in enumerate(blocks, 1):
    lines = block.rstrip("\n").split("\n")
    imports.update(l.strip() for l in lines if l.startswith("import "))
    body = "\n".join("    " + l for l in lines if not l.startswith("import "))
    bodies.append(f'print("== README example {n}")\ndo {{\n{body}\n}}\n')
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\n".join(sorted(imports)) + "\n\n" + "\n".join(bodies))
print(f"{len(blocks)} README examples")
PY

echo "==> building a client that depends on Outpost from: 1.0.0"
(cd "$client" && swift build 2>&1 | tail -n 3)
echo "==> running the README's Swift examples"
(cd "$work/outpost" && "$client/.build/debug/Client")
