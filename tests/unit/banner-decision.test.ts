import { describe, expect, it } from 'vitest';
import { bannerEvidence, bannerService, rankAlternatives } from '@/utils/banner';
import type { ComponentState } from '@/utils/health/states';
import type { HealthSnapshot } from '@/utils/health/types';
import { serviceHealth } from '../helpers/health';

function snapshot(state: ComponentState, openedAt: number | null = 1_000): HealthSnapshot {
  return {
    checkedAt: 2_000,
    services: [serviceHealth({ state, troubleSince: openedAt, openedAt, lastReadAt: 2_000 })],
  };
}

describe('bannerService', () => {
  it.each<[ComponentState, boolean]>([
    ['operational', false],
    ['maintenance', false],
    ['unknown', false],
    ['degraded', true],
    ['partial_outage', true],
    ['major_outage', true],
  ])('shows for %s: %s', (state, shown) => {
    expect(bannerService(snapshot(state), null) !== null).toBe(shown);
  });

  it('stays away for the dismissed outage and comes back for the next', () => {
    expect(bannerService(snapshot('major_outage', 1_000), 1_000)).toBeNull();
    expect(bannerService(snapshot('major_outage', 9_000), 1_000)).not.toBeNull();
  });

  it('stays away when the official page later moves the start of the same outage earlier', () => {
    const moved = snapshot('major_outage', 1_000);
    moved.services[0]!.troubleSince = 400;
    expect(bannerService(moved, 1_000)).toBeNull();
  });

  it('does not show before the first check', () => {
    expect(bannerService(null, null)).toBeNull();
  });
});

describe('rankAlternatives', () => {
  it('offers only alternatives that work right now, known-good first', () => {
    const ranked = rankAlternatives({
      checkedAt: 0,
      services: [
        serviceHealth({ id: 'claude', state: 'major_outage' }),
        serviceHealth({ id: 'gemini', state: 'unknown' }),
        serviceHealth({ id: 'le-chat', state: 'operational' }),
        serviceHealth({ id: 'microsoft-copilot', state: 'degraded' }),
        serviceHealth({ id: 'perplexity', state: 'maintenance' }),
      ],
    });
    expect(ranked.map((alternative) => alternative.id)).toEqual([
      'le-chat',
      'perplexity',
      'gemini',
      'deepseek',
      'grok',
    ]);
  });

  it('offers every alternative, in catalog order, before the first check', () => {
    expect(rankAlternatives(null).map((alternative) => alternative.id)).toEqual([
      'claude',
      'gemini',
      'le-chat',
      'copilot',
      'perplexity',
      'deepseek',
      'grok',
    ]);
  });
});

describe('bannerEvidence', () => {
  const field = { key: 'reason_fieldFailing' as const, substitutions: ['2', 'ChatGPT'] };
  const official = { key: 'reason_official' as const, substitutions: ['state:operational'] };
  const lagging = { key: 'reason_officialLagging' as const };

  it("says why when only the radar's own signals see the trouble", () => {
    const service = serviceHealth({ state: 'partial_outage', reasons: [field, official, lagging] });
    expect(bannerEvidence(service)).toEqual([field, lagging]);
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
    expect(bannerEvidence(service)).toEqual([]);
  });
});
