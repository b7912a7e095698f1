import { describe, expect, it } from 'vitest';
import { OPENAI } from '@/utils/catalog/openai';
import { recordRead, type SourceRead } from '@/utils/check/source-reads';
import { mergeVerdict, RECOVERY_HOLD_MS, type ProductSignals } from '@/utils/health/merge';
import { officialReading, STALE_AFTER_MS } from '@/utils/health/official';
import type { ServiceHealth } from '@/utils/health/types';
import type { FieldSignal } from '@/utils/field/window';
import type { ProbeSignal } from '@/utils/probes/probe-log';
import { readStatuspage } from '@/utils/sources/statuspage';
import { failure, type SourceResult } from '@/utils/sources/types';
import { fixtureFetch, type OpenAiScenario } from '../helpers/fixtures';

const NOW = Date.parse('2025-06-10T14:06:00.000Z');
const product = (id: string) => OPENAI.products.find((p) => p.id === id)!;

async function read(scenario: OpenAiScenario): Promise<SourceResult> {
  return readStatuspage('https://status.openai.com', { fetch: fixtureFetch(() => scenario) });
}

const readAt = (result: SourceResult, at: number, before?: SourceRead) =>
  recordRead(before, result, at, at + 60_000);

describe('officialReading for OpenAI', () => {
  it('reads a healthy page as operational for every product', async () => {
    const stored = readAt(await read('healthy'), NOW);
    for (const p of OPENAI.products) {
      expect([p.id, officialReading(p, stored, NOW).state]).toEqual([p.id, 'operational']);
    }
  });

  it('gives each product the worst state of its own components, with reasons and the incident', async () => {
    const stored = readAt(await read('outage'), NOW);
    const chatgpt = officialReading(product('chatgpt'), stored, NOW);
    expect(chatgpt.state).toBe('major_outage');
    expect(chatgpt.affected).toEqual([
      { name: 'Login', state: 'partial_outage' },
      { name: 'Conversations', state: 'major_outage' },
    ]);
    expect(chatgpt.incidents[0]?.title).toBe('Elevated error rates in ChatGPT and Sora');
    expect(chatgpt.startedAt).toBe(Date.parse('2025-06-10T13:58:00.000Z'));
    expect(chatgpt.reasons).toEqual([
      { key: 'reason_official', substitutions: ['state:major_outage'] },
      { key: 'reason_affected', substitutions: ['list:Login\nConversations'] },
    ]);
    expect(officialReading(product('sora'), stored, NOW).state).toBe('degraded');
    expect(officialReading(product('openai-login'), stored, NOW).state).toBe('partial_outage');
    expect(officialReading(product('openai-api'), stored, NOW)).toMatchObject({
      state: 'operational',
      incidents: [],
    });
  });

  it('says "unknown" with the reason when the page was never read', () => {
    const stored = readAt(failure('not_json', 'an HTML page'), NOW);
    expect(officialReading(product('chatgpt'), stored, NOW)).toMatchObject({
      state: 'unknown',
      reasons: [{ key: 'reason_source_not_json' }],
    });
    expect(officialReading(product('chatgpt'), undefined, NOW).state).toBe('unknown');
  });

  it('keeps a recent good read while later reads fail, saying so, then turns unknown', async () => {
    const good = readAt(await read('outage'), NOW);
    const failed = readAt(failure('timeout', 'slow'), NOW + 60_000, good);
    const soon = officialReading(product('chatgpt'), failed, NOW + 60_000);
    expect(soon.state).toBe('major_outage');
    expect(soon.reasons.slice(-2)).toEqual([
      { key: 'reason_source_timeout' },
      { key: 'reason_keptLastRead', substitutions: [`time:${NOW}`] },
    ]);
    const later = officialReading(product('chatgpt'), failed, NOW + STALE_AFTER_MS + 1);
    expect(later.state).toBe('unknown');
    expect(later.reasons).toContainEqual({ key: 'reason_stale', substitutions: [`time:${NOW}`] });
  });

  it('never turns a stale "operational" into a fresh one', async () => {
    const good = readAt(await read('healthy'), NOW);
    const failed = readAt(failure('http', 'HTTP 503', { status: 503 }), NOW + 60_000, good);
    expect(officialReading(product('chatgpt'), failed, NOW + STALE_AFTER_MS + 1).state).toBe(
      'unknown',
    );
    // Even with no error at all, a read too old says nothing.
    expect(officialReading(product('chatgpt'), good, NOW + STALE_AFTER_MS + 1).state).toBe(
      'unknown',
    );
  });

  it('says "unknown" for a product the page no longer lists', () => {
    const stored = readAt(
      {
        ok: true,
        value: {
          components: [{ id: 'x', name: 'Something else', state: 'operational' }],
          incidents: [],
        },
      },
      NOW,
    );
    expect(officialReading(product('chatgpt'), stored, NOW)).toMatchObject({
      state: 'unknown',
      reasons: [{ key: 'reason_notListed' }],
    });
  });

  it('treats a product a partial component list (widget API) does not name as operational', () => {
    const stored = readAt(
      {
        ok: true,
        value: {
          components: [{ id: 'v', name: 'Video generation', group: 'Sora', state: 'degraded' }],
          componentsPartial: true,
          incidents: [],
        },
      },
      NOW,
    );
    expect(officialReading(product('chatgpt'), stored, NOW).state).toBe('operational');
    expect(officialReading(product('sora'), stored, NOW).state).toBe('degraded');
  });
});

