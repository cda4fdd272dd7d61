#!/usr/bin/env node
// Development entry point: runs the TypeScript sources through tsx (no build needed). Slower to
// start than bin/soapcheck.js (tsx's hooks transform every module loaded afterwards); never used
// by the installed package.
import v8 from 'node:v8';
import { register } from 'tsx/esm/api';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') return;
    throw e;
  });
}

// WebAssembly (libxml2) runs on V8's baseline compiler only. By default V8 also recompiles the hot
// functions with its optimising compiler on background threads, and the process waits for that work
// before it exits: in a one-contract run that was about half of the CPU and a wall-time tail after
// the reports were written, with no gain large enough to pay for it even over thousands of messages
// (docs/decisions/0009-start-up-and-scale.md). Set before libxml2-wasm is first loaded.
v8.setFlagsFromString('--no-wasm-dynamic-tiering');
v8.setFlagsFromString('--no-wasm-tier-up');

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
