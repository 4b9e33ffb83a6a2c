import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './commands';
import { idFromFileName, schemaReference, TEMPLATE_PATH } from './new';
import { ppi } from './testing';

const fresh = () => mkdtempSync(join(tmpdir(), 'ppi-new-'));

describe('ppi new', () => {
  it('writes a starter that validates and analyses without a single warning', async () => {
    const file = join(fresh(), 'harbour-ferry.json');
    const made = await ppi(['new', file, '--title', 'An electric ferry for the harbour']);
    expect(made.code).toBe(EXIT_OK);
    expect(made.out).toContain(`wrote ${file} (scenario "harbour-ferry": 9 nodes, 3 decisions, 3 endings`);
    expect(made.out).toContain(`npm run ppi -- analyze --strict ${file}`);

    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({ id: 'harbour-ferry', title: 'An electric ferry for the harbour' });
    expect(json.$schema).toMatch(/\/scenarios\/schema\/scenario\.v1\.schema\.json$/);

    expect((await ppi(['validate', file])).code).toBe(EXIT_OK);
    const analysis = await ppi(['analyze', '--strict', file]);
    expect(analysis.code).toBe(EXIT_OK);
    expect(analysis.out).toContain('endings      3 of 3 reachable');
    expect(analysis.out).toContain('warnings     none');
  });

  it('keeps the template as it is, apart from the id, the title and the $schema path', async () => {
    const file = join(fresh(), 'scenarios', 'x.json');
    await ppi(['new', file, '--id', 'bridge', '--title', 'Say "hello" \\ <now>']);
    const template = readFileSync(TEMPLATE_PATH, 'utf8').split('\n');
    const written = readFileSync(file, 'utf8').split('\n');
    const changed = written.filter((line, i) => line !== template[i]);
    expect(changed).toEqual([
      `  "$schema": ${JSON.stringify(schemaReference(file))},`,
      '  "id": "bridge",',
      '  "title": "Say \\"hello\\" \\\\ <now>",',
    ]);
    expect(written).toHaveLength(template.length);
  });

  it('refuses to overwrite a file unless --force', async () => {
    const file = join(fresh(), 'mine.json');
    writeFileSync(file, 'my work');
    const refused = await ppi(['new', file]);
    expect(refused.code).toBe(EXIT_INVALID);
    expect(refused.err).toContain(`${file} already exists; choose another name, or add --force to overwrite it`);
    expect(readFileSync(file, 'utf8')).toBe('my work');
    expect((await ppi(['new', file, '--force'])).code).toBe(EXIT_OK);
    expect(readFileSync(file, 'utf8')).toContain('"id": "mine"');
  });

  it('refuses an id or a title the format would refuse, before writing anything', async () => {
    const file = join(fresh(), 'a.json');
    const id = await ppi(['new', file, '--id', 'Market_Talk']);
    expect(id.code).toBe(EXIT_USAGE);
    expect(id.err).toContain('--id: expected an id of lowercase letters, digits and single hyphens');
    const title = await ppi(['new', file, '--title', 'x'.repeat(81)]);
    expect(title.err).toContain('--title: expected a title of at most 80 characters');
    expect(existsSync(file)).toBe(false);
  });

  it('makes an id from the file name, and a "$schema" path from the file to the schema', () => {
    expect(idFromFileName('scenarios/Riga Bridge 2030.json')).toBe('riga-bridge-2030');
    expect(idFromFileName('2030_plan.json')).toBe('plan');
    expect(idFromFileName('42.json')).toBeUndefined();
    expect(schemaReference('scenarios/mine.json')).toBe('./schema/scenario.v1.schema.json');
    expect(schemaReference('mine.json')).toBe('./scenarios/schema/scenario.v1.schema.json');
    const template = JSON.parse(readFileSync(TEMPLATE_PATH, 'utf8')) as { $schema: string };
    expect(template.$schema).toBe(schemaReference(TEMPLATE_PATH));
  });

  it('names the file after the id when no file is given', async () => {
    // Only the refusal is tried here: a real run would write into scenarios/.
    const r = await ppi(['new', '--id', 'tutorial']);
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.err).toContain('scenarios/tutorial.json already exists');
  });
});
