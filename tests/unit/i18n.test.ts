import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../helpers/messages';

const en = loadCatalog('en');
const it_ = loadCatalog('it');

describe('locales', () => {
  it('English and Italian have the same keys', () => {
    expect(Object.keys(it_).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s has the same placeholders in both languages', (key) => {
    const placeholders = (language: typeof en) =>
      Object.keys(language[key]?.placeholders ?? {}).sort();
    expect(placeholders(it_)).toEqual(placeholders(en));
    expect(it_[key]?.message.trim()).not.toBe('');
  });

  it('badge texts fit the toolbar badge (4 characters)', () => {
    for (const language of [en, it_]) {
      for (const [key, entry] of Object.entries(language)) {
        if (key.startsWith('badge_') && !key.startsWith('badge_title'))
          expect(entry.message.length).toBeLessThanOrEqual(4);
      }
    }
  });
});
