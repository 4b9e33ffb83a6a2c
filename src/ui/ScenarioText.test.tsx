// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { textKey, updateTranslation, type Translation } from '../engine';
import lt from '../i18n/locales/lt.json';
import { bundledScenario, renderApp } from './test-support';

const tutorial = bundledScenario('tutorial.json');

/** The tutorial "translated" into Lithuanian as "LT <source>", except the keys left out. */
function tutorialInLithuanian(leaveOut: readonly string[] = []): Translation {
  const t = updateTranslation(tutorial, undefined, 'lt').translation;
  for (const [key, entry] of Object.entries(t.strings)) {
    if (!leaveOut.includes(key)) entry.text = `LT ${entry.source}`;
  }
  return t;
}

const notice = (source: string) => lt.scenarioText.partial.replace('{{source}}', source);

// A whole walk through the map and a run: slow on a busy machine, so more than the default 5 s.
describe('scenario text in the player’s language', { timeout: 30_000 }, () => {
  it('shows the translation, the English text marked lang="en" where it is missing, and says so once', async () => {
    const summary = textKey.summary();
    const welcomeText = textKey.node('welcome', 'text');
    const { user, store } = renderApp({
      settings: { language: 'lt' },
      translations: [tutorialInLithuanian([summary, welcomeText])],
    });
    await user.click(screen.getByRole('button', { name: lt.home.guest }));

    const marker = await screen.findByRole('button', { name: new RegExp(`^LT ${tutorial.title}`) });
    await user.click(marker);
    const briefing = within(screen.getByRole('region', { name: `LT ${tutorial.title}` }));
    const englishSummary = briefing.getByText(tutorial.summary);
    expect(englishSummary).toHaveAttribute('lang', 'en');
    expect(briefing.getByText(notice('anglų'))).toBeInTheDocument();

    await user.click(briefing.getByRole('button', { name: new RegExp(`LT ${tutorial.title}`) }));
    expect(screen.getByRole('heading', { level: 1, name: `LT ${tutorial.title}` })).not.toHaveAttribute('lang');
    const welcome = tutorial.nodes.find((n) => n.id === 'welcome');
    if (welcome?.kind !== 'narrative') throw new Error('the tutorial starts with a scene');
    expect(screen.getByRole('heading', { level: 2, name: `LT ${welcome.title!}` })).toHaveFocus();
    expect(screen.getByText(welcome.text)).toHaveAttribute('lang', 'en');
    expect(screen.getAllByText(notice('anglų'))).toHaveLength(1);
    expect(screen.getByRole('meter', { name: /^LT Innovation/ })).toBeInTheDocument();
    expect(document.title).toMatch(new RegExp(`^LT ${tutorial.title}`));

    // The run keys everything by ids: a new language only re-renders.
    act(() => store.getState().updateSettings({ language: 'en' }));
    expect(screen.getByRole('heading', { level: 1, name: tutorial.title })).toBeInTheDocument();
    expect(screen.getByText(welcome.text)).not.toHaveAttribute('lang');
    expect(screen.queryByText(/original language/)).not.toBeInTheDocument();
    act(() => store.getState().updateSettings({ language: 'lt' }));
    expect(await screen.findByRole('heading', { level: 1, name: `LT ${tutorial.title}` })).toBeInTheDocument();
  });

  it('shows a fully translated decision, its feedback and legal basis without a notice', async () => {
    const { user } = renderApp({ settings: { language: 'lt' }, translations: [tutorialInLithuanian()] });
    await user.click(screen.getByRole('button', { name: lt.home.guest }));
    await user.click(await screen.findByRole('button', { name: new RegExp(`^LT ${tutorial.title}`) }));
    const briefing = within(screen.getByRole('region', { name: `LT ${tutorial.title}` }));
    await user.click(briefing.getByRole('button', { name: new RegExp(`LT ${tutorial.title}`) }));
    await user.click(screen.getByRole('button', { name: lt.play.continue }));

    const need = tutorial.nodes.find((n) => n.id === 'need');
    if (need?.kind !== 'decision') throw new Error('the tutorial asks about the need second');
    expect(screen.getByText(`LT ${need.prompt}`)).toBeInTheDocument();
    const best = need.options[0]!;
    await user.click(screen.getByRole('button', { name: new RegExp(`LT ${best.text.slice(0, 20)}`) }));
    expect(screen.getByText(`LT ${best.feedback}`)).toBeInTheDocument();
    // In the feedback panel and in the journal.
    expect(screen.getAllByText(lt.play.basis.replace('{{reference}}', `LT ${best.reference}`))).toHaveLength(2);
    expect(screen.queryByText(notice('anglų'))).not.toBeInTheDocument();
    expect(document.querySelectorAll('main [lang]')).toHaveLength(0);
  });

  it('says so when a level has no translation at all into the language', async () => {
    const { user } = renderApp({ settings: { language: 'lt' } });
    await user.click(screen.getByRole('button', { name: lt.home.guest }));
    await user.click(screen.getByRole('button', { name: new RegExp(`^${tutorial.title}`) }));
    const briefing = within(screen.getByRole('region', { name: tutorial.title }));
    expect(await briefing.findByText(notice('anglų'))).toBeInTheDocument();
    expect(briefing.getByRole('heading', { level: 2 }).querySelector('[lang="en"]')).toHaveTextContent(tutorial.title);
  });
});
