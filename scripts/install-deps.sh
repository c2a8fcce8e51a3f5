#!/usr/bin/env bash
# Installs what building and testing civitas needs: the Debian packages below, then the
# project's virtual environment (.venv) with requirements-dev.txt. Safe to run again: it asks
# apt only when a package is missing and pip only when the requirements changed.
#   PYTHON  interpreter the virtual environment is made from (default python3)
#   VENV    where the virtual environment lives (default .venv in the repository)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
VENV=${VENV:-$root/.venv}
requirements=$root/requirements-dev.txt

say() { printf 'install-deps: %s\n' "$*"; }

# --- System packages --------------------------------------------------------------------
packages=(cmake ninja-build g++ libeigen3-dev nlohmann-json3-dev libgtest-dev
          libbenchmark-dev libboost-date-time-dev
          # the campaign store (src/store)
          libsqlite3-dev
          # the command line's parser (header-only; third_party/CLI11 is the copy used without it)
          libcli11-dev
          # the HTML report's check in a real browser (tests/python/test_report_browser.py)
          chromium fonts-noto-cjk
          # locale sources: the host-locale tests compile de_DE.UTF-8 and ps_AF.UTF-8 from them
          # with localedef into the build folder, no root needed (tests/locale, test_locale.py)
          locales
          # the sanitizer build and its fuzz targets (make asan, make fuzz): clang, libFuzzer, runtimes
          clang libclang-rt-14-dev
          # the Java host of the C API (examples/java): a JDK and JNA
          openjdk-17-jdk-headless libjna-java)
# Debian's python3 needs these for venv and for compiling the extension; pyenv's has them.
if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    packages+=(python3-venv)
fi
if ! "$PYTHON" -c 'import os, sysconfig, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' >/dev/null 2>&1; then
    packages+=(python3-dev)
fi

if command -v dpkg-query >/dev/null 2>&1; then
    missing=()
    for package in "${packages[@]}"; do
        status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
        [[ $status == installed ]] || missing+=("$package")
    done
    if ((${#missing[@]} > 0)); then
        if ((EUID == 0)); then
            as_root=()
        elif command -v sudo >/dev/null 2>&1; then
            as_root=(sudo)
        else
            say "missing ${missing[*]}; run as root or install sudo" >&2
            exit 1
        fi
        say "installing ${missing[*]}"
        "${as_root[@]}" apt-get update -q
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q --no-install-recommends "${missing[@]}"
    else
        say "system packages present"
    fi
else
    say "no dpkg-query: not a Debian system, install these yourself: ${packages[*]}" >&2
fi

# --- Python virtual environment -----------------------------------------------------------
if ! "$VENV/bin/python" -c '' >/dev/null 2>&1; then
    say "creating $VENV"
    "$PYTHON" -m venv --clear "$VENV"
fi

# The stamp records the requirements and the interpreter they were installed for.
stamp=$VENV/.civitas-requirements.stamp
want="$(sha256sum "$requirements" | cut -d' ' -f1) $("$VENV/bin/python" -c 'import sys; print(sys.version.split()[0])')"
if [[ ! -f $stamp || $(<"$stamp") != "$want" ]]; then
    say "installing $(basename "$requirements") into $VENV"
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q --upgrade -r "$requirements"
    printf '%s\n' "$want" >"$stamp"
else
    say "$VENV up to date"
fi
