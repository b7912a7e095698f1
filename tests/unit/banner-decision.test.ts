import { describe, expect, it } from 'vitest';
import { bannerService } from '@/utils/banner';
import type { ComponentState } from '@/utils/health/states';
import type { HealthSnapshot } from '@/utils/health/types';

function snapshot(state: ComponentState, troubleSince: number | null = 1_000): HealthSnapshot {
  return {
    checkedAt: 2_000,
    services: [
      {
        id: 'chatgpt',
        name: 'ChatGPT',
        providerId: 'openai',
        category: 'chat',
        homeUrl: 'https://chatgpt.com',
        statusPageUrl: 'https://status.openai.com',
        state,
        affected: [],
        incidents: [],
        reasons: [],
        troubleSince,
        lastReadAt: 2_000,
      },
    ],
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

  it('does not show before the first check', () => {
    expect(bannerService(null, null)).toBeNull();
  });
});
