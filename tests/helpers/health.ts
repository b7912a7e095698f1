import type { ServiceHealth } from '@/utils/health/types';

/** A verdict for tests: ChatGPT, operational, unless the overrides say otherwise. */
export function serviceHealth(overrides: Partial<ServiceHealth> = {}): ServiceHealth {
  return {
    id: 'chatgpt',
    name: 'ChatGPT',
    providerId: 'openai',
    category: 'chat',
    homeUrl: 'https://chatgpt.com',
    statusPageUrl: 'https://status.openai.com',
    state: 'operational',
    confidence: 'medium',
    officialState: overrides.state ?? 'operational',
    affected: [],
    incidents: [],
    reasons: [],
    troubleSince: null,
    openedAt: null,
    lastReadAt: 0,
    calmSince: null,
    detection: { radarAt: null, officialAt: null },
    ...overrides,
  };
}
