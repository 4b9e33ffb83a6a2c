// The engine stays pure: the lint rule that says so must actually fire.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('src/engine purity rule', () => {
  // The first type-checked lint builds the TypeScript program: slow on a busy machine.
  beforeAll(async () => {
    await ruleIds('export {};\n', 'src/engine/rules.ts');
  }, 120_000);

  it.each([
    ["import { useState } from 'react';\nexport const x = useState;\n", 'no-restricted-imports'],
    ["import Phaser from 'phaser';\nexport const x = Phaser;\n", 'no-restricted-imports'],
    ["import Dexie from 'dexie';\nexport const x = Dexie;\n", 'no-restricted-imports'],
    ["import { create } from 'zustand';\nexport const x = create;\n", 'no-restricted-imports'],
    ["import { App } from '../ui/App';\nexport const x = App;\n", 'no-restricted-imports'],
    ['export const x = (): string => document.title;\n', 'no-restricted-globals'],
    ['export const x = (): Storage => localStorage;\n', 'no-restricted-globals'],
    ['export const x = (): string => window.location.href;\n', 'no-restricted-globals'],
  ])('refuses %j in src/engine', async (code, rule) => {
    expect(await ruleIds(code, 'src/engine/rules.ts')).toContain(rule);
  });

  it('allows the same code outside the engine', async () => {
    const ids = await ruleIds("import { useState } from 'react';\nexport const x = useState;\n", 'src/ui/Stars.tsx');
    expect(ids).not.toContain('no-restricted-imports');
  });
});
