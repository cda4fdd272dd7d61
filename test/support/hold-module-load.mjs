// A module customization hook for tests (registered by `node --import ./hold-module-load-register.mjs`): when the module whose URL ends
// with SOAPCHECK_TEST_HOLD_MODULE is about to load, it writes the file SOAPCHECK_TEST_HOLD_MARK (the
// test now knows the process is in the middle of loading its modules) and holds that load until the
// file SOAPCHECK_TEST_HOLD_GO exists (polled, for at most 60 s).
import { existsSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export async function load(url, context, next) {
  const { SOAPCHECK_TEST_HOLD_MODULE: held, SOAPCHECK_TEST_HOLD_MARK: mark, SOAPCHECK_TEST_HOLD_GO: go } = process.env;
  if (held && mark && go && url.endsWith(held)) {
    writeFileSync(mark, url);
    for (let i = 0; i < 1200 && !existsSync(go); i++) await sleep(50);
  }
  return next(url, context);
}
