// @vitest-environment jsdom
// Opening a scenario file on the map: its problems listed for the author, the fixed file as the
// player's own place, a shipped id refused, a dropped file, and removing it with a confirmation.
import { readFileSync } from 'node:fs';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test-support';

const CRANES = readFileSync('tests/e2e/fixtures/harbour-cranes.json', 'utf8');
const BROKEN = readFileSync('tests/e2e/fixtures/harbour-cranes.broken.json', 'utf8');
const file = (text: string, name: string) => new File([text], name, { type: 'application/json' });

async function onTheMap() {
  const app = renderApp();
  await app.user.click(screen.getByRole('button', { name: 'Play without a name' }));
  const input = screen.getByTestId('scenario-file');
  if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
  return { ...app, input };
}

const placeLabels = () =>
  within(screen.getByRole('list', { name: 'Places' }))
    .getAllByRole('button')
    .map((b) => b.getAttribute('aria-label'));

// A loaded machine renders the whole app slowly the first time.
describe('opening a scenario file', { timeout: 20_000 }, () => {
  it('lists the problems of a broken file with line and column, focused, and changes nothing', async () => {
    const { user, input, store } = await onTheMap();
    const before = store.getState().catalogue;
    expect(screen.getByRole('button', { name: 'Open a scenario file' })).toBeInTheDocument();
    await user.upload(input, file(BROKEN, 'cranes.json'));

    const heading = await screen.findByRole('heading', { name: 'Problems in cranes.json' });
    await waitFor(() => expect(heading).toHaveFocus());
    const items = within(heading.closest('section')!).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('cranes.json:11:14 at /minutes');
    expect(items[0]).toHaveTextContent('Expected: whole minutes');
    expect(items[0]).toHaveTextContent('Found: "three"');
    expect(items[2]).toHaveTextContent('cranes.json:47:7 at /nodes/1/promt');
    expect(items[2]).toHaveTextContent('Hint: did you mean "prompt"?');
    expect(
      screen.getByText(
        'cranes.json could not be opened. Its problems are listed below; nothing on this device was changed.',
      ),
    ).toHaveAttribute('role', 'status');
    expect(store.getState().catalogue).toBe(before);
  });

  it('puts a valid file on the map as the player’s own place, selected and playable at once', async () => {
    const { user, input, store } = await onTheMap();
    await user.upload(input, file(BROKEN, 'cranes.json'));
    await screen.findByRole('heading', { name: 'Problems in cranes.json' });
    await user.upload(input, file(CRANES, 'cranes.json'));

    const briefing = await screen.findByRole('heading', { level: 2, name: 'Quiet cranes for the harbour' });
    await waitFor(() => expect(briefing).toHaveFocus());
    expect(screen.queryByRole('heading', { name: 'Problems in cranes.json' })).not.toBeInTheDocument();
    expect(screen.getByText('Your own scenario, opened from cranes.json.')).toBeInTheDocument();
    expect(placeLabels()).toContain(
      'Quiet cranes for the harbour (your own scenario): Open, beginner, about 3 minutes',
    );
    expect(screen.getByText(/is on the map as your own place/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start “Quiet cranes for the harbour”' }));
    expect(store.getState().screen).toEqual({ name: 'play', scenarioId: 'harbour-cranes' });
  });

  it('refuses a file with the id of a shipped scenario and says what to change', async () => {
    const { user, input, store } = await onTheMap();
    await user.upload(input, file(CRANES.replace('"id": "harbour-cranes"', '"id": "tutorial"'), 'mine.json'));
    expect(
      await screen.findByText(/mine.json was not opened: its id “tutorial” belongs to a scenario that ships/),
    ).toBeInTheDocument();
    expect(store.getState().custom).toEqual([]);
    expect(placeLabels()).toHaveLength(2);
  });

  it('opens a file dropped on the map screen, showing where to drop it while dragging', async () => {
    await onTheMap();
    const dropped = file(CRANES, 'dropped.json');
    const dataTransfer = { types: ['Files'], files: [dropped], dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(screen.getByText('Drop the scenario file to open it')).toBeInTheDocument();
    fireEvent.dragOver(window, { dataTransfer });
    fireEvent.drop(window, { dataTransfer });
    expect(screen.queryByText('Drop the scenario file to open it')).not.toBeInTheDocument();
    expect(await screen.findByText('Your own scenario, opened from dropped.json.')).toBeInTheDocument();
  });

  it('removes the player’s own scenario only after confirming, and says what happens to results', async () => {
    const { user, input, store } = await onTheMap();
    await user.upload(input, file(CRANES, 'cranes.json'));
    await screen.findByRole('heading', { level: 2, name: 'Quiet cranes for the harbour' });

    await user.click(screen.getByRole('button', { name: 'Remove “Quiet cranes for the harbour”' }));
    const question = screen.getByText(/Finished results stay in the players' history/);
    expect(question).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(store.getState().custom).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Remove “Quiet cranes for the harbour”' }));
    const confirm = screen.getByRole('group', { name: /^Remove “Quiet cranes for the harbour” from this device\?/ });
    await user.click(within(confirm).getByRole('button', { name: 'Remove' }));
    expect(store.getState().custom).toEqual([]);
    expect(placeLabels()).toHaveLength(2);
    expect(screen.getByText('“Quiet cranes for the harbour” was removed from this device.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Your city' })).toHaveFocus();
  });

  it('shows the problems of a shipped file that broke while developing', async () => {
    const { store } = await onTheMap();
    const problem = {
      file: 'scenarios/street-lighting.json',
      pointer: '/nodes',
      line: 3,
      column: 4,
      expected: 'a list [...]',
      found: 'a number',
    };
    act(() => store.getState().replaceBundled([], [{ file: problem.file, problems: [problem] }]));
    const heading = screen.getByRole('heading', { name: 'scenarios/street-lighting.json could not be read' });
    expect(within(heading.closest('section')!).getByRole('listitem')).toHaveTextContent(
      'scenarios/street-lighting.json:3:4 at /nodes',
    );
  });
});
