// @vitest-environment jsdom
// The language picker on every screen: the nine languages by their own names, and a switch that
// re-renders the screen (the map's places, the HUD) and sets <html lang>.
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../play/settings';
import { renderApp } from './test-support';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods; the settings dialog is opened with showModal().
  // Closing is not needed here: the page behind stays readable in jsdom while the dialog is open.
  if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
    HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
      this.open = true;
    };
  }
});

async function openSettings(user: ReturnType<typeof renderApp>['user'], name: string) {
  await user.click(screen.getByRole('button', { name }));
  return within(screen.getByRole('dialog'));
}

describe('UI language', () => {
  it('offers the nine languages, each named in itself and marked with its lang', async () => {
    const { user } = renderApp();
    const dialog = await openSettings(user, 'Settings');
    const options = within(dialog.getByLabelText('Language')).getAllByRole('option');
    expect(options.map((o) => [o.getAttribute('value'), o.getAttribute('lang'), o.textContent])).toEqual([
      ['en', 'en', 'English'],
      ['lt', 'lt', 'Lietuvių'],
      ['lv', 'lv', 'Latviešu'],
      ['et', 'et', 'Eesti'],
      ['fi', 'fi', 'Suomi'],
      ['sv', 'sv', 'Svenska'],
      ['de', 'de', 'Deutsch'],
      ['da', 'da', 'Dansk'],
      ['pl', 'pl', 'Polski'],
    ]);
    expect(options).toHaveLength(LANGUAGES.length);
  });

  it('switches the city map to Polish from the settings dialog and sets <html lang>', async () => {
    const { user, store } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Play without a name' }));
    expect(document.documentElement.lang).toBe('en');

    const dialog = await openSettings(user, 'Settings');
    await user.selectOptions(dialog.getByLabelText('Language'), 'pl');
    expect(store.getState().settings.language).toBe('pl');
    expect(document.documentElement.lang).toBe('pl');
    expect(screen.getByRole('dialog', { name: 'Ustawienia' })).toBeInTheDocument();

    expect(screen.getByRole('heading', { level: 1, name: 'Twoje miasto' })).toBeInTheDocument();
    const places = within(screen.getByRole('list', { name: 'Miejsca' })).getAllByRole('button');
    expect(places[0]).toHaveAccessibleName(/: Otwarte, dla początkujących, około 5 minut$/);
    expect(places[1]).toHaveAccessibleName(/: Zablokowane, dla średnio zaawansowanych, około \d+ minut$/);
    expect(document.title).toBe('Twoje miasto · PPI Quest');
  });

  it('can be changed in the middle of a scenario, and the HUD follows', async () => {
    const { user } = renderApp({ settings: { language: 'fi' } });
    expect(document.documentElement.lang).toBe('fi');
    await user.click(screen.getByRole('button', { name: 'Pelaa ilman nimeä' }));
    await user.click(screen.getAllByRole('button', { name: /: Avoinna, / })[0]!);
    await user.click(screen.getByRole('button', { name: /^Aloita/ }));
    expect(screen.getByText('Päätöskirjanpito · 0 päätöstä tähän mennessä')).toBeInTheDocument();

    const dialog = await openSettings(user, 'Asetukset');
    await user.selectOptions(dialog.getByLabelText('Kieli'), 'de');
    expect(screen.getByRole('dialog', { name: 'Einstellungen' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
    expect(screen.getByText('Protokoll · bisher 0 Entscheidungen')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Szenario verlassen' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Kennzahlen' })).toBeInTheDocument();
  });

  it('gives the size of a scenario file that is too large with the language’s decimal comma', async () => {
    const { user } = renderApp({ settings: { language: 'de' } });
    await user.click(screen.getByRole('button', { name: 'Ohne Namen spielen' }));
    const input = screen.getByTestId('scenario-file');
    await user.upload(input, new File([new Uint8Array(16_500_000)], 'riesig.json', { type: 'application/json' }));
    expect(
      await screen.findByText(
        'riesig.json wurde nicht geöffnet: Die Datei ist 16,5 MB groß, eine Szenariodatei darf höchstens 16 MB groß sein.',
      ),
    ).toBeInTheDocument();
  });
});
