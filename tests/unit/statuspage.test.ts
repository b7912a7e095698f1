import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseStatuspageComponents,
  parseStatuspageIncidents,
  readStatuspage,
  statuspageComponentState,
} from '@/utils/sources/statuspage';
import { fixture, fixtureFetch } from '../helpers/fixtures';

describe('Statuspage components', () => {
  it('reads every component of components.json with its group and a normalized state', () => {
    const parsed = parseStatuspageComponents(fixture('openai/outage/components.json'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // Group rows are not components: 4 groups, 29 components.
    expect(parsed.value).toHaveLength(29);
    const conversations = parsed.value.find((c) => c.name === 'Conversations');
    expect(conversations).toMatchObject({ group: 'ChatGPT', state: 'major_outage' });
    expect(parsed.value.find((c) => c.name === 'Video generation')).toMatchObject({
      group: 'Sora',
      state: 'degraded',
    });
    expect(parsed.value.filter((c) => c.state === 'operational')).toHaveLength(26);
  });

  it.each([
    ['operational', 'operational'],
    ['degraded_performance', 'degraded'],
    ['partial_outage', 'partial_outage'],
    ['major_outage', 'major_outage'],
    ['full_outage', 'major_outage'],
    ['under_maintenance', 'maintenance'],
    ['on_fire', 'unknown'],
    [42, 'unknown'],
  ])('maps status %j to %s', (status, state) => {
    const text = JSON.stringify({ components: [{ id: 'a', name: 'A', status }] });
    const parsed = parseStatuspageComponents(text);
    expect(parsed.ok && parsed.value[0]?.state).toBe(state);
  });

  it.each([
    ['an HTML bot challenge', fixture('bot-challenge.html'), 'not_json'],
    ['truncated JSON', fixture('openai/healthy/components.json').slice(0, 500), 'not_json'],
    ['a JSON array', '[]', 'bad_shape'],
    ['no components', '{"page":{}}', 'bad_shape'],
    ['wrong-typed components', '{"components":"all good"}', 'bad_shape'],
    [
      'components without ids or names',
      '{"components":[{"status":"operational"},{"id":5,"name":null}]}',
      'bad_shape',
    ],
  ])('turns %s into a typed error', (_, text, code) => {
    const parsed = parseStatuspageComponents(text);
    expect(parsed).toEqual({ ok: false, error: expect.objectContaining({ code }) });
  });
});

describe('Statuspage incidents', () => {
  it('reads unresolved incidents with times, impact, link and components', () => {
    const parsed = parseStatuspageIncidents(fixture('openai/outage/summary.json'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toHaveLength(1);
    expect(parsed.value[0]).toMatchObject({
      title: 'Elevated error rates in ChatGPT and Sora',
      impact: 'major_outage',
      status: 'investigating',
      startedAt: Date.parse('2025-06-10T13:58:00.000Z'),
      url: 'https://status.openai.com/incidents/01JXKQ7P8W3H6V2NCM4RZTB9AE',
    });
    expect(parsed.value[0]?.componentIds).toHaveLength(3);
  });

  it('keeps hostile titles as inert text and drops non-http links', () => {
    const parsed = parseStatuspageIncidents(fixture('openai/hostile/summary.json'));
    if (!parsed.ok) throw new Error('hostile fixture should parse');
    expect(parsed.value[0]?.title).toContain('<script>');
    expect(parsed.value[0]?.url).toBeNull();
  });

  it('ignores resolved incidents', () => {
    const text = JSON.stringify({
      incidents: [{ id: 'x', name: 'Old', status: 'resolved', impact: 'major' }],
    });
    expect(parseStatuspageIncidents(text)).toEqual({ ok: true, value: [] });
  });
});

describe('readStatuspage', () => {
  it('takes components from components.json and incidents from summary.json', async () => {
    const result = await readStatuspage('https://status.openai.com', {
      fetch: fixtureFetch(() => 'outage'),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // summary.json lists only 25 of the 33 rows; components.json has them all.
    expect(result.value.components).toHaveLength(29);
    expect(result.value.incidents).toHaveLength(1);
  });

  it.each([
    [429, { 'retry-after': '120' }, { retryAfterMs: 120_000 }],
    [503, {}, {}],
  ])(
    'fails with a reason on HTTP %i, keeping the status for backoff',
    async (status, headers, extra) => {
      const result = await readStatuspage('https://status.openai.com', {
        fetch: fixtureFetch(() => new Response('slow down', { status, headers })),
      });
      expect(result).toEqual({
        ok: false,
        error: { code: 'http', detail: `HTTP ${status}`, status, ...extra },
      });
    },
  );

  it('fails with "timeout" when the page never answers', async () => {
    const never: typeof fetch = (_input, init) =>
      new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    const result = await readStatuspage('https://status.openai.com', {
      fetch: never,
      timeoutMs: 20,
    });
    expect(result.ok === false && result.error.code).toBe('timeout');
  });

  it('fails with "network" when the request cannot be made', async () => {
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const result = await readStatuspage('https://status.openai.com', { fetch: offline });
    expect(result.ok === false && result.error.code).toBe('network');
  });

  it('refuses a multi-megabyte body without reading it all', async () => {
    const huge = `{"components":[${'{"id":"a","name":"A","status":"operational"},'.repeat(60_000)}]}`;
    const result = await readStatuspage('https://status.openai.com', {
      fetch: async () => new Response(huge),
    });
    expect(result.ok === false && result.error.code).toBe('too_large');
  });
});

describe('Statuspage parsers on arbitrary input', () => {
  const anyJson = fc.jsonValue().map((value) => JSON.stringify(value));
  const componentsLike = fc
    .record({
      components: fc.array(
        fc.record({
          id: fc.anything(),
          name: fc.anything(),
          status: fc.anything(),
          group: fc.anything(),
          group_id: fc.anything(),
        }),
      ),
      incidents: fc.array(fc.dictionary(fc.string(), fc.anything())),
    })
    .map((value) => JSON.stringify(value));

  it('never throw, and always answer a value or a typed error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyJson, componentsLike), (text) => {
        for (const parsed of [parseStatuspageComponents(text), parseStatuspageIncidents(text)]) {
          expect(typeof parsed.ok).toBe('boolean');
          if (!parsed.ok) expect(['not_json', 'bad_shape']).toContain(parsed.error.code);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('names from the network that are also JavaScript built-ins', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'reads a component status of "%s" as unknown, and an incident impact as degraded',
    (name) => {
      expect(statuspageComponentState(name)).toBe('unknown');
      const parsed = parseStatuspageIncidents(
        JSON.stringify({
          incidents: [{ id: 'i', name: 'Errors', status: 'investigating', impact: name }],
        }),
      );
      expect(parsed.ok && parsed.value[0]?.impact).toBe('degraded');
    },
  );
});
