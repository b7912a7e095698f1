import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBetterStackIndex, readBetterStack } from '@/utils/sources/betterstack';
import { COMPONENT_STATES } from '@/utils/health/states';
import { fixture, fixturesAt } from '../helpers/fixtures';

const PAGE = 'https://status.huggingface.co';
/** The moment the fixtures were taken at (the e2e harness moves their times to now). */
const NOW = Date.parse('2025-06-10T14:06:00.000Z');

const parse = (text: string) => {
  const parsed = parseBetterStackIndex(text, PAGE, NOW);
  if (!parsed.ok) throw new Error(parsed.error.detail);
  return parsed.value;
};

/** A minimal index.json around some `included` resources. */
const index = (included: unknown[], aggregate_state: unknown = 'operational') =>
  JSON.stringify({
    data: { id: '1', type: 'status_page', attributes: { aggregate_state } },
    included,
  });

describe('Better Stack index.json', () => {
  it('reads a calm page: every resource with its section, no open report', () => {
    const report = parse(fixture('betterstack/huggingface/healthy/index.json'));
    expect(report.overall).toBe('operational');
    // The resolved report of last week (with `ends_at` still null) is history.
    expect(report.incidents).toEqual([]);
    expect(report.components.map((c) => [c.group, c.name, c.state])).toEqual([
      ['Hugging Face Hub', 'huggingface.co', 'operational'],
      ['Hugging Face Hub', 'Hub API', 'operational'],
      ['Hugging Face Hub', 'Git Hosting and Serving', 'operational'],
      ['Hugging Face Hub', 'Spaces', 'operational'],
      ['Inference', 'Inference Providers', 'operational'],
      // `not_monitored`: the page shows no state for it, so neither do we.
      ['Inference', 'Inference Endpoints', 'unknown'],
    ]);
  });

  it('reads an outage: page state, affected resources and the open report', () => {
    const report = parse(fixture('betterstack/huggingface/outage/index.json'));
    expect(report.overall).toBe('major_outage');
    const state = (name: string) => report.components.find((c) => c.name === name)?.state;
    expect(state('Spaces')).toBe('major_outage');
    expect(state('Inference Providers')).toBe('degraded');
    expect(state('Hub API')).toBe('operational');
    expect(report.incidents).toEqual([
      {
        id: '961077',
        title: 'Spaces are unreachable and Inference Providers are slow',
        impact: 'major_outage',
        status: 'downtime',
        startedAt: Date.parse('2025-06-10T13:56:00.000Z'),
        updatedAt: Date.parse('2025-06-10T14:04:00.000Z'),
        url: 'https://status.huggingface.co/incident/961077',
        componentIds: ['3871204', '3871205'],
        componentNames: ['Spaces', 'Inference Providers'],
      },
    ]);
  });

  it('keeps a hostile title as inert text, and links only to the page itself', () => {
    const text = index([
      {
        id: 'javascript:alert(1)',
        type: 'status_report',
        attributes: {
          title: "<img src=x onerror=alert(1)> Hub down <script>alert('pwned')</script>",
          aggregate_state: 'degraded',
        },
      },
    ]);
    const [incident] = parse(text).incidents;
    expect(incident?.title).toBe(
      "<img src=x onerror=alert(1)> Hub down <script>alert('pwned')</script>",
    );
    expect(incident?.url).toBe(`${PAGE}/incident/javascript%3Aalert(1)`);
  });

  it.each([
    [{ aggregate_state: 'resolved' }, undefined],
    [{ aggregate_state: 'operational' }, 'degraded'],
    [{ aggregate_state: 'Downtime' }, 'major_outage'],
    [{ aggregate_state: 'constructor' }, 'degraded'],
    [{ aggregate_state: 'degraded', ends_at: '2025-06-10T14:00:00.000Z' }, undefined],
    [{ report_type: 'maintenance', starts_at: '2025-06-10T13:00:00.000Z' }, 'maintenance'],
    [{ report_type: 'maintenance', starts_at: '2025-06-11T02:00:00.000Z' }, undefined],
  ])('reads report %j as %s', (attributes, impact) => {
    const text = index([
      { id: 'r', type: 'status_report', attributes: { title: 'T', ...attributes } },
    ]);
    expect(parse(text).incidents[0]?.impact).toBe(impact);
  });

  it.each([
    ['operational', 'operational'],
    ['degraded', 'degraded'],
    ['downtime', 'major_outage'],
    ['maintenance', 'maintenance'],
    ['not_monitored', 'unknown'],
    ['toString', 'unknown'],
    [7, 'unknown'],
  ])('maps resource status %j to %s', (status, state) => {
    const text = index(
      [{ id: 'x', type: 'status_page_resource', attributes: { public_name: 'X', status } }],
      status,
    );
    const report = parse(text);
    expect(report.components[0]?.state).toBe(state);
    expect(report.overall).toBe(state === 'unknown' ? undefined : state);
  });

  it.each([
    ['an HTML page', fixture('bot-challenge.html'), 'not_json'],
    [
      'truncated JSON',
      fixture('betterstack/huggingface/outage/index.json').slice(0, 300),
      'not_json',
    ],
    ['a JSON array', '[]', 'bad_shape'],
    ['no data', '{"included":[]}', 'bad_shape'],
    ['no state nor resource', '{"data":{"attributes":{"aggregate_state":"on_fire"}}}', 'bad_shape'],
  ])('turns %s into a typed error', (_, text, code) => {
    expect(parseBetterStackIndex(text, PAGE, NOW)).toEqual({
      ok: false,
      error: expect.objectContaining({ code }),
    });
  });

  it('never throws, and never calls an open report operational', () => {
    const included = fc.array(
      fc.record(
        {
          id: fc.oneof(fc.string(), fc.integer(), fc.anything()),
          type: fc.oneof(
            fc.constantFrom('status_page_section', 'status_page_resource', 'status_report'),
            fc.anything(),
          ),
          attributes: fc.oneof(
            fc.record(
              {
                name: fc.anything(),
                public_name: fc.oneof(fc.string(), fc.anything()),
                status: fc.anything(),
                status_page_section_id: fc.anything(),
                title: fc.oneof(fc.string(), fc.anything()),
                aggregate_state: fc.anything(),
                starts_at: fc.anything(),
                ends_at: fc.anything(),
                affected_resources: fc.anything(),
              },
              { requiredKeys: [] },
            ),
            fc.anything(),
          ),
          relationships: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    );
    const indexLike = fc
      .record({
        data: fc.record({
          attributes: fc.oneof(
            fc.record({ aggregate_state: fc.oneof(fc.constant('degraded'), fc.anything()) }),
            fc.anything(),
          ),
        }),
        included,
      })
      .map((value) => JSON.stringify(value));
    const anyJson = fc.oneof(
      fc.json(),
      fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyJson, indexLike), (text) => {
        const parsed = parseBetterStackIndex(text, PAGE, NOW);
        if (!parsed.ok) {
          expect(['not_json', 'bad_shape']).toContain(parsed.error.code);
          return;
        }
        for (const component of parsed.value.components) {
          expect(typeof component.name).toBe('string');
          expect(COMPONENT_STATES).toContain(component.state);
        }
        for (const incident of parsed.value.incidents) {
          expect(['degraded', 'partial_outage', 'major_outage', 'maintenance']).toContain(
            incident.impact,
          );
          expect(incident.url?.startsWith(PAGE)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('readBetterStack', () => {
  /** Answers the page's real index.json URL from a fixture; anything else 404s. */
  const huggingFaceFetch = (scenario: string) =>
    fixturesAt(
      { 'https://status.huggingface.co/index.json': 'betterstack/huggingface/{s}/index.json' },
      () => scenario,
    );

  it('reads index.json at its real URL', async () => {
    const result = await readBetterStack(PAGE, { fetch: huggingFaceFetch('outage') });
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.value.overall).toBe('major_outage');
    expect(result.value.components).toHaveLength(6);
    // The open report has no `ends_at`, so it is open whatever today is.
    expect(result.value.incidents.map((i) => i.id)).toEqual(['961077']);
  });

  it('fails with "http" and the status on HTTP 503', async () => {
    const result = await readBetterStack(PAGE, {
      fetch: async () => new Response('unavailable', { status: 503 }),
    });
    expect(result).toEqual({ ok: false, error: { code: 'http', detail: 'HTTP 503', status: 503 } });
  });
});
