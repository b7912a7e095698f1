import { describe, expect, it } from 'vitest';
import { OPENAI } from '@/utils/catalog/openai';
import { recordRead, type SourceRead } from '@/utils/sources/reads';
import { mergeVerdict, RECOVERY_HOLD_MS, type ProductSignals } from '@/utils/health/merge';
import { officialReading, STALE_AFTER_MS } from '@/utils/health/official';
import type { ServiceHealth } from '@/utils/health/types';
import { FIELD_WINDOW_MS, type FieldSignal } from '@/utils/field/window';
import type { ProbeSignal } from '@/utils/probes/probe-log';
import { readStatuspage } from '@/utils/sources/statuspage';
import { failure, type SourceResult } from '@/utils/sources/types';
import { fixture, fixtureFetch, fixturesAt, type OpenAiScenario } from '../../helpers/fixtures';
import { readFirstAnswering } from '@/utils/sources';
import { parseIncidentIoProxy } from '@/utils/sources/incident-io';

// The outage fixtures carry the real 2026-09-29 incident, published 17:52:52 UTC.
const NOW = Date.parse('2026-09-29T18:30:00.000Z');
const product = (id: string) => OPENAI.products.find((p) => p.id === id)!;
const PAGE = 'https://status.openai.com';

/** A read through the catalog's own chain: the native feed first, the compat JSON after. */
async function read(scenario: OpenAiScenario | Response): Promise<SourceResult> {
  return readFirstAnswering(OPENAI.sources, {
    fetch: fixtureFetch(() => scenario),
    now: () => NOW,
  });
}
/** A read of the flat compat JSON alone, as when the native feed is blocked. */
async function readCompat(scenario: OpenAiScenario): Promise<SourceResult> {
  return readStatuspage(PAGE, { fetch: fixtureFetch(() => scenario) });
}

const readAt = (result: SourceResult, at: number, before?: SourceRead) => ({
  ...recordRead(before, result, at),
  nextDueAt: at + 60_000,
});
const stateOf = (id: string, stored: SourceRead, now = NOW) =>
  officialReading(product(id), 'OpenAI', stored, now).state;

