// @vitest-environment jsdom
// The workshop screens in jsdom. A real hub cannot run inside jsdom's page, so the socket is a
// small fake that answers commands like the hub (its replies follow the protocol's schemas) and
// delivers pushes; the client, the store and the screens are the real ones. The real hub is
// exercised by src/session/store.test.ts and tests/e2e/workshop.e2e.ts.
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionClient, type SessionSocket } from '../../session/client';
import {
  facilitatorStateSchema,
  teamStateSchema,
  type FacilitatorState,
  type ScenarioInfo,
  type Tally,
  type TeamState,
} from '../../session/protocol';
import type { Translation } from '../../engine/translate';
import { createSessionStore, FACILITATOR_KEY, PARTICIPANT_KEY } from '../../session/store';
import { renderApp } from '../test-support';
import { setSessionStore } from './useSession';

type Handler = (...args: never[]) => void;

class FakeSocket implements SessionSocket {
  connected = false;
  readonly sent: { event: string; payload: unknown }[] = [];
  private readonly handlers = new Map<string, Set<Handler>>();
  readonly io = { on: () => undefined };
  constructor(private readonly answer: (event: string, payload: unknown) => unknown) {}
  on(event: string, listener: Handler) {
    const set = this.handlers.get(event) ?? new Set<Handler>();
    set.add(listener);
    this.handlers.set(event, set);
  }
  off(event: string, listener?: Handler) {
    if (listener) this.handlers.get(event)?.delete(listener);
  }
  push(event: string, ...args: unknown[]) {
    for (const h of this.handlers.get(event) ?? []) (h as (...a: unknown[]) => void)(...args);
  }
  timeout() {
    return {
      emit: (event: string, payload: unknown, ack: (err: unknown, reply: unknown) => void) => {
        this.sent.push({ event, payload });
        const reply = this.answer(event, payload);
        setTimeout(() => {
          ack(null, reply);
        }, 0);
      },
    };
  }
  connect() {
    this.connected = true;
    this.push('connect');
  }
  disconnect() {
    this.connected = false;
  }
}

const scenario: ScenarioInfo = {
  id: 'tutorial',
  version: '1',
  title: 'Tutorial',
  summary: 'Learn',
  lang: 'en',
  minutes: 5,
  maxDecisions: 3,
};
const status = (over: Partial<TeamState['status']> = {}): TeamState['status'] => ({
  sessionId: 'S1',
  status: 'running',
  mode: 'lockstep',
  step: 1,
  phase: 'open',
  clock: { deadline: 0, remainingMs: 60_000 },
  serverNow: 0,
  ...over,
});

function teamState(over: Partial<TeamState> = {}): TeamState {
  return teamStateSchema.parse({
    sessionId: 'S1',
    teamId: 'T1',
    name: 'Red',
    grouping: 'teams',
    scenario,
    status: status(),
    phase: 'deciding',
    decisions: 0,
    story: [
      { kind: 'narrative', node: 'intro', title: 'The town hall', text: 'The lights are old.' },
      {
        kind: 'decision',
        node: 'need',
        prompt: 'What do you buy?',
        options: [
          { id: 'lamps', text: 'New lamps' },
          { id: 'light', text: 'Light as a service' },
        ],
      },
    ],
    open: { step: 1, node: 'need', clock: { deadline: 0, remainingMs: 60_000 } },
    answer: null,
    metrics: [],
    score: { raw: 0, scaled: 0, stars: 0, metrics: 0, decisions: 0 },
    ending: null,
    reveal: null,
    ...over,
  });
}

const tally: Tally = {
  step: 1,
  node: 'need',
  prompt: 'What do you buy?',
  options: [
    {
      id: 'lamps',
      text: 'New lamps',
      quality: 'poor',
      feedback: 'A product, not a need.',
      reference: 'Art. 40',
      count: 1,
      timedOut: 0,
    },
    {
      id: 'light',
      text: 'Light as a service',
      quality: 'best',
      feedback: 'States the need.',
      reference: 'Art. 42',
      count: 2,
      timedOut: 0,
    },
  ],
  answered: 3,
};

function facilitatorState(over: Partial<FacilitatorState> = {}): FacilitatorState {
  return facilitatorStateSchema.parse({
    sessionId: 'S1',
    code: 'ABCDEFGH',
    title: 'Morning room',
    scenario,
    grouping: 'teams',
    timerSeconds: 60,
    createdAt: 0,
    urls: ['http://192.168.1.20:8080'],
    status: status({ status: 'lobby', step: 0, phase: null, clock: null }),
    teams: [],
    tallies: [],
    ...over,
  });
}

