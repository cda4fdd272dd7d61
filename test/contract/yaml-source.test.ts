import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/contract/yaml-source.ts';

describe('parseYamlSource: example and enum values mean the text as written', () => {
  it('keeps 01, 1.0, 0x1F and true under enum and example as written, not as the numbers or booleans YAML reads', () => {
    const r = parseYamlSource('types:\n  Code:\n    enum: [01, 02, 1.0, 0x1F, true, Red]\n    example: 1.0\nother: 01\n', 'mem.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const data = r.source.data as { types: { Code: { enum: unknown[]; example: unknown } }; other: unknown };
    expect(data.types.Code.enum).toEqual(['01', '02', '1.0', '0x1F', 'true', 'Red']);
    expect(data.types.Code.example).toBe('1.0');
    expect(data.other).toBe(1); // elsewhere YAML's reading stands
  });
});
