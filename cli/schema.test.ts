import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH, schemaText } from './commands';

describe('published JSON Schema', () => {
  it('is the one generated from the engine schema (run `npm run ppi -- schema --write` after changing it)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaText());
  });

  it('is referenced by every bundled scenario through $schema', () => {
    for (const file of ['scenarios/tutorial.json', 'scenarios/street-lighting.json']) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { $schema?: string };
      expect(json.$schema, file).toBe('./schema/scenario.v1.schema.json');
    }
  });
});
