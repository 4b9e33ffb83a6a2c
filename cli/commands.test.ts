import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, runCli } from './commands';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ppi validate', () => {
  it('accepts the bundled scenarios', async () => {
    const r = await cli('validate', 'scenarios/tutorial.json', 'scenarios/street-lighting.json');
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toMatch(/ok {4}scenarios\/tutorial\.json/);
    expect(r.out).toMatch(/2 files valid\./);
  });

  it('reads every .json file of a folder', async () => {
    const r = await cli('validate', 'scenarios');
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain('street-lighting.json');
    expect(r.out).toContain('tutorial.json');
  });

  it('reports every problem of a file with file:line:column, pointer, expected and found', async () => {
    const r = await cli('validate', 'cli/fixtures/broken.json');
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.out).toContain('FAIL  cli/fixtures/broken.json  (3 problems)');
    expect(r.out).toContain(
      'cli/fixtures/broken.json:4:14 /version: expected a semantic version like "1.0.0", found "1.0"',
    );
    expect(r.out).toMatch(/cli\/fixtures\/broken\.json:8:17 \/difficulty: expected the difficulty: one of "beginner"/);
    expect(r.out).toMatch(
      /broken\.json:15:\d+ \/nodes\/1\/setFlag: expected only the fields .*found an unknown field "setFlag" \(did you mean "setFlags"\?\)/,
    );
  });

  it('suggests the node id meant when a next is misspelt', async () => {
    const r = await cli('validate', 'cli/fixtures/bad-reference.json');
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.out).toMatch(
      /bad-reference\.json:16:\d+ \/nodes\/2\/next: expected the id of a node in this scenario, found "the-edn" .*did you mean "the-end"\?/,
    );
  });

  it('exits 1 when any file of several is invalid, and reports the valid ones too', async () => {
    const r = await cli('validate', 'scenarios/tutorial.json', 'cli/fixtures/broken.json');
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.out).toContain('ok    scenarios/tutorial.json');
    expect(r.out).toContain('1 of 2 files invalid.');
  });

  it('prints machine-readable JSON with --json', async () => {
    const r = await cli('validate', '--json', 'scenarios/tutorial.json', 'cli/fixtures/broken.json');
    const report = JSON.parse(r.out) as {
      valid: boolean;
      files: { file: string; valid: boolean; problems?: { pointer: string; line: number }[] }[];
    };
    expect(report.valid).toBe(false);
    expect(report.files[0]).toMatchObject({ file: 'scenarios/tutorial.json', valid: true });
    expect(report.files[1]!.problems!.map((p) => p.pointer)).toEqual(['/version', '/difficulty', '/nodes/1/setFlag']);
    expect(report.files[1]!.problems![0]!.line).toBe(4);
  });

  it('refuses a missing file and a file over the size limit without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ppi-cli-'));
    const huge = join(dir, 'huge.json');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 60 * 1024 * 1024); // sparse: 60 MB on paper, nothing on disk
    closeSync(fd);
    const r = await cli('validate', huge, join(dir, 'missing.json'));
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.out).toMatch(/huge\.json:1:1 \(document\): expected a scenario file of at most 16\.0 MB, found 62\.9 MB/);
    expect(r.out).toMatch(/missing\.json:1:1 \(document\): expected a scenario file, found no such file/);
  });

  it('is a usage error without files or with an unknown command or option', async () => {
    expect((await cli('validate')).code).toBe(EXIT_USAGE);
    expect((await cli('frobnicate')).code).toBe(EXIT_USAGE);
    expect((await cli('constructor')).err).toContain('unknown command "constructor"');
    expect((await cli('validate', '--constructor', 'x.json')).err).toContain('unknown option --constructor');
    expect((await cli('validate', '--json=yes', 'x.json')).err).toContain('--json takes no value');
    expect((await cli('validate', '--colour', 'x.json')).err).toContain('unknown option --colour');
    expect((await cli()).code).toBe(EXIT_USAGE);
    expect((await cli('help')).code).toBe(EXIT_OK);
  });
});

describe('ppi analyze', () => {
  it('reports an exact analysis of the tutorial with its best and worst paths', async () => {
    const r = await cli('analyze', 'scenarios/tutorial.json');
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain('analysis     exact');
    expect(r.out).toContain('endings      3 of 3 reachable');
    expect(r.out).toMatch(/best score {3}\d+\.\d of 100 raw, ending end-great \(success\)/);
    expect(r.out).toContain('welcome → need [outcome] → market [open-day]');
    expect(r.out).toContain('warnings     none');
  });

  it('warns about unreachable nodes, endings and branch cases, and fails with --strict', async () => {
    const r = await cli('analyze', 'cli/fixtures/unreachable.json');
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain('unreachable  rich, lost');
    expect(r.out).toContain('/nodes/4: node "lost" can never be reached');
    expect(r.out).toContain('/nodes/2: ending "rich" can never be reached');
    expect(r.out).toContain('/nodes/1/cases/0: branch "check" never takes case 1 (to "rich") in any play-through');
    expect(r.out).toContain('/metrics/1: metric "trust" is never changed by any option or event');
    expect((await cli('analyze', '--strict', 'cli/fixtures/unreachable.json')).code).toBe(EXIT_INVALID);
    expect((await cli('analyze', '--strict', 'scenarios/tutorial.json')).code).toBe(EXIT_OK);
  });

  it('prints the analysis as JSON', async () => {
    const r = await cli('analyze', '--json', 'scenarios/street-lighting.json');
    const report = JSON.parse(r.out) as { analysis: { exact: boolean; endings: unknown[]; best: { outcome: string } } };
    expect(report.analysis.exact).toBe(true);
    expect(report.analysis.best.outcome).toBe('success');
    expect(report.analysis.endings.length).toBeGreaterThanOrEqual(3);
  });

  it('reports an invalid file instead of analysing it', async () => {
    const r = await cli('analyze', 'cli/fixtures/broken.json');
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.out).toContain('FAIL  cli/fixtures/broken.json');
  });

  it('honours --max-states and says the analysis was bounded', async () => {
    const r = await cli('analyze', '--max-states', '5', 'scenarios/street-lighting.json');
    expect(r.out).toContain('bounded at 5 states per search');
    expect((await cli('analyze', '--max-states', 'lots', 'scenarios/tutorial.json')).code).toBe(EXIT_USAGE);
  });
});

describe('the ppi process', () => {
  // Each child process starts TypeScript afresh: seconds on a busy 2-core machine.
  it('exits with the code of the command, as scripts see it', { timeout: 30_000 }, () => {
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'cli/ppi.ts', 'validate', 'scenarios/tutorial.json'], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('1 file valid.');
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'cli/ppi.ts', 'validate', 'cli/fixtures/broken.json'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'cli/ppi.ts', 'nonsense'], { stdio: 'pipe' }),
    ).toThrow();
  });
});
