# Sourced by scripts/check-report.sh and scripts/check-explorer.sh from the repository root.

# Installs Debian's chromium, chromium-driver and python3-selenium when any is missing (needs
# root): both checks drive headless Chromium through WebDriver.
need_browser() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 \
     || ! /usr/bin/python3 -c "import selenium" 2>/dev/null; then
    echo "==> installing chromium, chromium-driver and python3-selenium"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium chromium-driver python3-selenium fonts-dejavu-core >/dev/null
  fi
}

# Sets `bin` to the outpost binary to check: OUTPOST_BIN, else a release or debug build
# already there, else a debug build made now.
find_outpost() {
  bin=${OUTPOST_BIN:-}
  if [ -z "$bin" ]; then
    for candidate in .build/release/outpost .build/debug/outpost; do
      if [ -x "$candidate" ]; then bin=$candidate; break; fi
    done
  fi
  if [ -z "$bin" ]; then
    echo "==> building outpost (debug)"
    swift build --product outpost 2>&1 | tail -n 1
    bin=.build/debug/outpost
  fi
}
