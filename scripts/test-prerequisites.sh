#!/usr/bin/env bash
# What `npm test` needs that a fresh machine may lack, installed before any test runs (npm's `pretest`;
# `.ci/run` reaches it the same way, through `npm test`, so the two cannot drift):
#   - Java 17+ and Maven, for the embedded Neo4j (not needed when NEO4J_URI names a server);
#   - Chromium and CJK fonts, for the explorer's browser tests (not needed with KG_CI_SKIP_BROWSER=1,
#     which jest then reports as skipped tests, never as passed ones).
# Missing ones are installed with Debian's apt-get when this user may (root, or sudo without a password) and
# KG_NO_INSTALL is not 1; otherwise this stops before any test runs, naming the command to run.
set -uo pipefail

chromium="${KG_CHROMIUM_PATH:-/usr/bin/chromium}"
needs_java=0; needs_browser=0
[ -z "${NEO4J_URI:-}" ] && needs_java=1
[ "${KG_CI_SKIP_BROWSER:-}" != "1" ] && needs_browser=1

java_major() {
  command -v java >/dev/null 2>&1 || { echo 0; return; }
  java -version 2>&1 | sed -nE 's/.*version "(1\.)?([0-9]+).*/\2/p' | head -n1 | grep . || echo 0
}
has_cjk_fonts() { command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh family 2>/dev/null | grep -q .; }

# missing: the Debian packages that would supply what is absent, with what each is for
missing() {
  if [ "$needs_java" = 1 ]; then
    [ "$(java_major)" -ge 17 ] || echo "openjdk-17-jdk-headless:Java 17+ (embedded Neo4j)"
    command -v mvn >/dev/null 2>&1 || echo "maven:Maven (builds the embedded Neo4j's launcher)"
  fi
  if [ "$needs_browser" = 1 ]; then
    [ -x "$chromium" ] || echo "chromium:Chromium at $chromium (browser tests)"
    has_cjk_fonts || echo "fonts-noto-cjk:CJK fonts (browser tests)"
  fi
}

can_install() {
  [ "${KG_NO_INSTALL:-}" = "1" ] && { echo "KG_NO_INSTALL=1"; return 1; }
  command -v apt-get >/dev/null 2>&1 || { echo "apt-get is not on this machine"; return 1; }
  [ "$(id -u)" -eq 0 ] && return 0
  command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && return 0
  echo "installing needs root, and sudo asks for a password"
  return 1
}

stop_with() { # stop_with REASON PKG...
  local reason="$1"; shift
  {
    echo ""
    echo "npm test cannot run yet: this machine lacks what the tests need, and $reason."
    echo "Install it, then run npm test again:"
    echo ""
    echo "    sudo apt-get install -y $*"
    echo ""
    [ "$needs_browser" = 1 ] && echo "(Or KG_CI_SKIP_BROWSER=1 npm test: the browser tests are then reported as skipped.)"
    [ "$needs_java" = 1 ] && echo "(Or NEO4J_URI=bolt://… KG_TEST_ALLOW_WIPE=1 npm test against a Neo4j 5 of yours, whose data the tests delete.)"
  } >&2
  exit 1
}

list=$(missing)
if [ -z "$list" ]; then
  echo "test prerequisites: present"
  exit 0
fi
pkgs=$(printf '%s\n' "$list" | cut -d: -f1 | tr '\n' ' ')
echo "test prerequisites missing:"; printf '%s\n' "$list" | cut -d: -f2- | sed 's/^/  - /'

if ! why=$(can_install); then stop_with "$why" $pkgs; fi

sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
echo "installing with apt-get: $pkgs"
started=$SECONDS
export DEBIAN_FRONTEND=noninteractive
# openjdk-17 may be absent from newer releases; fall back to the release's default JDK
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends $pkgs >/dev/null; }; then
  alt=${pkgs/openjdk-17-jdk-headless/default-jdk-headless}
  [ "$alt" != "$pkgs" ] && $sudo apt-get install -y -qq --no-install-recommends $alt >/dev/null
fi
still=$(missing)
[ -z "$still" ] || stop_with "apt-get could not install all of it" $(printf '%s\n' "$still" | cut -d: -f1 | tr '\n' ' ')
echo "test prerequisites installed in $((SECONDS - started)) s"