describe('officialReading for OpenAI', () => {
  it('reads a healthy page as operational for every product', async () => {
    const stored = readAt(await read('healthy'), NOW);
    for (const p of OPENAI.products) {
      expect([p.id, officialReading(p, 'OpenAI', stored, NOW).state]).toEqual([
        p.id,
        'operational',
      ]);
    }
  });

  it('tells a ChatGPT outage from a Sora or API one, with reasons and the incident', async () => {
    const stored = readAt(await read('outage'), NOW);
    const chatgpt = officialReading(product('chatgpt'), 'OpenAI', stored, NOW);
    expect(chatgpt.state).toBe('major_outage');
    expect(chatgpt.affected).toEqual([
      { name: 'Conversations', state: 'major_outage' },
      { name: 'Login', state: 'partial_outage' },
    ]);
    expect(chatgpt.incidents[0]?.title).toBe(
      'Elevated errors across ChatGPT, Codex, and the API including the Agents API',
    );
    expect(chatgpt.startedAt).toBe(Date.parse('2026-09-29T17:52:52Z'));
    expect(chatgpt.reasons).toEqual([
      { key: 'reason_official', substitutions: ['state:major_outage'] },
      { key: 'reason_affected', substitutions: ['list:Conversations\nLogin'] },
    ]);
    expect(stateOf('openai-login', stored)).toBe('partial_outage');
    expect(stateOf('sora', stored)).toBe('operational');
    // The API's own Login is fine, and the incident touches no API component.
    expect(officialReading(product('openai-api'), 'OpenAI', stored, NOW)).toMatchObject({
      state: 'operational',
      incidents: [],
    });
  });

  it('takes the layout from the native feed and keeps it for the flat compat JSON', async () => {
    const native = readAt(await read('healthy'), NOW);
    expect(native.layout?.groupOf['01JMXBNJXGV1T5GT2M9XA83XNG']).toBe('ChatGPT');
    // The native feed is blocked; the compat JSON answers with states by id only.
    const compat = readAt(await readCompat('outage'), NOW + 60_000, native);
    expect(compat.report?.grouped).toBeUndefined();
    expect(compat.layout).toEqual(native.layout);
    expect(stateOf('chatgpt', compat, NOW + 60_000)).toBe('major_outage');
    expect(stateOf('openai-api', compat, NOW + 60_000)).toBe('operational');
  });

  it('says "unknown" for a group product when no layout was ever read, never "operational"', async () => {
    const stored = readAt(await readCompat('outage'), NOW);
    expect(stored.layout).toBeNull();
    expect(officialReading(product('chatgpt'), 'OpenAI', stored, NOW)).toMatchObject({
      state: 'unknown',
      reasons: [{ key: 'reason_layoutUnknown', substitutions: ['ChatGPT'] }],
    });
    // A product known by a component's own name still reads from the flat list...
    expect(stateOf('openai-login', stored)).toBe('partial_outage');
    // ...where that list names it (this capture, trimmed, does not list Sora).
    expect(stateOf('sora', stored)).toBe('unknown');
  });

  it('says so in plain words when the page answers but the product is not on it', async () => {
    const stored = readAt(await read('drift'), NOW);
    expect(officialReading(product('chatgpt'), 'OpenAI', stored, NOW)).toMatchObject({
      state: 'unknown',
      reasons: [{ key: 'reason_notOnPage', substitutions: ['ChatGPT', 'OpenAI'] }],
    });
    expect(stateOf('openai-login', stored)).toBe('partial_outage');
  });

  it('finds Sora as a group (2025) and as a component of APIs (2026)', async () => {
    const fetch2025 = fixturesAt(
      { [`${PAGE}/proxy/status.openai.com`]: 'openai/2025-04-sora-incident/proxy.json' },
      () => '',
    );
    const at = Date.parse('2025-04-08T18:00:00Z');
    const old = readAt(
      await readFirstAnswering(OPENAI.sources, { fetch: fetch2025, now: () => at }),
      at,
    );
    expect(stateOf('sora', old, at)).toBe('degraded');
    expect(officialReading(product('sora'), 'OpenAI', old, at).incidents).toHaveLength(1);
    expect(stateOf('chatgpt', old, at)).toBe('operational');
    expect(stateOf('openai-api', old, at)).toBe('operational');

    const capture = JSON.parse(fixture('openai/outage/proxy.json'));
    const apis = capture.summary.structure.items[0].group;
    apis.components.push({ ...apis.components[0], component_id: 'sora-2026', name: 'Sora' });
    capture.summary.affected_components = [{ component_id: 'sora-2026', status: 'full_outage' }];
    capture.summary.ongoing_incidents = [];
    const now = readAt(parseIncidentIoProxy(JSON.stringify(capture), PAGE, NOW), NOW);
    expect(stateOf('sora', now)).toBe('major_outage');
    expect(stateOf('openai-api', now)).toBe('operational');
    expect(stateOf('chatgpt', now)).toBe('operational');
  });

  it('keeps ChatGPT to "degraded" when only a feature outside its core is down', async () => {
    const capture = JSON.parse(fixture('openai/healthy/proxy.json'));
    const desktop = '01KMKFAMWKQ81YWSE1Z18R6VHR'; // "Codex in ChatGPT Desktop"
    capture.summary.affected_components = [{ component_id: desktop, status: 'full_outage' }];
    const stored = readAt(parseIncidentIoProxy(JSON.stringify(capture), PAGE, NOW), NOW);
    expect(stateOf('chatgpt', stored)).toBe('degraded');
    expect(stateOf('codex', stored)).toBe('major_outage');
  });

  it('reads the compat JSON of the 2026-09-29 incident: no incidents key when calm, none on components', async () => {
    const calm = await readCompat('healthy');
    expect(calm.ok && calm.value.incidents).toEqual([]);
    const fetch = fixturesAt(
      { [`${PAGE}/api/v2/summary.json`]: 'openai/2026-09-29-incident/summary.json' },
      () => '',
    );
    const result = await readStatuspage(PAGE, { fetch });
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.value.overall).toBe('degraded');
    expect(result.value.incidents.map((i) => [i.title, i.impact, i.componentIds])).toEqual([
      [
        'Elevated errors across ChatGPT, Codex, and the API including the Agents API',
        'degraded',
        [],
      ],
      ['Support chat unavailable', 'degraded', []],
    ]);
    expect(result.value.incidents[0]?.url).toBeNull();
  });

  it('says "unknown" with the reason when the page was never read', () => {
    const stored = readAt(failure('not_json', 'an HTML page'), NOW);
    expect(officialReading(product('chatgpt'), 'OpenAI', stored, NOW)).toMatchObject({
      state: 'unknown',
      reasons: [{ key: 'reason_source_not_json' }],
    });
    expect(officialReading(product('chatgpt'), 'OpenAI', undefined, NOW).state).toBe('unknown');
  });

  it('keeps a recent good read while later reads fail, saying so, then turns unknown', async () => {
    const good = readAt(await read('outage'), NOW);
    const failed = readAt(failure('timeout', 'slow'), NOW + 60_000, good);
    expect(failed.layout).toEqual(good.layout);
    const soon = officialReading(product('chatgpt'), 'OpenAI', failed, NOW + 60_000);
    expect(soon.state).toBe('major_outage');
    expect(soon.reasons.slice(-2)).toEqual([
      { key: 'reason_source_timeout' },
      { key: 'reason_keptLastRead', substitutions: [`time:${NOW}`] },
    ]);
    const later = officialReading(product('chatgpt'), 'OpenAI', failed, NOW + STALE_AFTER_MS + 1);
    expect(later.state).toBe('unknown');
    expect(later.reasons).toContainEqual({ key: 'reason_stale', substitutions: [`time:${NOW}`] });
  });

  it('never turns a stale "operational" into a fresh one', async () => {
    const good = readAt(await read('healthy'), NOW);
    const failed = readAt(failure('http', 'HTTP 503', { status: 503 }), NOW + 60_000, good);
    expect(stateOf('chatgpt', failed, NOW + STALE_AFTER_MS + 1)).toBe('unknown');
    // Even with no error at all, a read too old says nothing.
    expect(stateOf('chatgpt', good, NOW + STALE_AFTER_MS + 1)).toBe('unknown');
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
  sends: 6,
  failedSends: state === 'struggling' ? 2 : 0,
  limited: 0,
  firstFailureAt: state === 'failing' || state === 'struggling' ? NOW - 30_000 : null,
  lastEventAt: NOW - 1_000,
  changesAt: state === 'quiet' ? null : NOW - 60_000 + FIELD_WINDOW_MS,
});

async function signals(
  scenario: OpenAiScenario,
  extra: Partial<ProductSignals> = {},
): Promise<ProductSignals> {
  const p = product('chatgpt');
  return {
    product: p,
    provider: OPENAI,
    official: officialReading(p, 'OpenAI', readAt(await read(scenario), NOW), NOW),
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

  it("calls a service degraded when some of the user's sends fail", async () => {
    const verdict = mergeVerdict(await signals('healthy', { field: field('struggling') }));
    expect(verdict.state).toBe('degraded');
    expect(verdict.reasons[0]).toEqual({
      key: 'reason_fieldSendsFailing',
      substitutions: ['2', '6', 'ChatGPT'],
    });
    expect(verdict.reasons).toContainEqual({ key: 'reason_officialLagging' });
    expect(verdict.detection.radarAt).toBe(NOW);
  });

  it('names a flood of 429s on many kinds of call', async () => {
    const flood = { ...field('struggling'), failedSends: 0, limited: 7 };
    const verdict = mergeVerdict(await signals('healthy', { field: flood }));
    expect(verdict.state).toBe('degraded');
    expect(verdict.reasons[0]).toEqual({
      key: 'reason_fieldLimited',
      substitutions: ['ChatGPT', '7'],
    });
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
    // The reason names what the probe measures: the app's backend, not the whole product.
    expect(slow.reasons[0]).toEqual({
      key: 'reason_probeSlow',
      substitutions: ['chatgpt.com', '4200', '150'],
    });
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
      official: officialReading(p, 'OpenAI', readAt(failure('not_json', 'html'), NOW), NOW),
      probe: probe('unknown', { lastLatencyMs: null }),
    });
    expect(verdict.state).toBe('unknown');
  });
});
