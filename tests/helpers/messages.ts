import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { vi } from 'vitest';

type Catalog = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

export function loadCatalog(language: 'en' | 'it'): Catalog {
  return JSON.parse(
    readFileSync(
      new URL(`../../public/_locales/${language}/messages.json`, import.meta.url),
      'utf8',
    ),
  );
}

/**
 * `i18n.getMessage` as browsers implement it (named placeholders → $1..$9), over the real
 * catalog: WXT's fake browser leaves i18n unimplemented.
 */
export function installMessages(language: 'en' | 'it' = 'en'): void {
  const catalog = loadCatalog(language);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string, substitutions?: string | (string | number)[]) => {
      const entry = catalog[key];
      if (!entry) return '';
      const subs =
        substitutions === undefined
          ? []
          : Array.isArray(substitutions)
            ? substitutions
            : [substitutions];
      const positional = (text: string) =>
        text.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
      return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
        const placeholder = entry.placeholders?.[name.toLowerCase()];
        return placeholder ? positional(placeholder.content) : whole;
      });
    },
  );
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(language);
}
