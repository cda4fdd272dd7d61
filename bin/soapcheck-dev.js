#!/usr/bin/env node
// Development entry point: runs the TypeScript sources through tsx (no build needed). Slower to
// start than bin/soapcheck.js (tsx's hooks transform every module loaded afterwards); never used
// by the installed package.
import { register } from 'tsx/esm/api';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') return;
    throw e;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
