// Compiling a scenario and playing it through the Run API.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkImplementationNames, CompileError, compileScenario, implementationNames } from './compile';
import { loadScenario } from './load';
import { draw, seedState } from './random';
import { Run, RunError, type PersistedRun } from './run';
import {
  baseScenario,
  decision,
  ending,
  event,
  metric,
  narrative,
  option,
  outcome,
  scenario,
  toText,
  type ScenarioInput,
} from './test-support/scenario';
import { mustLoad, removeAt, viaJson } from './test-support/text';

function compile(input: ScenarioInput = baseScenario()) {
  return compileScenario(mustLoad(loadScenario(toText(input), 'fixture.json')));
}

/** The first seed from 0 up whose first draw gives the base fixture's storm this outcome. */
function seedFor(storm: 'rain' | 'calm'): number {
  for (let seed = 0; ; seed++) {
    const rain = draw(seedState(seed)).value < 0.3;
    if (rain === (storm === 'rain')) return seed;
  }
}

describe('a run from narrative to ending', () => {
  it('shows each kind of node in turn', () => {
    const seed = seedFor('rain');
    const run = Run.start(compile(), seed);
    expect(run.finished).toBe(false);
    expect(run.seed).toBe(seed);
    expect(run.view()).toEqual({
      kind: 'narrative',
      node: 'intro',
      title: undefined,
      speaker: undefined,
      text: 'Scene intro.',
    });
    expect(run.result()).toBeUndefined();

    run.continue();
    expect(run.view()).toEqual({
      kind: 'decision',
      node: 'decide',
      title: undefined,
      speaker: undefined,
      prompt: 'Question decide?',
      options: [
        { id: 'talk', text: 'Option talk' },
        { id: 'skip', text: 'Option skip' },
      ],
      timer: { seconds: 30, onTimeout: 'skip' },
    });

    run.choose('skip');
    expect(run.view()).toEqual({
      kind: 'feedback',
      node: 'decide',
      title: undefined,
      prompt: 'Question decide?',
      chosen: { id: 'skip', text: 'Option skip' },
      quality: 'poor',
      timedOut: false,
      feedback: 'Feedback on skip.',
      reference: 'Directive 2014/24/EU Art. 31',
      changes: { budget: 10, risk: 30 },
      better: {
        id: 'talk',
        text: 'Option talk',
        feedback: 'Feedback on talk.',
        reference: 'Directive 2014/24/EU Art. 31',
      },
    });

    run.continue();
    expect(run.view()).toEqual({
      kind: 'event',
      node: 'storm',
      title: undefined,
      speaker: undefined,
      text: undefined,
      outcome: { id: 'rain', text: 'Outcome rain.' },
      changes: { risk: 10 },
    });

    // The branch is passed at once: "talked" is not set, so the run lands on "lose".
    run.continue();
    expect(run.view()).toEqual({
      kind: 'ending',
      node: 'lose',
      title: 'Ending lose',
      speaker: undefined,
      text: 'The end (lose).',
      outcome: 'failure',
    });
    expect(run.finished).toBe(true);

    const result = run.result();
    expect(result).toMatchObject({
      scenarioId: 'tiny-town',
      scenarioVersion: '1.0.0',
      seed,
      ending: 'lose',
      outcome: 'failure',
      metrics: { budget: 60, risk: 60 },
      events: [{ node: 'storm', outcome: 'rain', changes: { risk: 10 } }],
      trail: ['intro', 'decide', 'storm', 'gate', 'lose'],
    });
    expect(result?.decisions).toEqual([
      {
        node: 'decide',
        option: 'skip',
        quality: 'poor',
        timedOut: false,
        changes: { budget: 10, risk: 30 },
        prompt: 'Question decide?',
        chosenText: 'Option skip',
        feedback: 'Feedback on skip.',
        reference: 'Directive 2014/24/EU Art. 31',
        better: {
          id: 'talk',
          text: 'Option talk',
          feedback: 'Feedback on talk.',
          reference: 'Directive 2014/24/EU Art. 31',
        },
      },
    ]);
    // A failure caps the stars at one.
    expect(result?.score.stars).toBeLessThanOrEqual(1);
  });

  it('takes the branch case when its condition holds, and offers no "better" after the best option', () => {
    const run = Run.start(compile(), seedFor('calm'));
    run.continue();
    run.choose('talk');
    const feedback = run.view();
    expect(feedback).toMatchObject({ kind: 'feedback', quality: 'best', changes: { budget: -10 } });
    expect(feedback).not.toHaveProperty('better');
    run.continue();
    expect(run.view()).toMatchObject({ kind: 'event', outcome: { id: 'calm' }, changes: {} });
    run.continue();
    expect(run.result()).toMatchObject({ ending: 'win', outcome: 'success', metrics: { budget: 40, risk: 20 } });
  });

  it('lists the metrics with their definitions and current values', () => {
    const run = Run.start(compile(), 1);
    run.continue();
    run.choose('skip');
    expect(run.metrics()).toEqual([
      { id: 'budget', label: 'budget', initial: 50, min: 0, max: 100, weight: 1, better: 'higher', value: 60 },
      { id: 'risk', label: 'risk', initial: 20, min: 0, max: 100, weight: 1, better: 'lower', value: 50 },
    ]);
  });

  it('tells subscribers about every change until they unsubscribe', () => {
    const run = Run.start(compile(), 1);
    const listener = vi.fn();
    const unsubscribe = run.subscribe(listener);
    run.continue();
    run.choose('talk');
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    run.continue();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('the order a run shows options in', () => {
  const fourOptions = () => {
    const input = baseScenario();
    const decide = input.nodes.find((n) => n.id === 'decide') as { options: ReturnType<typeof option>[] };
    decide.options.push(option('wait', 'storm', 'weak'), option('ask', 'storm', 'good'));
    return compile(input);
  };
  const orderAt = (c: ReturnType<typeof compile>, seed: number | string) => {
    const run = Run.start(c, seed);
    run.continue();
    const view = run.view();
    if (view.kind !== 'decision') throw new Error(view.kind);
    return view.options.map((o) => o.id);
  };

  it('is a permutation of the options, the same for the same seed, after a save and in a replay', () => {
    const c = fourOptions();
    const order = orderAt(c, 'room-7');
    expect([...order].sort()).toEqual(['ask', 'skip', 'talk', 'wait']);
    expect(orderAt(c, 'room-7')).toEqual(order);
    const run = Run.start(c, 'room-7');
    run.continue();
    const resumed = Run.resume(c, viaJson(run.persist()));
    expect(resumed.view()).toEqual(run.view());
  });

  it('differs between runs, so the best option is not always first', () => {
    const c = fourOptions();
    const firsts = new Map<string, number>();
    const orders = new Set<string>();
    for (let seed = 1; seed <= 400; seed++) {
      const order = orderAt(c, seed);
      orders.add(order.join());
      firsts.set(order[0]!, (firsts.get(order[0]!) ?? 0) + 1);
    }
    // 24 orders are possible; each option leads in about a quarter of the runs.
    expect(orders.size).toBeGreaterThan(20);
    for (const id of ['talk', 'skip', 'wait', 'ask']) {
      expect(firsts.get(id)).toBeGreaterThan(60);
      expect(firsts.get(id)).toBeLessThan(140);
    }
  });
});

describe('actions that do not fit the moment throw RunError and change nothing', () => {
  it('choosing an option the decision does not have', () => {
    const run = Run.start(compile(), 1);
    run.continue();
    expect(() => {
      run.choose('maybe');
    }).toThrow(new RunError('Decision "decide" has no option "maybe".'));
    expect(run.view()).toMatchObject({ kind: 'decision', node: 'decide' });
    expect(run.history()).toEqual([]);
    expect(run.lastDecision()).toBeUndefined();
  });

  it('continuing at a decision', () => {
    const run = Run.start(compile(), 1);
    run.continue();
    expect(() => {
      run.continue();
    }).toThrow(new RunError('Nothing to continue from at "decide".'));
    expect(run.view().kind).toBe('decision');
  });

  it('choosing where there is no decision to make', () => {
    const run = Run.start(compile(), 1);
    expect(() => {
      run.choose('talk');
    }).toThrow(new RunError('There is no decision to make at "intro" now.'));
    run.continue();
    run.choose('talk');
    // Once answered, the decision cannot be answered again.
    expect(() => {
      run.choose('skip');
    }).toThrow(RunError);
    expect(run.history().map((d) => d.option)).toEqual(['talk']);
    expect(run.lastDecision()).toEqual(run.history()[0]);
  });

  it('acting after the end', () => {
    const run = Run.start(compile(), 1);
    run.continue();
    run.choose('talk');
    run.continue();
    run.continue();
    expect(run.finished).toBe(true);
    expect(() => {
      run.continue();
    }).toThrow(new RunError('Nothing to continue from at "win".'));
    expect(() => {
      run.timeout();
    }).toThrow(RunError);
  });

  it('RunError is an Error with its own name', () => {
    const error = new RunError('x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RunError');
  });
});

describe('timers', () => {
  it("a timeout takes the decision's onTimeout option, marked as timed out", () => {
    const run = Run.start(compile(), 1);
    run.continue();
    run.timeout();
    expect(run.view()).toMatchObject({
      kind: 'feedback',
      chosen: { id: 'skip', text: 'Option skip' },
      quality: 'poor',
      timedOut: true,
      changes: { budget: 10, risk: 30 },
    });
    expect(run.history()).toEqual([expect.objectContaining({ option: 'skip', timedOut: true })]);
    expect(run.metrics().map((m) => m.value)).toEqual([60, 50]);
  });

  it('a timeout where no timer runs throws', () => {
    const run = Run.start(compile(), 1);
    expect(() => {
      run.timeout();
    }).toThrow(new RunError('There is no timer running at "intro".'));

    const untimed = baseScenario();
    removeAt(untimed, '/nodes/1/timer');
    const other = Run.start(compile(untimed), 1);
    other.continue();
    expect(other.view()).not.toHaveProperty('timer');
    expect(() => {
      other.timeout();
    }).toThrow(new RunError('There is no timer running at "decide".'));
    expect(other.history()).toEqual([]);

    // Nor once the decision is answered.
    run.continue();
    run.choose('talk');
    expect(() => {
      run.timeout();
    }).toThrow(RunError);
  });
});

describe('metrics and flags', () => {
  const clamped = scenario({
    metrics: [metric('budget', { initial: 50, min: 0, max: 100 })],
    flags: ['a', 'b', 'c'],
    nodes: [
      decision('d1', [
        option('spend-all', 'd2', 'good', { effects: { budget: -200 }, setFlags: ['b', 'a'] }),
        option('windfall', 'd2', 'good', { effects: { budget: 80 }, setFlags: ['a'] }),
      ]),
      decision('d2', [
        option('more', 'luck', 'good', { effects: { budget: 10 }, clearFlags: ['a'], setFlags: ['c'] }),
        option('same', 'luck', 'good', { clearFlags: ['c'] }),
      ]),
      event('luck', [
        outcome('up', 50, 'end', { effects: { budget: 1 }, setFlags: ['a'], clearFlags: ['b'] }),
        outcome('down', 50, 'end', { effects: { budget: -1 }, setFlags: ['a'], clearFlags: ['b'] }),
      ]),
      ending('end'),
    ],
  });

  it('are kept within their bounds, and the changes shown are the changes applied', () => {
    const run = Run.start(compile(clamped), 1);
    run.choose('windfall');
    // 50 + 80 is 130, kept at 100: the change applied is +50.
    expect(run.view()).toMatchObject({ kind: 'feedback', changes: { budget: 50 } });
    expect(run.metrics()[0]!.value).toBe(100);
    run.continue();
    run.choose('more');
    // Already at the maximum: nothing changed, so no change is shown.
    expect(run.view()).toMatchObject({ kind: 'feedback', changes: {} });
    expect(run.metrics()[0]!.value).toBe(100);

    const low = Run.start(compile(clamped), 1);
    low.choose('spend-all');
    expect(low.view()).toMatchObject({ changes: { budget: -50 } });
    expect(low.metrics()[0]!.value).toBe(0);
  });

  it('flags are set and cleared by options and outcomes, and listed sorted', () => {
    const run = Run.start(compile(clamped), 1);
    expect(run.flags()).toEqual([]);
    run.choose('spend-all');
    expect(run.flags()).toEqual(['a', 'b']);
    run.continue();
    run.choose('more');
    expect(run.flags()).toEqual(['b', 'c']);
    run.continue();
    // Both outcomes set "a" and clear "b".
    expect(run.flags()).toEqual(['a', 'c']);
    run.continue();
    expect(run.finished).toBe(true);
  });

  it('clearing a flag that is not set, or setting one twice, is harmless', () => {
    const run = Run.start(compile(clamped), 1);
    run.choose('windfall');
    run.continue();
    run.choose('same');
    expect(run.flags()).toEqual(['a']);
  });
});

describe('saving and resuming', () => {
  const finish = (run: Run) => {
    while (!run.finished) {
      const view = run.view();
      if (view.kind === 'decision') run.choose(view.options[0]!.id);
      else run.continue();
    }
    return run.result();
  };

  it('persist → JSON → resume continues at the same place with the same metrics and history', () => {
    const compiled = compile();
    for (const seed of [seedFor('rain'), seedFor('calm')]) {
      const run = Run.start(compiled, seed);
      run.continue();
      run.choose('skip');
      const saved = viaJson(run.persist());
      expect(saved).toMatchObject({ scenarioId: 'tiny-town', scenarioVersion: '1.0.0' });

      const resumed = Run.resume(compiled, saved);
      expect(resumed.view()).toEqual(run.view());
      expect(resumed.metrics()).toEqual(run.metrics());
      expect(resumed.history()).toEqual(run.history());
      expect(resumed.flags()).toEqual(run.flags());
      expect(resumed.seed).toBe(seed);

      // Both go on exactly alike, the event included.
      expect(finish(resumed)).toEqual(finish(run));
    }
  });

  it('a save made at a decision, before choosing, resumes at the decision', () => {
    const compiled = compile();
    const run = Run.start(compiled, 3);
    run.continue();
    const resumed = Run.resume(compiled, viaJson(run.persist()));
    expect(resumed.view()).toMatchObject({ kind: 'decision', node: 'decide' });
    resumed.timeout();
    expect(resumed.view()).toMatchObject({ kind: 'feedback', timedOut: true });
  });

  it('a finished run resumes finished, with the same result', () => {
    const compiled = compile();
    const run = Run.start(compiled, 5);
    const result = finish(run);
    const resumed = Run.resume(compiled, viaJson(run.persist()));
    expect(resumed.finished).toBe(true);
    expect(resumed.result()).toEqual(result);
  });

  it('refuses a save made for another version or another scenario', () => {
    const run = Run.start(compile(), 1);
    const saved = viaJson(run.persist());
    const newer = baseScenario();
    newer.version = '1.1.0';
    expect(() => Run.resume(compile(newer), saved)).toThrow(
      new RunError('This save belongs to tiny-town 1.0.0, not tiny-town 1.1.0.'),
    );
    const other = baseScenario();
    other.id = 'other-town';
    expect(() => Run.resume(compile(other), saved)).toThrow(
      new RunError('This save belongs to tiny-town 1.0.0, not other-town 1.0.0.'),
    );
  });

  describe('a damaged save', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('is refused with a RunError, and nothing is rethrown later from a timer', () => {
      vi.useFakeTimers();
      const run = Run.start(compile(), 1);
      run.continue();
      const saved: PersistedRun = viaJson(run.persist());
      const damaged = { ...saved, snapshot: { ...saved.snapshot, value: { nowhere: 'choosing' } } };
      expect(() => Run.resume(compile(), damaged)).toThrow(/^This save cannot be resumed: .*nowhere/);
      // XState reports an error nobody listens to by throwing it from a timer, which would crash
      // a Node process; the run listens, so no such timer may be pending.
      expect(vi.getTimerCount()).toBe(0);
    });

    it('whose context is broken is refused when resumed, before XState sees it', () => {
      vi.useFakeTimers();
      const run = Run.start(compile(), 1);
      run.continue();
      const saved: PersistedRun = viaJson(run.persist());
      for (const snapshot of [{ ...saved.snapshot, context: {} }, null, 42, { ...saved.snapshot, status: 'error' }]) {
        expect(() => Run.resume(compile(), { ...saved, snapshot: snapshot as PersistedRun['snapshot'] })).toThrow(
          /^This save is damaged/,
        );
      }
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});

describe('implementation names', () => {
  it('the compiled machine uses exactly the known guards and actions', () => {
    const { machine } = compile();
    expect(implementationNames(machine.config)).toEqual({
      guards: new Set(['isOption', 'check', 'rolled']),
      actions: new Set(['enter', 'applyOption', 'applyOutcome']),
    });
    expect(() => {
      checkImplementationNames(machine.config);
    }).not.toThrow();
  });

  it('finds names in strings, objects and lists, but not inside params', () => {
    const config = {
      states: {
        a: {
          entry: 'enter',
          exit: [{ type: 'applyOutcome' }],
          on: {
            GO: [
              { guard: 'isOption', actions: ['applyOption', { type: 'sing', params: { type: 'dance' } }] },
              { guard: { type: 'check', params: { guard: 'notAGuard', actions: 'notAnAction' } } },
            ],
          },
          always: { guard: { type: 'teleport' }, target: 'b' },
        },
        b: { type: 'final' },
      },
    };
    expect(implementationNames(config)).toEqual({
      guards: new Set(['isOption', 'check', 'teleport']),
      actions: new Set(['enter', 'applyOutcome', 'applyOption', 'sing']),
    });
  });

  it('an unknown action or guard name is a CompileError', () => {
    const unknownAction = { states: { a: { on: { GO: { actions: [{ type: 'applyOption' }, { type: 'sing' }] } } } } };
    expect(() => {
      checkImplementationNames(unknownAction);
    }).toThrow(new CompileError('The machine refers to unknown guards [] or actions [sing]'));

    const unknownGuard = { states: { a: { always: [{ guard: 'teleport', target: 'b' }], entry: 'enter' } } };
    expect(() => {
      checkImplementationNames(unknownGuard);
    }).toThrow(new CompileError('The machine refers to unknown guards [teleport] or actions []'));

    try {
      checkImplementationNames(unknownGuard);
    } catch (e) {
      expect(e).toBeInstanceOf(CompileError);
      expect((e as Error).name).toBe('CompileError');
    }
  });

  it('every scenario node becomes a state, addressed by the node id', () => {
    const compiled = compile(
      scenario({
        nodes: [narrative('a', 'b'), narrative('b', 'c'), ending('c')],
      }),
    );
    expect(Object.keys(compiled.machine.config.states ?? {})).toEqual(['a', 'b', 'c']);
    expect([...compiled.nodes.keys()]).toEqual(['a', 'b', 'c']);
    const run = Run.start(compiled, 0);
    run.continue();
    run.continue();
    expect(run.result()?.trail).toEqual(['a', 'b', 'c']);
  });
});
