import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor } from '@/utils/badge/badge';
import { headline } from '@/entrypoints/popup/headline';
import { formatDuration } from '@/utils/core/i18n';
import { outagesThisWeek } from '@/entrypoints/popup/useHistory';
import type { HealthSnapshot } from '@/utils/health/types';
import { serviceHealth } from '../../helpers/health';
import { installMessages } from '../../helpers/messages';

const NOW = Date.parse('2025-06-10T14:06:00.000Z');
const MIN = 60_000;
const snapshotOf = (services: HealthSnapshot['services'], offline = null): HealthSnapshot => ({
  checkedAt: NOW,
  services,
  offline,
});

for (const language of ['en', 'it'] as const) {
  describe(`the popup's headline (${language})`, () => {
    beforeEach(() => {
      fakeBrowser.reset();
      installMessages(language);
    });
    const says = <T>(en: T, it: T): T => (language === 'en' ? en : it);

    it('answers at once when all is well', () => {
      const services = [serviceHealth(), serviceHealth({ id: 'claude', name: 'Claude' })];
      expect(headline(snapshotOf(services), services, NOW).text).toBe(
        says('All your AI tools work', 'Tutti i tuoi strumenti di IA funzionano'),
      );
    });

    it('says how many rows could not be checked, rather than "all work"', () => {
      const one = [
        serviceHealth(),
        serviceHealth({ id: 'claude', name: 'Claude', state: 'unknown' }),
      ];
      expect(headline(snapshotOf(one), one, NOW).text).toBe(
        says(
          'All checked tools work · 1 could not be checked',
          'Tutti gli strumenti verificati funzionano · 1 non verificabile',
        ),
      );
      const five = [
        serviceHealth(),
        ...['a', 'b', 'c', 'd', 'e'].map((id) => serviceHealth({ id, name: id, state: 'unknown' })),
      ];
      expect(headline(snapshotOf(five), five, NOW)).toEqual({
        trouble: false,
        text: says(
          'All checked tools work · 5 could not be checked',
          'Tutti gli strumenti verificati funzionano · 5 non verificabili',
        ),
      });
    });

    it('names one service in trouble, its state and for how long', () => {
      const services = [
        serviceHealth({ state: 'major_outage', troubleSince: NOW - 23 * MIN }),
        serviceHealth({ id: 'claude', name: 'Claude' }),
      ];
      const head = headline(snapshotOf(services), services, NOW);
      expect(head.trouble).toBe(true);
      expect(head.text).toBe(
        says('ChatGPT: major outage for 23 min', 'ChatGPT: interruzione grave da 23 min'),
      );
    });

    it('counts several services in trouble, in the given order', () => {
      const services = [
        serviceHealth({ id: 'claude', name: 'Claude', state: 'degraded' }),
        serviceHealth({ state: 'partial_outage' }),
      ];
      expect(headline(snapshotOf(services), services, NOW).text).toBe(
        says(
          '2 services in trouble: Claude and ChatGPT',
          '2 servizi con problemi: Claude e ChatGPT',
        ),
      );
    });

    it('says offline once, whatever the services', () => {
      const services = [serviceHealth({ state: 'unknown' })];
      const snapshot = { ...snapshotOf(services), offline: { since: NOW - MIN } };
      expect(headline(snapshot, services, NOW).text).toMatch(
        says(/^You seem to be offline/, /^Sembra che tu sia offline/),
      );
      expect(badgeFor(snapshot).text).toBe('OFF');
      expect(badgeFor(snapshot).title).toMatch(says(/offline/, /offline/));
    });
  });
}

describe('formatDuration', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installMessages('en');
  });
  it('reads minutes, hours and days', () => {
    expect(formatDuration(40_000)).toBe('1 min');
    expect(formatDuration(23 * MIN)).toBe('23 min');
    expect(formatDuration(125 * MIN)).toBe('2 hr 5 min');
    expect(formatDuration(3 * 24 * 60 * MIN)).toBe('3 days');
  });
});

describe('outagesThisWeek', () => {
  it('counts the outages of one service opened in the last 7 days', () => {
    const record = (serviceId: string, openedAt: number) => ({
      serviceId,
      openedAt,
      troubleSince: openedAt,
      radarAt: null,
      officialAt: null,
      leadMs: null,
    });
    const records = [
      record('chatgpt', NOW - 10 * MIN),
      record('chatgpt', NOW - 3 * 24 * 60 * MIN),
      record('chatgpt', NOW - 8 * 24 * 60 * MIN),
      record('claude', NOW - MIN),
    ];
    expect(outagesThisWeek(records, 'chatgpt', NOW)).toBe(2);
  });
});
