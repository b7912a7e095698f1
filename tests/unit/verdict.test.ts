import { describe, expect, it } from 'vitest';
import { OPENAI } from '@/utils/catalog/openai';
import { providerVerdicts, STALE_AFTER_MS } from '@/utils/health/verdict';
import type { ServiceHealth } from '@/utils/health/types';
import { readStatuspage } from '@/utils/sources/statuspage';
import { failure, type SourceResult } from '@/utils/sources/types';
import { fixtureFetch, type OpenAiScenario } from '../helpers/fixtures';

const NOW = Date.parse('2025-06-10T14:06:00.000Z');

async function read(scenario: OpenAiScenario): Promise<SourceResult> {
  return readStatuspage('https://status.openai.com', { fetch: fixtureFetch(() => scenario) });
}

function byId(services: ServiceHealth[], id: string): ServiceHealth {
  const service = services.find((candidate) => candidate.id === id);
  if (!service) throw new Error(`no ${id}`);
  return service;
}

describe('providerVerdicts for OpenAI', () => {
  it('maps a healthy page to four operational products', async () => {
    const services = providerVerdicts(OPENAI, await read('healthy'), [], NOW);
    expect(services.map((s) => [s.id, s.state])).toEqual([
      ['chatgpt', 'operational'],
      ['sora', 'operational'],
      ['openai-api', 'operational'],
      ['openai-login', 'operational'],
    ]);
    expect(services.every((s) => s.lastReadAt === NOW && s.incidents.length === 0)).toBe(true);
  });

  it('gives each product the worst state of its own components, with reasons and the incident', async () => {
    const services = providerVerdicts(OPENAI, await read('outage'), [], NOW);
    const chatgpt = byId(services, 'chatgpt');
    expect(chatgpt.state).toBe('major_outage');
    expect(chatgpt.affected).toEqual([
      { name: 'Login', state: 'partial_outage' },
      { name: 'Conversations', state: 'major_outage' },
    ]);
    expect(chatgpt.incidents[0]?.title).toBe('Elevated error rates in ChatGPT and Sora');
    expect(chatgpt.troubleSince).toBe(Date.parse('2025-06-10T13:58:00.000Z'));
    expect(chatgpt.reasons).toEqual([
      { key: 'reason_official', substitutions: ['state:major_outage'] },
      { key: 'reason_affected', substitutions: ['list:Login\nConversations'] },
    ]);
    expect(byId(services, 'sora').state).toBe('degraded');
    expect(byId(services, 'openai-login').state).toBe('partial_outage');
    expect(byId(services, 'openai-api')).toMatchObject({ state: 'operational', incidents: [] });
  });

  it('says "unknown" with the reason when the page cannot be read and nothing recent is known', () => {
    const services = providerVerdicts(OPENAI, failure('not_json', 'an HTML page'), [], NOW);
    expect(services.every((s) => s.state === 'unknown')).toBe(true);
    expect(byId(services, 'chatgpt').reasons).toEqual([{ key: 'reason_source_not_json' }]);
  });

  it('keeps a recent good read for a short while, saying so, then turns unknown', async () => {
    const before = providerVerdicts(OPENAI, await read('outage'), [], NOW);
    const soon = providerVerdicts(OPENAI, failure('timeout', 'slow'), before, NOW + 60_000);
    expect(byId(soon, 'chatgpt').state).toBe('major_outage');
    expect(byId(soon, 'chatgpt').reasons).toEqual([
      { key: 'reason_source_timeout' },
      { key: 'reason_keptLastRead', substitutions: [`time:${NOW}`] },
    ]);
    const later = providerVerdicts(
      OPENAI,
      failure('timeout', 'slow'),
      soon,
      NOW + STALE_AFTER_MS + 1,
    );
    expect(byId(later, 'chatgpt').state).toBe('unknown');
    // Not knowing keeps the outage open rather than inventing a recovery.
    expect(byId(later, 'chatgpt').troubleSince).toBe(byId(before, 'chatgpt').troubleSince);
  });

  it('never turns a stale "operational" into a fresh one', async () => {
    const before = providerVerdicts(OPENAI, await read('healthy'), [], NOW);
    const later = providerVerdicts(
      OPENAI,
      failure('http', 'HTTP 503'),
      before,
      NOW + STALE_AFTER_MS + 1,
    );
    expect(later.every((s) => s.state === 'unknown')).toBe(true);
    expect(byId(later, 'chatgpt').reasons).toEqual([
      { key: 'reason_source_http', substitutions: ['HTTP 503'] },
    ]);
  });

  it('says "unknown" for a product the page no longer lists', () => {
    const report: SourceResult = {
      ok: true,
      value: {
        components: [{ id: 'x', name: 'Something else', state: 'operational' }],
        incidents: [],
      },
    };
    const services = providerVerdicts(OPENAI, report, [], NOW);
    expect(byId(services, 'chatgpt')).toMatchObject({
      state: 'unknown',
      reasons: [{ key: 'reason_notListed' }],
    });
  });
});
