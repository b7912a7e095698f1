import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings, settings, updateSettings } from '@/utils/settings/settings';
import { userOrder, withMember } from '@/utils/settings/order';
import { inQuietHours } from '@/utils/settings/quiet-hours';
import { MAX_CUSTOM_PAGES, normalizeSettings } from '@/utils/settings/normalize';
import { DEFAULT_SETTINGS } from '@/utils/settings/types';

const cloudflare = {
  id: 'www-cloudflarestatus-com',
  name: 'Cloudflare Status',
  pageUrl: 'https://www.cloudflarestatus.com/',
  source: { format: 'statuspage', baseUrl: 'https://www.cloudflarestatus.com' },
  addedAt: 1,
};

describe('normalizeSettings', () => {
  it('makes valid settings out of anything, and is stable on its own output', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const normalized = normalizeSettings(value);
        expect(normalizeSettings(normalized)).toEqual(normalized);
        expect(normalized.quietHours.from).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(normalized.customPages.length).toBeLessThanOrEqual(MAX_CUSTOM_PAGES);
      }),
    );
  });

  it('keeps what is valid in settings shaped like ours, field by field', () => {
    // Values no field accepts: a space is in no id, a number or object is no string.
    const garbage = fc.oneof(
      fc.integer(),
      fc.constant(null),
      fc.object(),
      fc.string().map((text) => `${text} !`),
    );
    const settingsLike = fc.record({
      myTools: fc.array(fc.oneof(fc.constantFrom('chatgpt', 'claude'), garbage)),
      hiddenServices: fc.anything(),
      quietHours: fc.record({ enabled: fc.anything(), from: fc.string(), to: fc.string() }),
      banner: fc.record({ enabled: fc.anything(), sites: fc.anything() }),
      customPages: fc.array(fc.oneof(fc.constant(cloudflare), garbage), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(settingsLike, (value) => {
        const normalized = normalizeSettings(value);
        expect(normalized.myTools).toEqual([
          ...new Set(value.myTools.filter((id) => id === 'chatgpt' || id === 'claude')),
        ]);
        expect(normalized.customPages).toEqual(
          value.customPages.some((page) => page === cloudflare) ? [cloudflare] : [],
        );
        expect(normalized.quietHours.enabled).toBe(value.quietHours.enabled === true);
      }),
    );
  });

  it('gives the defaults for garbage', () => {
    for (const garbage of [null, undefined, 42, 'settings', [], { myTools: 'chatgpt' }]) {
      expect(normalizeSettings(garbage)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('drops a custom page that is not https, has credentials or an unknown format', () => {
    const pages = [
      { ...cloudflare, id: 'plain', pageUrl: 'http://status.example.com/' },
      { ...cloudflare, id: 'creds', pageUrl: 'https://user:pw@status.example.com/' },
      { ...cloudflare, id: 'format', source: { format: 'html', baseUrl: 'https://a.example' } },
      { ...cloudflare, id: 'script', source: { format: 'feed', url: 'javascript:alert(1)' } },
      cloudflare,
      { ...cloudflare, name: 'a duplicate id' },
    ];
    expect(normalizeSettings({ customPages: pages }).customPages).toEqual([cloudflare]);
  });

  it('keeps no more than the allowed number of custom pages', () => {
    const pages = Array.from({ length: MAX_CUSTOM_PAGES + 5 }, (_, n) => ({
      ...cloudflare,
      id: `page-${n}`,
    }));
    expect(normalizeSettings({ customPages: pages }).customPages).toHaveLength(MAX_CUSTOM_PAGES);
  });
});

describe('inQuietHours', () => {
  const at = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00`);
  const night = { enabled: true, from: '22:00', to: '07:00' };

  it('spans midnight when it ends before it starts', () => {
    expect(inQuietHours(night, at('21:59'))).toBe(false);
    expect(inQuietHours(night, at('22:00'))).toBe(true);
    expect(inQuietHours(night, at('23:30'))).toBe(true);
    expect(inQuietHours(night, at('00:00'))).toBe(true);
    expect(inQuietHours(night, at('06:59'))).toBe(true);
    expect(inQuietHours(night, at('07:00'))).toBe(false);
    expect(inQuietHours(night, at('12:00'))).toBe(false);
  });

  it('holds within one day when it ends after it starts', () => {
    const lunch = { enabled: true, from: '12:00', to: '14:00' };
    expect(inQuietHours(lunch, at('11:59'))).toBe(false);
    expect(inQuietHours(lunch, at('13:00'))).toBe(true);
    expect(inQuietHours(lunch, at('14:00'))).toBe(false);
  });

  it('never holds with equal bounds, nor when turned off', () => {
    const hours = fc.integer({ min: 0, max: 23 }).map((h) => `${String(h).padStart(2, '0')}:00`);
    fc.assert(
      fc.property(hours, hours, (bound, now) => {
        expect(inQuietHours({ enabled: true, from: bound, to: bound }, at(now))).toBe(false);
        expect(inQuietHours({ ...night, enabled: false }, at(now))).toBe(false);
      }),
    );
  });
});

describe('userOrder', () => {
  const items = ['claude', 'gemini', 'le-chat', 'copilot', 'perplexity'];
  const same = (id: string) => id;

  it('puts the chosen ids first, in the chosen order, the rest in theirs', () => {
    expect(userOrder(items, ['perplexity', 'gemini'], same)).toEqual([
      'perplexity',
      'gemini',
      'claude',
      'le-chat',
      'copilot',
    ]);
  });

  it('ignores ids that are not there, and is a permutation', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...items, 'gone', 'x')), (first) => {
        const ordered = userOrder(items, first, same);
        expect([...ordered].sort()).toEqual([...items].sort());
        const chosen = [...new Set(first)].filter((id) => items.includes(id));
        expect(ordered.slice(0, chosen.length)).toEqual(chosen);
      }),
    );
  });
});

describe('withMember', () => {
  it('adds at the end once, and removes', () => {
    expect(withMember(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(withMember(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(withMember(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(withMember([], 'a', false)).toEqual([]);
  });
});

describe('updateSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores the change validated, in storage.sync', async () => {
    await updateSettings((current) => ({
      ...current,
      myTools: ['chatgpt', 'NOT AN ID'],
      quietHours: { enabled: true, from: '25:00', to: '06:30' },
    }));
    const stored = await fakeBrowser.storage.sync.get('settings');
    expect(stored.settings).toMatchObject({
      myTools: ['chatgpt'],
      quietHours: { enabled: true, from: '22:00', to: '06:30' },
    });
    expect(await readSettings()).toEqual(await settings.getValue());
  });
});
