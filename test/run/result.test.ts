import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractCaseIdentity, reportPath, scenarioCaseIdentity } from '../../src/run/result.ts';

describe('case identity', () => {
  const c = { file: resolve('contracts/shop/Services99/Shop/GetBasket.yaml'), service: 'Shop', version: 'Services99', operation: 'GetBasket' };

  it('names a contract case by suite, service, version and operation', () => {
    const id = contractCaseIdentity('shop', c);
    expect(id).toMatchObject({ id: 'shop/Shop/Services99/GetBasket', name: 'Services99/Shop/GetBasket', kind: 'contract', suite: 'shop' });
  });

  it('shows the contract file relative to the working folder, with forward slashes', () => {
    expect(contractCaseIdentity('shop', c).contract!.file).toBe('contracts/shop/Services99/Shop/GetBasket.yaml');
    expect(reportPath(join(process.cwd(), 'a', 'b.yaml'))).toBe('a/b.yaml');
    expect(reportPath(resolve(process.cwd(), '..', 'elsewhere', 'x.yaml'))).toBe('../elsewhere/x.yaml');
  });

  it('names a scenario case', () => {
    expect(scenarioCaseIdentity('rt', 'round trip')).toEqual({ id: 'rt/scenario/round trip', name: 'scenario: round trip', kind: 'scenario', suite: 'rt' });
  });
});
