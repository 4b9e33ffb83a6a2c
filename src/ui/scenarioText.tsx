// Scenario text in the player's language. A run keys everything by ids, so a string is looked up
// when it is shown: switching language mid-run only re-renders. A string without a current
// translation shows the scenario's own text, marked with its language for screen readers.
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { isComplete, textKey, textLookup, translationStatus } from '../engine/translate';
import type { TextLookup } from '../engine';
import { createTranslationStore } from '../play/translations';
import { usePlay, useServices } from './context';

/** A string as shown: `lang` is set when it is not in the UI language. */
export interface Shown {
  text: string;
  lang?: string;
}

export interface ScenarioText {
  /** The string for attributes and the page title. */
  get(key: string, source: string): Shown;
  /** The string as content; in a span with its `lang` when it is not in the UI language. */
  node(key: string, source: string): ReactNode;
  /** The string inside a sentence of the UI: `sentence` receives a placeholder and returns the text. */
  embed(sentence: (value: string) => string, key: string, source: string): ReactNode;
  /** Whether some of the scenario's text is not in the UI language. */
  partial: boolean;
}

const NO_TRANSLATIONS = createTranslationStore(() => Promise.resolve([]));
const PLACEHOLDER = '\u0000';

function marked(shown: Shown): ReactNode {
  return shown.lang === undefined ? shown.text : <span lang={shown.lang}>{shown.text}</span>;
}

/** Shows strings in `uiLang` where `lookup` has them; `partial` when some string is not. */
function scenarioTextFor(lookup: TextLookup, uiLang: string, partial: boolean): ScenarioText {
  const get = (key: string, source: string): Shown => {
    const found = lookup(key, source);
    return found.lang === uiLang || found.translated ? { text: found.text } : { text: found.text, lang: found.lang };
  };
  return {
    get,
    node: (key, source) => marked(get(key, source)),
    embed(sentence, key, source) {
      const shown = get(key, source);
      if (shown.lang === undefined) return sentence(shown.text);
      const [before = '', after = ''] = sentence(PLACEHOLDER).split(PLACEHOLDER);
      return (
        <>
          {before}
          {marked(shown)}
          {after}
        </>
      );
    },
    partial,
  };
}

/**
 * The text of any scenario by id, in the UI language, loading the language's translations once.
 * `lang`: the language of a scenario this browser does not have (a workshop hub's own), so its
 * text is marked as such.
 */
export function useScenarioTexts(): (scenarioId: string | undefined, lang?: string) => ScenarioText {
  const services = useServices();
  const translations = services.translations ?? NO_TRANSLATIONS;
  const uiLang = usePlay((s) => s.settings.language);
  const catalogue = usePlay((s) => s.catalogue);
  // undefined until the language's translations have arrived: no notice flashes meanwhile.
  const loaded = useStore(translations, (s) => s.byLang[uiLang]);
  const needed = catalogue.some((e) => e.scenario.lang !== uiLang);
  useEffect(() => {
    if (needed) translations.getState().ensure(uiLang);
  }, [needed, translations, uiLang]);
  return useMemo(() => {
    const plain = scenarioTextFor(textLookup({ lang: uiLang }, undefined), uiLang, false);
    const texts = new Map(
      catalogue.map(({ scenario }) => {
        if (scenario.lang === uiLang) return [scenario.id, plain];
        const translation = loaded?.[scenario.id];
        const partial = loaded !== undefined && !isComplete(translationStatus(scenario, translation));
        return [scenario.id, scenarioTextFor(textLookup(scenario, translation), uiLang, partial)];
      }),
    );
    const foreign = (lang: string) => scenarioTextFor(textLookup({ lang }, undefined), uiLang, true);
    return (scenarioId, lang) => {
      const known = scenarioId === undefined ? plain : texts.get(scenarioId);
      return known ?? (lang !== undefined && lang !== uiLang ? foreign(lang) : plain);
    };
  }, [catalogue, loaded, uiLang]);
}

/** The text of one scenario by id, in the UI language (`lang`: see useScenarioTexts). */
export function useScenarioText(scenarioId: string | undefined, lang?: string): ScenarioText {
  return useScenarioTexts()(scenarioId, lang);
}

/** The scenario text of the run in progress (the HUD's components). */
export function useRunText(): ScenarioText {
  return useScenarioText(usePlay((s) => s.run?.scenarioId));
}

/** "Basis: …": the legal reference of a decision's option, in the scenario text's language. */
export function Basis({
  text,
  node,
  option,
  reference,
}: {
  text: ScenarioText;
  node: string;
  option: string;
  reference: string;
}) {
  const { t } = useTranslation();
  return text.embed((r) => t('play.basis', { reference: r }), textKey.option(node, option, 'reference'), reference);
}

/** Says once, quietly, that part of the level is shown in its own language. */
export function UntranslatedNotice({
  text,
  scenarioId,
  lang,
}: {
  text: ScenarioText;
  scenarioId: string;
  /** The scenario's language when this browser does not have the scenario. */
  lang?: string;
}) {
  const { t, i18n } = useTranslation();
  const scenarioLang = usePlay((s) => s.catalogue.find((e) => e.scenario.id === scenarioId)?.scenario.lang) ?? lang;
  if (!text.partial || scenarioLang === undefined) return null;
  let source = scenarioLang;
  try {
    source = new Intl.DisplayNames([i18n.language], { type: 'language' }).of(scenarioLang) ?? scenarioLang;
  } catch {
    // An unknown code is shown as it is.
  }
  return <p className="translation-notice muted">{t('scenarioText.partial', { source })}</p>;
}