const probe = (state: ProbeSignal['state'], extra: Partial<ProbeSignal> = {}): ProbeSignal => ({
  state,
  consecutiveFailures: state === 'failing' ? 3 : 0,
  lastLatencyMs: state === 'failing' ? null : 180,
  baselineMs: 150,
  since: state === 'failing' ? NOW - 120_000 : null,
  lastAt: NOW - 10_000,
  ...extra,
});

const field = (state: FieldSignal['state']): FieldSignal => ({
  state,
  failures: state === 'failing' ? 5 : 0,
  total: 6,
  consecutiveFailures: state === 'failing' ? 5 : 0,
  firstFailureAt: state === 'failing' ? NOW - 30_000 : null,
  lastEventAt: NOW - 1_000,
});

async function signals(
  scenario: OpenAiScenario,
  extra: Partial<ProductSignals> = {},
): Promise<ProductSignals> {
  const p = product('chatgpt');
  return {
    product: p,
    provider: OPENAI,
    official: officialReading(p, readAt(await read(scenario), NOW), NOW),
    probe: probe('answering'),
    field: field('quiet'),
    previous: undefined,
    now: NOW,
    ...extra,
  };
}

describe('mergeVerdict', () => {
  it('trusts a fresh healthy official page that the probe agrees with', async () => {
    const verdict = mergeVerdict(await signals('healthy'));
    expect(verdict).toMatchObject({ state: 'operational', confidence: 'high' });
    expect(verdict.detection).toEqual({ radarAt: null, officialAt: null });
  });

  it("calls trouble from the user's own failing requests before the official page does", async () => {
    const verdict = mergeVerdict(await signals('healthy', { field: field('failing') }));
    expect(verdict.state).toBe('partial_outage');
    expect(verdict.officialState).toBe('operational');
    expect(verdict.confidence).toBe('medium');
    expect(verdict.reasons[0]).toEqual({
      key: 'reason_fieldFailing',
      substitutions: ['5', 'ChatGPT'],
    });
    expect(verdict.reasons).toContainEqual({ key: 'reason_officialLagging' });
    expect(verdict.troubleSince).toBe(NOW - 30_000);
    expect(verdict.detection).toEqual({ radarAt: NOW, officialAt: null });
  });

  it('calls a major outage when the probe and the field both fail', async () => {
    const verdict = mergeVerdict(
      await signals('healthy', { field: field('failing'), probe: probe('failing') }),
    );
    expect(verdict).toMatchObject({ state: 'major_outage', confidence: 'high' });
  });

  it('records the detection lead when the official page follows', async () => {
    const first = mergeVerdict(await signals('healthy', { field: field('failing') }));
    const settled = { ...first, troubleSince: first.troubleSince };
    const later = mergeVerdict(
      await signals('outage', {
        field: field('failing'),
        previous: settled,
        now: NOW + 7 * 60_000,
      }),
    );
    expect(later.detection).toEqual({ radarAt: NOW, officialAt: NOW + 7 * 60_000 });
    expect(later.confidence).toBe('high');
  });

  it('flags a latency spike as degraded, and a probe-only product by its probe', async () => {
    const slow = mergeVerdict(
      await signals('healthy', { probe: probe('slow', { lastLatencyMs: 4200 }) }),
    );
    expect(slow.state).toBe('degraded');
    expect(slow.reasons[0]).toEqual({ key: 'reason_probeSlow', substitutions: ['4200', '150'] });
    const onlyProbe = await signals('healthy', { official: null });
    expect(mergeVerdict(onlyProbe)).toMatchObject({ state: 'operational', confidence: 'low' });
    expect(
      mergeVerdict({ ...onlyProbe, probe: probe('unknown', { lastLatencyMs: null }) }).state,
    ).toBe('unknown');
    expect(mergeVerdict({ ...onlyProbe, probe: probe('failing') }).state).toBe('partial_outage');
  });

  it('does not flap: trouble only our signals saw ends after they stay calm a while', async () => {
    const trouble = mergeVerdict(await signals('healthy', { field: field('failing') }));
    const previous: ServiceHealth = { ...trouble };
    const calmNow = mergeVerdict(
      await signals('healthy', { field: field('working'), previous, now: NOW + 30_000 }),
    );
    expect(calmNow.state).toBe('partial_outage');
    expect(calmNow.reasons[0]).toEqual({ key: 'reason_recovering' });
    const stillCalm = mergeVerdict(
      await signals('healthy', {
        field: field('working'),
        previous: calmNow,
        now: NOW + 30_000 + RECOVERY_HOLD_MS,
      }),
    );
    expect(stillCalm.state).toBe('operational');
  });

  it("trusts the official page's all-clear at once", async () => {
    const trouble = mergeVerdict(await signals('outage'));
    expect(trouble.state).toBe('major_outage');
    const cleared = mergeVerdict(
      await signals('healthy', { previous: trouble, now: NOW + 60_000 }),
    );
    expect(cleared.state).toBe('operational');
  });

  it('never calls "down" from a page it cannot read', async () => {
    const p = product('chatgpt');
    const verdict = mergeVerdict({
      ...(await signals('healthy')),
      official: officialReading(p, readAt(failure('not_json', 'html'), NOW), NOW),
      probe: probe('unknown', { lastLatencyMs: null }),
    });
    expect(verdict.state).toBe('unknown');
  });
});
