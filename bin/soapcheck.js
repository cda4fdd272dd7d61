#!/usr/bin/env node
// Entry point: runs the compiled JavaScript in dist/ (built by `npm run build`, which `npm ci` and
// `npm pack` run through the `prepare` script). Development runs the sources with
// `npm run dev -- <command>` (tsx).
// A reader that goes away early (`soapcheck lint | head`) is not an error of ours: the rest of
// the output is dropped quietly and the command still ends with its own exit code.
import v8 from 'node:v8';

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

let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/cli/main.js')) {
    process.stderr.write('soapcheck: the compiled code is missing (dist/). Run `npm run build` in the soapcheck folder.\n');
    process.exit(2);
  }
  throw e;
}
process.exitCode = await main(process.argv.slice(2));
