#!/usr/bin/env bash
# The package as a user gets it: `npm pack`, install the tarball into an empty project, and run
# `npx soapcheck run` there against that project's own contract, then the same through soapcheck/vitest. Fails on a missing file in the
# package, a source file or test shipped, or a run that does not pass.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cd "$repo"
tgz="$(npm pack --silent --pack-destination "$tmp" | tail -n 1)"
listing="$(tar -tzf "$tmp/$tgz")"
for unwanted in package/src/ package/test/ package/bench/ package/dist/.tsbuildinfo package/scripts/; do
  if grep -q "^$unwanted" <<<"$listing"; then echo "pack-check: $unwanted is in the package" >&2; exit 1; fi
done
echo "pack-check: $tgz, $(wc -l <<<"$listing") files"

mkdir "$tmp/project" && cd "$tmp/project"
npm init -y >/dev/null
npm install --no-audit --no-fund --prefer-offline "$tmp/$tgz" >/dev/null
mkdir contracts
cp "$repo"/test/fixtures/run/inventory/{types,GetItem,Reflect}.yaml contracts/
npx --no-install soapcheck run contracts --out reports
test -s reports/junit.xml && test -s reports/summary.json
grep -q '"outcome": "passed"' reports/summary.json
echo "pack-check: npx soapcheck run passed in an empty project"

# soapcheck/vitest: the same contracts as tests of the project's own vitest.
npm install --no-audit --no-fund --prefer-offline "vitest@$(node -p "require('$repo/node_modules/vitest/package.json').version")" >/dev/null
cat > soapcheck.test.mjs <<'TEST'
import { soapcheckRun } from 'soapcheck/vitest';
await soapcheckRun('contracts');
TEST
npx --no-install vitest run soapcheck.test.mjs > vitest.log 2>&1 || { cat vitest.log >&2; echo "pack-check: soapcheck/vitest failed in an empty project" >&2; exit 1; }
grep -q "2 passed" vitest.log || { cat vitest.log >&2; echo "pack-check: soapcheck/vitest did not run the 2 cases" >&2; exit 1; }
echo "pack-check: soapcheck/vitest ran the contracts as 2 vitest tests in an empty project"
