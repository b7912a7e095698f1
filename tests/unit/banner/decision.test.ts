import { describe, expect, it } from 'vitest';
import { offerAlternatives } from '@/utils/alternatives/offer';
import { bannerService, bannerSites } from '@/utils/banner/decision';
import { ownEvidence } from '@/utils/health/evidence';
import type { BannerSnoozes } from '@/utils/banner/snooze';
import type { ComponentState } from '@/utils/core/states';
import type { HealthSnapshot } from '@/utils/health/types';
import { OPENAI_SITES } from '@/utils/catalog/openai-sites';
import { normalizeSettings } from '@/utils/settings/normalize';
import { DEFAULT_SETTINGS } from '@/utils/settings/types';
import { serviceHealth } from '../../helpers/health';

const chatgptSite = OPENAI_SITES.find((site) => site.id === 'chatgpt')!;
const soraSite = OPENAI_SITES.find((site) => site.id === 'sora')!;
const NOW = 5_000_000;

function snapshot(state: ComponentState, openedAt: number | null = 1_000): HealthSnapshot {
  return {
    checkedAt: 2_000,
    services: [serviceHealth({ state, troubleSince: openedAt, openedAt, lastReadAt: 2_000 })],
  };
}

const show = (value: HealthSnapshot | null, snoozes: BannerSnoozes = {}, now = NOW) =>
  bannerService(value, chatgptSite, snoozes, now) !== null;

describe('bannerService', () => {
  it.each<[ComponentState, boolean]>([
    ['operational', false],
    ['maintenance', false],
    ['unknown', false],
    ['degraded', true],
    ['partial_outage', true],
    ['major_outage', true],
  ])('shows for %s: %s', (state, shown) => {
    expect(show(snapshot(state))).toBe(shown);
  });

  it('is about the product the site serves, and no other', () => {
    const sora: HealthSnapshot = {
      checkedAt: 2_000,
      services: [
        serviceHealth({ id: 'chatgpt', state: 'operational' }),
        serviceHealth({ id: 'sora', name: 'Sora', state: 'major_outage', openedAt: 1 }),
      ],
    };
    expect(bannerService(sora, soraSite, {}, NOW)?.id).toBe('sora');
    expect(bannerService(sora, chatgptSite, {}, NOW)).toBeNull();
  });

  it('stays away for the outage snoozed until recovery, and comes back for the next', () => {
    const snoozed: BannerSnoozes = { chatgpt: { openedAt: 1_000 } };
    expect(show(snapshot('major_outage', 1_000), snoozed)).toBe(false);
    expect(show(snapshot('major_outage', 9_000), snoozed)).toBe(true);
  });

  it('stays away for an hour’s snooze, then shows if the outage still runs', () => {
    const snoozed: BannerSnoozes = { chatgpt: { until: NOW + 1 } };
    expect(show(snapshot('major_outage'), snoozed, NOW)).toBe(false);
    expect(show(snapshot('major_outage'), snoozed, NOW + 1)).toBe(true);
  });

  it('does not let a snooze on one site hide another', () => {
    expect(show(snapshot('major_outage', 1_000), { sora: { openedAt: 1_000 } })).toBe(true);
  });

  it('stays away when the official page later moves the start of the same outage earlier', () => {
    const moved = snapshot('major_outage', 1_000);
    moved.services[0]!.troubleSince = 400;
    expect(show(moved, { chatgpt: { openedAt: 1_000 } })).toBe(false);
  });

  it('does not show before the first check', () => {
    expect(show(null)).toBe(false);
  });
});

describe('bannerSites', () => {
  const everything: HealthSnapshot = {
    checkedAt: 1,
    services: [
      serviceHealth({ id: 'chatgpt', state: 'major_outage', openedAt: 1 }),
      serviceHealth({ id: 'sora', state: 'partial_outage', openedAt: 2 }),
      serviceHealth({ id: 'openai-api', state: 'degraded', openedAt: 3 }),
    ],
  };

  it('lists every site whose product is in trouble', () => {
    expect([...bannerSites(everything, DEFAULT_SETTINGS, {}, NOW)]).toEqual([
      'chatgpt',
      'sora',
      'platform',
    ]);
  });

  it('leaves out the sites the user turned the banner off for, and all when it is off', () => {
    const noSora = normalizeSettings({ banner: { enabled: true, sites: { sora: false } } });
    expect([...bannerSites(everything, noSora, {}, NOW)]).toEqual(['chatgpt', 'platform']);
    const off = normalizeSettings({ banner: { enabled: false } });
    expect(bannerSites(everything, off, {}, NOW).size).toBe(0);
  });

  it('leaves out a snoozed site', () => {
    expect([...bannerSites(everything, DEFAULT_SETTINGS, { sora: { openedAt: 2 } }, NOW)]).toEqual([
      'chatgpt',
      'platform',
    ]);
  });
});

