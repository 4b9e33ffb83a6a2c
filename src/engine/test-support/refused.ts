// A base scenario with one mutation, loaded: the problems it gets, or its only problem.
import { expect } from 'vitest';
import { loadScenario } from '../load';
import { baseScenario, toText, type ScenarioInput } from './scenario';
import { mustFail, type ProblemLike } from './text';

export const FILE = 'town.json';

export function refused(mutate: (s: ScenarioInput) => void): { text: string; problems: ProblemLike[] } {
  const s = baseScenario();
  mutate(s);
  const text = toText(s);
  return { text, problems: mustFail(loadScenario(text, FILE)) };
}

/** The only problem of a file that has exactly one. */
export function onlyProblem(mutate: (s: ScenarioInput) => void): { text: string; problem: ProblemLike } {
  const { text, problems } = refused(mutate);
  expect(problems, JSON.stringify(problems, null, 1)).toHaveLength(1);
  return { text, problem: problems[0]! };
}