/** This browser kept a team from an earlier visit (as after a reload). */
function rememberTeam() {
  localStorage.setItem(PARTICIPANT_KEY, JSON.stringify({ sessionId: 'S1', teamId: 'T1', resumeToken: 'b'.repeat(32) }));
}

let socket: FakeSocket;

function install(answer: (event: string, payload: unknown) => unknown, autoConnect = true) {
  socket = new FakeSocket(answer);
  const store = createSessionStore({
    connect: () => {
      const client = new SessionClient(socket, { timeoutMs: 2000, unreachableAfter: 2 });
      if (autoConnect) setTimeout(() => socket.connect(), 0);
      return Promise.resolve(client);
    },
    storage: localStorage,
    records: null,
  });
  setSessionStore(store);
  return store;
}

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  setSessionStore(null);
});

describe('workshop screens', { timeout: 20_000 }, () => {
  it('joins with a code and a team name, answers, waits, and sees how the room chose', async () => {
    install((event, payload) => {
      if (event === 'participant:join') {
        return { ok: true, sessionId: 'S1', teamId: 'T1', resumeToken: 'a'.repeat(32), state: teamState() };
      }
      if (event === 'participant:decide') {
        const { option } = payload as { option: string };
        return {
          ok: true,
          duplicate: false,
          state: teamState({ phase: 'decided', open: null, answer: { step: 1, option } }),
        };
      }
      return { ok: false, error: { code: 'unknown-event', message: event } };
    });
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Join a workshop' }));
    const heading = await screen.findByRole('heading', { name: 'Join a workshop' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await screen.findByText('Connected')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Join code'), 'abc');
    await user.type(screen.getByLabelText('Team name'), 'Red');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.getByRole('alert')).toHaveTextContent('8-character code');
    expect(socket.sent).toHaveLength(0);

    await user.clear(screen.getByLabelText('Join code'));
    await user.type(screen.getByLabelText('Join code'), 'abcd-efgh');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    expect(await screen.findByText('What do you buy?')).toBeInTheDocument();
    expect(socket.sent[0]).toEqual({ event: 'participant:join', payload: { code: 'ABCDEFGH', teamName: 'Red' } });
    expect(JSON.parse(localStorage.getItem(PARTICIPANT_KEY)!)).toEqual({
      sessionId: 'S1',
      teamId: 'T1',
      resumeToken: 'a'.repeat(32),
    });
    expect(screen.getByText('The lights are old.')).toBeInTheDocument();
    expect(screen.getByText('Team Red · Tutorial')).toBeInTheDocument();
    expect(screen.getByText(/seconds left/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Light as a service' }));
    expect(await screen.findByRole('heading', { name: 'Answer sent' })).toBeInTheDocument();
    expect(socket.sent[1]).toEqual({
      event: 'participant:decide',
      payload: { step: 1, node: 'need', option: 'light' },
    });

    act(() => {
      socket.push('session:status', status({ phase: 'revealed', clock: null }));
      socket.push('session:reveal', { step: 1, tallies: [tally] });
      // A malformed push is dropped, never shown.
      socket.push('session:reveal', { step: 'one', tallies: 'none' });
    });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('New lamps1Poor choice');
    expect(rows[1]).toHaveTextContent('Light as a service (your choice)2Best choice');
    expect(screen.getByText('Answers: 3')).toBeInTheDocument();
    expect(screen.getByText('States the need.')).toBeInTheDocument();
  });

  it("shows the scenario text in the participant's language, and untranslated text in English, marked", async () => {
    rememberTeam();
    install((event) =>
      event === 'participant:resume'
        ? { ok: true, teamId: 'T1', state: teamState() }
        : { ok: false, error: { code: 'unknown-event', message: event } },
    );
    const german: Translation = {
      format: 1,
      scenario: 'tutorial',
      lang: 'de',
      strings: {
        title: { source: 'Tutorial', text: 'Einführung' },
        'node.need.prompt': { source: 'What do you buy?', text: 'Was kaufen Sie?' },
        'node.need.option.lamps.text': { source: 'New lamps', text: 'Neue Lampen' },
        'node.need.option.lamps.feedback': { source: 'A product, not a need.', text: 'Ein Produkt, kein Bedarf.' },
        // Translated from an older source: stale, so the English text shows.
        'node.need.option.light.text': { source: 'Light as service', text: 'Licht als Dienstleistung' },
      },
    };
    const { user } = renderApp({ settings: { language: 'de' }, translations: [german] });
    await user.click(screen.getByRole('button', { name: 'An einem Workshop teilnehmen' }));
    expect(await screen.findByText('Was kaufen Sie?')).toBeInTheDocument();
    expect(screen.getByText('Team Red · Einführung')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Neue Lampen/ })).toBeInTheDocument();
    expect(screen.getByText('Light as a service')).toHaveAttribute('lang', 'en');
    expect(screen.getByText('The lights are old.')).toHaveAttribute('lang', 'en');
    expect(screen.getByText(/noch nicht ins Deutsche übersetzt/)).toBeInTheDocument();

    act(() => {
      socket.push('team:state', teamState({ phase: 'decided', open: null, answer: { step: 1, option: 'lamps' } }));
      socket.push('session:status', status({ phase: 'revealed', clock: null }));
      socket.push('session:reveal', { step: 1, tallies: [tally] });
    });
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Neue Lampen');
    expect(screen.getByText('Ein Produkt, kein Bedarf.')).toBeInTheDocument();
    expect(screen.getByText('States the need.')).toHaveAttribute('lang', 'en');
  });

  it("marks the text of a hub's own scenario with its language when this browser does not have it", async () => {
    rememberTeam();
    const own = teamState({ scenario: { ...scenario, id: 'own-city', title: 'Our own city' } });
    install((event) =>
      event === 'participant:resume'
        ? { ok: true, teamId: 'T1', state: own }
        : { ok: false, error: { code: 'unknown-event', message: event } },
    );
    const { user } = renderApp({ settings: { language: 'de' } });
    await user.click(screen.getByRole('button', { name: 'An einem Workshop teilnehmen' }));
    expect(await screen.findByText('What do you buy?')).toHaveAttribute('lang', 'en');
    expect(screen.getByText('Our own city')).toHaveAttribute('lang', 'en');
    expect(screen.getByText(/noch nicht ins Deutsche übersetzt/)).toBeInTheDocument();
  });

  it('resumes the team this browser kept, after a reload', async () => {
    rememberTeam();
    install((event) =>
      event === 'participant:resume'
        ? {
            ok: true,
            teamId: 'T1',
            state: teamState({
              phase: 'waiting',
              open: null,
              status: status({ status: 'lobby', step: 0, phase: null, clock: null }),
            }),
          }
        : { ok: false, error: { code: 'unknown-event', message: event } },
    );
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Join a workshop' }));
    expect(await screen.findByRole('heading', { name: "You're in! Waiting for the start" })).toBeInTheDocument();
    expect(socket.sent[0]).toEqual({
      event: 'participant:resume',
      payload: { sessionId: 'S1', resumeToken: 'b'.repeat(32) },
    });
  });

  it('says workshops need npm run serve when no hub answers', async () => {
    install(() => ({ ok: false, error: { code: 'internal', message: 'x' } }), false);
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Run a workshop' }));
    await screen.findByText('Connecting to the workshop hub…');
    act(() => {
      socket.push('connect_error', new Error('404'));
      socket.push('connect_error', new Error('404'));
    });
    expect(await screen.findByText('Workshop hub unreachable')).toBeInTheDocument();
    expect(screen.getByText(/npm run serve/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to the game' }));
    expect(await screen.findByRole('heading', { name: 'Who is playing?' })).toBeInTheDocument();
  });

  it('in free pace, shows which options are best only when the facilitator asks', async () => {
    localStorage.setItem(FACILITATOR_KEY, JSON.stringify({ sessionId: 'S1', facilitatorToken: 'c'.repeat(32) }));
    const state = facilitatorState({
      status: status({ mode: 'free', step: 0, phase: null, clock: null }),
      tallies: [{ ...tally, step: null }],
      seq: 5,
    });
    install((event) =>
      event === 'facilitator:attach'
        ? { ok: true, state }
        : { ok: false, error: { code: 'unknown-event', message: event } },
    );
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Run a workshop' }));
    const figure = await screen.findByRole('figure', { name: /What do you buy\?/ });
    expect(within(figure).getAllByRole('row')[1]).toHaveTextContent(/^New lamps1$/);
    expect(within(figure).queryByText('Best choice')).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /Show which options are best/ }));
    expect(within(figure).getByText('Best choice')).toBeInTheDocument();
    expect(screen.getByText('States the need.')).toBeInTheDocument();

    // An update made before the full state (another hub process had not caught up) is stale.
    const moreAnswers = (n: number) => ({ ...tally, step: null, answered: n });
    act(() => {
      socket.push('facilitator:update', { sessionId: 'S1', seq: 4, teams: [], tallies: [moreAnswers(7)] });
    });
    expect(within(figure).getByText('Answers: 3')).toBeInTheDocument();
    act(() => {
      socket.push('facilitator:update', { sessionId: 'S1', seq: 6, teams: [], tallies: [moreAnswers(8)] });
    });
    expect(await within(figure).findByText('Answers: 8')).toBeInTheDocument();
  });

  it('creates a session and shows the code, the QR code, the lobby and controls with shortcuts', async () => {
    let current = facilitatorState();
    install((event, payload) => {
      // A hub's own scenario, listed first by the hub: the form puts the campaign's first.
      if (event === 'hub:scenarios') {
        return { ok: true, scenarios: [{ ...scenario, id: 'own-city', title: 'Our own city', minutes: 12 }, scenario] };
      }
      if (event === 'facilitator:create') {
        return { ok: true, sessionId: 'S1', code: 'ABCDEFGH', facilitatorToken: 'c'.repeat(32), state: current };
      }
      if (event === 'facilitator:control') {
        const { action } = payload as { action: string };
        if (action === 'start') current = facilitatorState({ ...current, status: status() });
        return { ok: true, state: current };
      }
      return { ok: false, error: { code: 'unknown-event', message: event } };
    });
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Run a workshop' }));
    await screen.findByRole('option', { name: 'Tutorial · about 5 minutes' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Tutorial · about 5 minutes',
      'Our own city · about 12 minutes',
    ]);
    await user.clear(screen.getByLabelText('Seconds per decision (0 = no timer)'));
    await user.type(screen.getByLabelText('Seconds per decision (0 = no timer)'), '60');
    await user.type(screen.getByLabelText('Title (optional)'), 'Morning room');
    await user.click(screen.getByRole('button', { name: 'Create the session' }));

    expect(await screen.findByText('ABCD-EFGH')).toBeInTheDocument();
    expect(socket.sent.find((s) => s.event === 'facilitator:create')?.payload).toEqual({
      scenarioId: 'tutorial',
      mode: 'lockstep',
      grouping: 'teams',
      timerSeconds: 60,
      title: 'Morning room',
    });
    const qr = screen.getByRole('img', { name: 'QR code to join: http://192.168.1.20:8080/?join=ABCD-EFGH' });
    await waitFor(() => expect(qr.querySelector('svg')).not.toBeNull());
    expect(screen.getByText('No one has joined yet.')).toBeInTheDocument();

    const red = {
      teamId: 'T1',
      name: 'Red',
      connected: 1,
      phase: 'waiting' as const,
      decisions: 0,
      node: null,
      answered: false,
      score: 0,
      stars: 0,
      ending: null,
      joinedAt: 0,
    };
    act(() => {
      // An update of another session (one this screen left) is not shown.
      socket.push('facilitator:update', { sessionId: 'OLD', seq: 9, teams: [{ ...red, name: 'Ghost' }], tallies: [] });
      socket.push('facilitator:update', { sessionId: 'S1', seq: 1, teams: [red], tallies: [] });
    });
    expect(await screen.findByRole('rowheader', { name: 'Red' })).toBeInTheDocument();
    expect(screen.queryByRole('rowheader', { name: 'Ghost' })).toBeNull();

    const start = screen.getByRole('button', { name: /Start/ });
    expect(start).toHaveAttribute('aria-keyshortcuts', 'S');
    await user.keyboard('s');
    await waitFor(() => expect(screen.getByRole('button', { name: /Reveal/ })).toBeInTheDocument());
    expect(socket.sent.at(-1)).toEqual({
      event: 'facilitator:control',
      payload: { sessionId: 'S1', facilitatorToken: 'c'.repeat(32), action: 'start', seenStep: 0 },
    });

    // While the room decides, the projector shows how many chose what, never which option is best.
    act(() => {
      socket.push('facilitator:update', { sessionId: 'S1', seq: 3, teams: [], tallies: [tally] });
    });
    const live = within(await screen.findByRole('figure', { name: /What do you buy\?/ })).getByRole('table');
    expect(within(live).getAllByRole('row')[1]).toHaveTextContent(/^New lamps1$/);
    expect(within(live).queryByText('Best choice')).toBeNull();
    expect(live.querySelector('.q-best, .q-poor')).toBeNull();
    expect(screen.queryByText('States the need.')).toBeNull();

    // Revealed: qualities, colours and feedback for the discussion.
    current = facilitatorState({ ...current, status: status({ phase: 'revealed', clock: null }), tallies: [tally] });
    await user.keyboard('r');
    await waitFor(() => expect(within(live).getByText('Best choice')).toBeInTheDocument());
    expect(live.querySelector('.q-best')).not.toBeNull();
    expect(screen.getByText('States the need.')).toBeInTheDocument();
  });
});
