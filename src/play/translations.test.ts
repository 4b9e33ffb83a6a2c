import { describe, expect, it, vi } from 'vitest';
import type { Translation } from '../engine';
import { createTranslationStore } from './translations';

const translation = (scenario: string, lang: string): Translation => ({
  format: 1,
  scenario,
  lang,
  strings: { title: { source: 'Title', text: `${lang} title` } },
});

describe('translation store', () => {
  it('loads a language once, when first asked, keyed by scenario', async () => {
    const load = vi.fn((lang: string) => Promise.resolve([translation('tutorial', lang), translation('other', 'xx')]));
    const store = createTranslationStore(load);
    expect(store.getState().byLang).toEqual({});
    store.getState().ensure('lt');
    store.getState().ensure('lt');
    await vi.waitFor(() => expect(store.getState().byLang.lt).toBeDefined());
    expect(load).toHaveBeenCalledTimes(1);
    // A file for another language handed back by mistake is not filed under this one.
    expect(Object.keys(store.getState().byLang.lt!)).toEqual(['tutorial']);
    store.getState().ensure('pl');
    await vi.waitFor(() => expect(store.getState().byLang.pl).toBeDefined());
    expect(load).toHaveBeenCalledTimes(2);
    expect(store.getState().byLang.lt!.tutorial!.strings.title!.text).toBe('lt title');
  });

  it('settles on no translations when loading fails, so levels show their own text', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = createTranslationStore(() => Promise.reject(new Error('chunk failed')));
    store.getState().ensure('de');
    await vi.waitFor(() => expect(store.getState().byLang.de).toEqual({}));
    expect(error).toHaveBeenCalledWith('Translations into de could not be loaded', expect.any(Error));
    error.mockRestore();
  });
});
