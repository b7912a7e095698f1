import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIELD_FAILURES_IN_A_ROW, FIELD_MIN_FAILURES, FIELD_WINDOW_MS } from '@/utils/field/window';
import { reasonText } from '@/utils/health/reason-text';
import { formatAgo, tAt } from '@/utils/core/i18n';
import { FAILURES_TO_FAIL } from '@/utils/probes/probe-log';
import { installMessages, loadCatalog } from '../../helpers/messages';

const en = loadCatalog('en');
const it_ = loadCatalog('it');
const NBSP = '\u00a0';

/** Placeholder names of a message, in the order of their $1..$n. */
const placeholderOrder = (entry: (typeof en)[string] | undefined) =>
  Object.entries(entry?.placeholders ?? {})
    .sort(([, a], [, b]) => a.content.localeCompare(b.content))
    .map(([name]) => name);

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

  it.each(Object.keys(en))('%s uses every placeholder it declares, and only those', (key) => {
    for (const language of [en, it_]) {
      const entry = language[key];
      const used = [...(entry?.message.matchAll(/\$([A-Za-z0-9_]+)\$/g) ?? [])].map((match) =>
        match[1]!.toLowerCase(),
      );
      expect(used.sort()).toEqual(Object.keys(entry?.placeholders ?? {}).sort());
    }
  });

  it('badge texts fit the toolbar badge (4 characters)', () => {
    for (const language of [en, it_]) {
      for (const [key, entry] of Object.entries(language)) {
        if (key.startsWith('badge_') && !key.startsWith('badge_title'))
          expect(entry.message.length).toBeLessThanOrEqual(4);
      }
    }
  });

  it('every "…Date" message is the twin of a timed one: the same placeholders, then DATE, TIME', () => {
    const twins = Object.keys(en).filter((key) => key.endsWith('Date'));
    expect(twins.sort()).toEqual([
      'banner_stateSinceDate',
      'notify_ongoingSinceDate',
      'notify_troubleSinceDate',
      'popup_sinceDate',
      'reason_keptLastReadDate',
      'reason_staleDate',
    ]);
    for (const language of [en, it_]) {
      for (const twin of twins) {
        const today = placeholderOrder(language[twin.slice(0, -'Date'.length)]);
        expect(today.at(-1)).toBe('time');
        expect(placeholderOrder(language[twin])).toEqual([...today.slice(0, -1), 'date', 'time']);
      }
    }
  });

  it('speaks as "we" or impersonally in Italian, never as "I"', () => {
    for (const entry of Object.values(it_)) {
      expect(entry.message).not.toMatch(/\b(mostro|riesco|posso|vedo)\b/i);
    }
  });

  it('names only counts that cannot be 1, so no message needs plural forms', () => {
    // reason_fieldFailing (failures in the window) and reason_probeFailing (failures in a row).
    expect(FIELD_FAILURES_IN_A_ROW).toBeGreaterThanOrEqual(2);
    expect(FIELD_MIN_FAILURES).toBeGreaterThanOrEqual(2);
    expect(FAILURES_TO_FAIL).toBeGreaterThanOrEqual(2);
  });

  it("names the field signal's real window in both languages", () => {
    const minutes = FIELD_WINDOW_MS / 60_000;
    expect(en.reason_fieldFailing?.message).toContain(`last ${minutes} minutes`);
    expect(it_.reason_fieldFailing?.message).toContain(`ultimi ${minutes} minuti`);
  });

  it('does not name the official page when a service recovers (some have none)', () => {
    expect(en.notify_recoveredMessage?.message).not.toMatch(/official|status page/i);
    expect(it_.notify_recoveredMessage?.message).not.toMatch(/ufficiale|pagina/i);
  });
});

describe('times in sentences', () => {
  const now = new Date(2026, 2, 5, 9, 0).getTime();
  const today = new Date(2026, 2, 5, 8, 7).getTime();
  const otherDay = new Date(2026, 2, 3, 17, 51).getTime();

  beforeEach(() => fakeBrowser.reset());

  it('say "now", never "in 1 second", for a check a moment after the clock was read', () => {
    installMessages('en');
    expect(formatAgo(now + 1_200, now)).toBe('now');
    expect(formatAgo(now - 40_000, now)).toBe('40 seconds ago');
    installMessages('it');
    expect(formatAgo(now + 1_200, now)).toBe('ora');
  });

  it('say "dalle 17:51" today and "dal 3 mar alle 17:51" on another day, in Italian', () => {
    installMessages('it');
    expect(tAt('popup_since', today, [], now)).toBe(`dalle${NBSP}08:07`);
    expect(tAt('popup_since', otherDay, [], now)).toBe(`dal${NBSP}3${NBSP}mar alle${NBSP}17:51`);
    expect(tAt('banner_stateSince', otherDay, ['Interruzione grave'], now)).toBe(
      `Interruzione grave dal${NBSP}3${NBSP}mar alle${NBSP}17:51`,
    );
  });

  it('say "since 08:07 AM" today and "since Mar 3, 05:51 PM" on another day, in English', () => {
    installMessages('en');
    expect(tAt('popup_since', today, [], now)).toMatch(/^since\u00a008:07\sAM$/);
    expect(tAt('popup_since', otherDay, [], now)).toMatch(/^since\u00a0Mar\u00a03, 05:51\sPM$/);
  });

  it('render a reason with a time on another day through its dated twin', () => {
    installMessages('it');
    const text = reasonText({ key: 'reason_stale', substitutions: [`time:${otherDay}`] });
    expect(text).toBe(
      `Nessun aggiornamento dalla pagina di stato dal${NBSP}3${NBSP}mar alle${NBSP}17:51.`,
    );
    const todayText = reasonText({
      key: 'reason_keptLastRead',
      substitutions: [`time:${Date.now()}`],
    });
    expect(todayText).toMatch(/^Mostriamo lo stato letto alle\u00a0\d{2}:\d{2}\.$/);
  });

  it('render the field reason as a true count in both languages', () => {
    installMessages('en');
    expect(reasonText({ key: 'reason_fieldFailing', substitutions: ['3', 'ChatGPT'] })).toBe(
      '3 of your requests to ChatGPT in the last 5 minutes failed.',
    );
    installMessages('it');
    expect(reasonText({ key: 'reason_fieldFailing', substitutions: ['3', 'ChatGPT'] })).toBe(
      'Negli ultimi 5 minuti 3 delle tue richieste a ChatGPT non sono andate a buon fine.',
    );
  });
});
