import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './commands';
import { ppi } from './testing';

const TUTORIAL = 'scenarios/tutorial.json';
/**
 * The best path through the tutorial, by option id (a run shows options in its own order):
 * Enter, outcome, Enter, open-day, Enter, Enter (event), quality-price, Enter.
 */
const BEST = ['', 'outcome', '', 'open-day', '', '', 'quality-price', ''];

describe('ppi play', () => {
  it('plays a scenario to its ending, with feedback, changes, score and stars', async () => {
    const r = await ppi(['play', TUTORIAL, '--seed', '1'], BEST);
    expect(r.code).toBe(EXIT_OK);
    expect(r.lines).toEqual(
      expect.arrayContaining([
        'First steps: the bench that does not exist (tutorial 1.0.0), seed 1',
        'Metrics: Budget 70, Innovation 20, Legal risk 20 (lower is better)',
        '== What are we buying? ==  [need, procurement-officer]',
        'Your choice (1-2, q) > outcome',
        '  Reference: Directive 2014/24/EU Art. 40',
        '  Changes: Budget -5 → 65, Innovation +15 → 35',
        'Your choice (1-2, t, q) > open-day',
        '== The square comes alive ==  [end-great, citizen]',
        'Result: success, ending "end-great"',
        'Decisions:',
        '  need → outcome (best)',
        '  market → open-day (best)',
        '  award → quality-price (best)',
        `Replay: npm run ppi -- play ${TUTORIAL} --seed 1`,
      ]),
    );
    expect(r.out).toMatch(/^ {2}[12]\. Copy the data sheet of a solar bench you saw at a trade fair\.$/m);
    expect(r.out).toMatch(/^Score: \d+ of 100 \(raw [\d.]+\), stars ★★★ \(3 of 3\)$/m);
    expect(r.out).toMatch(/Outcome \((sunny|storm)\): /);
  });

  it('gives the same transcript for the same seed and answers, and lets the seed decide events', async () => {
    const first = await ppi(['play', TUTORIAL, '--seed', 'workshop-7'], BEST);
    const second = await ppi(['play', TUTORIAL, '--seed', 'workshop-7'], BEST);
    expect(second.out).toBe(first.out);

    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const r = await ppi(['play', TUTORIAL, '--seed', String(seed)], BEST.slice(0, 5));
      outcomes.add(/Outcome \((\w+)\)/.exec(r.out)?.[1] ?? 'none');
    }
    expect([...outcomes].sort()).toEqual(['storm', 'sunny']);
  });

  it('notes a timer, and takes its time-out option on t', async () => {
    const r = await ppi(['play', TUTORIAL, '--seed', '1'], ['', 'outcome', '', 't', '']);
    expect(r.out).toContain('  Timer: 60 s, not enforced here. Type t to let it run out, which takes: Accept');
    expect(r.out).toContain("Time ran out, so private (poor): Accept the firm's help and let them draft the");
    expect(r.out).toContain('  Changes: Legal risk +25 → 45');
    expect(r.out).toMatch(/ {2}Better: Announce an open market day.*\n.*\(open-day; Directive 2014\/24\/EU Art\. 40\)/);
  });

  it('asks again after an answer it cannot use, and takes an option id as well as its number', async () => {
    const r = await ppi(['play', TUTORIAL, '--seed', '1'], ['', '9', 'x', 't', 'product', '']);
    expect(r.lines).toEqual(
      expect.arrayContaining([
        'Your choice (1-2, q) > 9',
        '  Type a number from 1 to 2.',
        'Your choice (1-2, q) > x',
        'Your choice (1-2, q) > t',
        '  This decision has no timer.',
        'Your choice (1-2, q) > product',
        'You chose product (poor): Copy the data sheet of a solar bench you saw at a',
      ]),
    );
  });

  it('stops with a message when the input ends or the player types q', async () => {
    const eof = await ppi(['play', TUTORIAL, '--seed', '3'], ['', '2']);
    expect(eof.code).toBe(EXIT_OK);
    expect(eof.lines.at(-1)).toBe(
      `The input ended at "need", before the story did. Replay this game with: npm run ppi -- play ${TUTORIAL} --seed 3`,
    );
    const quit = await ppi(['play', TUTORIAL, '--seed', '3'], ['', 'q']);
    expect(quit.lines.at(-1)).toMatch(/^Stopped at "need"\. Replay this game with: /);
  });

  it('picks a seed when none is given, and says it so the game can be replayed', async () => {
    const r = await ppi(['play', TUTORIAL], []);
    const seed = /, seed (\d+)$/m.exec(r.out)?.[1];
    expect(seed).toBeDefined();
    expect(r.out).toContain(`--seed ${seed!}`);
  });

  it('refuses an invalid scenario and a wrong command line', async () => {
    const broken = await ppi(['play', 'cli/fixtures/broken.json'], ['']);
    expect(broken.code).toBe(EXIT_INVALID);
    expect(broken.out).toContain('FAIL  cli/fixtures/broken.json  (3 problems)');
    expect((await ppi(['play'])).code).toBe(EXIT_USAGE);
    expect((await ppi(['play', TUTORIAL, '--seed'])).err).toContain('--seed needs a seed');
  });

  it('reads answers piped into the process, and prints the same transcript', { timeout: 30_000 }, async () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'cli/ppi.ts', 'play', TUTORIAL, '--seed', '1'], {
      input: BEST.join('\n') + '\n',
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    expect(child.stderr).toBe('');
    const inProcess = await ppi(['play', TUTORIAL, '--seed', '1'], BEST);
    expect(child.stdout).toBe(inProcess.out + '\n');
  });
});