describe('offerAlternatives', () => {
  const ids = (ranked: { id: string }[]) => ranked.map((alternative) => alternative.id);

  it('offers only chat alternatives that work right now, known-good first', () => {
    const ranked = offerAlternatives(
      [
        serviceHealth({ id: 'claude', state: 'major_outage' }),
        serviceHealth({ id: 'gemini', state: 'unknown' }),
        serviceHealth({ id: 'le-chat', state: 'operational' }),
        serviceHealth({ id: 'microsoft-copilot', state: 'degraded' }),
        serviceHealth({ id: 'perplexity', state: 'maintenance' }),
      ],
      'chat',
    );
    expect(ids(ranked)).toEqual(['le-chat', 'perplexity', 'gemini', 'deepseek', 'grok']);
  });

  it('offers every alternative of the kind, in catalog order, before the first check', () => {
    expect(ids(offerAlternatives([], 'chat'))).toEqual([
      'claude',
      'gemini',
      'le-chat',
      'copilot',
      'perplexity',
      'deepseek',
      'grok',
    ]);
    expect(ids(offerAlternatives([], 'video'))).toEqual(['gemini-veo', 'grok-imagine']);
    expect(ids(offerAlternatives([], 'api'))).toEqual([
      'claude-console',
      'ai-studio',
      'mistral-console',
      'groq-console',
      'deepseek-platform',
    ]);
  });

  it('never offers an alternative of another kind', () => {
    for (const kind of ['chat', 'video', 'api'] as const) {
      expect(offerAlternatives([], kind).every((alternative) => alternative.kind === kind)).toBe(
        true,
      );
    }
  });

  it('puts the user’s preferred ones first, in their order, within what works', () => {
    const health: HealthSnapshot = {
      checkedAt: 0,
      services: [
        serviceHealth({ id: 'claude', state: 'operational' }),
        serviceHealth({ id: 'deepseek', state: 'operational' }),
        serviceHealth({ id: 'grok', state: 'operational' }),
        serviceHealth({ id: 'le-chat', state: 'major_outage' }),
      ],
    };
    const ranked = offerAlternatives(health.services, 'chat', [
      'le-chat',
      'grok',
      'gemini',
      'deepseek',
    ]);
    // Le Chat is down: preferred or not, never offered. Gemini is unknown: after what works.
    expect(ids(ranked)).toEqual(['grok', 'deepseek', 'claude', 'gemini', 'copilot', 'perplexity']);
  });

  it('ignores preferences for alternatives of another kind or unknown to the catalog', () => {
    expect(ids(offerAlternatives([], 'video', ['claude', 'nope', 'grok-imagine']))).toEqual([
      'grok-imagine',
      'gemini-veo',
    ]);
  });
});

describe('ownEvidence', () => {
  const field = { key: 'reason_fieldFailing' as const, substitutions: ['2', 'ChatGPT'] };
  const official = { key: 'reason_official' as const, substitutions: ['state:operational'] };
  const lagging = { key: 'reason_officialLagging' as const };

  it("says why when only the radar's own signals see the trouble", () => {
    const service = serviceHealth({ state: 'partial_outage', reasons: [field, official, lagging] });
    expect(ownEvidence(service)).toEqual([field, lagging]);
  });

  it('leaves it to the official incident when there is one', () => {
    const service = serviceHealth({
      state: 'major_outage',
      reasons: [field, official],
      incidents: [
        {
          id: 'i',
          title: 'Elevated errors',
          impact: 'major_outage',
          status: 'investigating',
          startedAt: 1,
          url: null,
        },
      ],
    });
    expect(ownEvidence(service)).toEqual([]);
  });
});
