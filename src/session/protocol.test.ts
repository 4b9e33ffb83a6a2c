import { describe, expect, it } from 'vitest';
import {
  ClientCommands,
  JOIN_CODE_ALPHABET,
  MAX_CLIENT_MESSAGE_BYTES,
  formatJoinCode,
  isClientCommand,
  isJoinCode,
  normalizeJoinCode,
  parseCommand,
} from './protocol';

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('join codes', () => {
  it('normalises what people type', () => {
    expect(normalizeJoinCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(formatJoinCode('ABCDEFGH')).toBe('ABCD-EFGH');
  });

  it('accepts only the unambiguous alphabet', () => {
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(isJoinCode('ABCDEFGH')).toBe(true);
    expect(isJoinCode('ABCDEFG0')).toBe(false);
    expect(isJoinCode('ABCDEFG')).toBe(false);
  });
});

describe('parseCommand', () => {
  it('accepts a join and normalises the code and the name', () => {
    const r = parseCommand('participant:join', { code: 'abcd efgh', teamName: '  Team   Blue ' });
    expect(r).toEqual({ ok: true, value: { code: 'ABCDEFGH', teamName: 'Team Blue' } });
  });

  it.each([
    ['participant:join', { code: 'ABCDEFGH', teamName: '' }, 'teamName'],
    ['participant:join', { code: 'ABCDEFGH', teamName: 'x'.repeat(41) }, 'teamName'],
    ['participant:join', { code: 'ABCDEFGH', teamName: 'a\u0007b' }, 'teamName'],
    ['participant:join', { code: 'OOOOOOOO', teamName: 'ok' }, 'code'],
    ['participant:join', { code: 'ABCDEFGH', teamName: 'ok', score: 100 }, ''],
    ['participant:decide', { step: 0, node: 'n', option: 'o' }, 'step'],
    ['participant:decide', { step: 1.5, node: 'n', option: 'o' }, 'step'],
    ['participant:decide', { step: 1, node: 'n' }, 'option'],
    ['facilitator:control', { sessionId: 's', facilitatorToken: TOKEN, action: 'explode' }, 'action'],
    ['facilitator:control', { sessionId: 's', facilitatorToken: 'short', action: 'start' }, 'facilitatorToken'],
    ['facilitator:create', { scenarioId: 'x', mode: 'lockstep', grouping: 'teams', timerSeconds: -1 }, 'timerSeconds'],
    ['facilitator:create', { scenarioId: 'x', mode: 'race', grouping: 'teams', timerSeconds: 0 }, 'mode'],
  ] as const)('refuses %s %j', (event, payload, field) => {
    const r = parseCommand(event, payload);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid');
      expect(r.error.message).toContain(field);
    }
  });

  it('refuses non-objects and oversized payloads', () => {
    expect(parseCommand('participant:decide', null)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(parseCommand('participant:decide', 'step=1')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const big = { step: 1, node: 'n', option: 'x'.repeat(MAX_CLIENT_MESSAGE_BYTES) };
    expect(parseCommand('participant:decide', big)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('refuses payloads that are not JSON data', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(parseCommand('participant:decide', cyclic)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('knows its events and nothing else', () => {
    expect(isClientCommand('participant:decide')).toBe(true);
    expect(isClientCommand('toString')).toBe(false);
    expect(isClientCommand('__proto__')).toBe(false);
    expect(Object.keys(ClientCommands)).toHaveLength(9);
  });

  it('accepts every well-formed command', () => {
    expect(parseCommand('hub:scenarios', {}).ok).toBe(true);
    expect(
      parseCommand('facilitator:create', {
        scenarioId: 'tutorial',
        mode: 'free',
        grouping: 'individuals',
        timerSeconds: 60,
      }).ok,
    ).toBe(true);
    expect(parseCommand('facilitator:attach', { sessionId: 'abc_12', facilitatorToken: TOKEN }).ok).toBe(true);
    expect(parseCommand('participant:resume', { sessionId: 'abc', resumeToken: TOKEN }).ok).toBe(true);
    expect(parseCommand('participant:open', { step: 3 }).ok).toBe(true);
  });
});
