import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledSchemaJson, SCHEMA_PATH } from './gen-compiled-schema';

describe('flows/compiled.schema.json', () => {
  it('is up to date with the zod schema (run npx tsx scripts/gen-compiled-schema.ts)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(compiledSchemaJson());
  });

  it('describes the top-level fields of a compiled flow and refuses unknown ones', () => {
    const schema = JSON.parse(compiledSchemaJson());
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'format',
        'version',
        'flowId',
        'revision',
        'entries',
        'variables',
        'steps',
      ]),
    );
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.revision.pattern).toBe('^[a-f0-9]{64}$');
  });
});
