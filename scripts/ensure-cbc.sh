#!/usr/bin/env bash
# Makes sure the COIN-OR CBC solver program is installed: installs Debian's coinor-cbc when it can, else says how in one line.
command -v cbc >/dev/null 2>&1 && return 0 2>/dev/null
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing the COIN-OR CBC solver (Debian package coinor-cbc)..."
  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq coinor-cbc) >/dev/null 2>&1 && command -v cbc >/dev/null 2>&1; then
    return 0 2>/dev/null || exit 0
  fi
fi
echo "The COIN-OR CBC solver is missing: install it with 'sudo apt-get install coinor-cbc'."
return 2 2>/dev/null || exit 2
