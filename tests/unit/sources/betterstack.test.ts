import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBetterStackIndex, readBetterStack } from '@/utils/sources/betterstack';
import { HUGGING_FACE as HUGGING_FACE_PROVIDER } from '@/utils/catalog/others';
import type { ComponentMatcher } from '@/utils/catalog/types';
import { readProduct } from '@/utils/health/official';
import { COMPONENT_STATES } from '@/utils/core/states';
import type { SourceReport } from '@/utils/sources/types';
import { fixture, fixturesAt } from '../../helpers/fixtures';

const PAGE = 'https://status.huggingface.co';
/**
 * The fixtures are the one real Better Stack sample we have (status.betterstack.com, trimmed by
 * a third party, fetched 2026-09-23) and variants of it: tests/fixtures/betterstack/PROVENANCE.md.
 * No capture of status.huggingface.co exists; the e2e world serves these at its URL.
 */
const NOW = Date.parse('2026-09-23T12:00:00.000Z');
const HUGGING_FACE = HUGGING_FACE_PROVIDER.products[0]!.match as ComponentMatcher;

const parse = (text: string) => {
  const parsed = parseBetterStackIndex(text, PAGE, NOW);
  if (!parsed.ok) throw new Error(parsed.error.detail);
  return parsed.value;
};
const scenario = (name: string) => parse(fixture(`betterstack/huggingface/${name}/index.json`));

/** The product's reading, failing the test if the report cannot give one. */
const reading = (match: ComponentMatcher, report: SourceReport) => {
  const lookup = readProduct(match, report);
  if (!('found' in lookup)) throw new Error(`missing: ${lookup.missing}`);
  return lookup.found;
};

/** A minimal index.json around some `included` resources. */
const index = (included: unknown[], aggregate_state: unknown = 'operational') =>
  JSON.stringify({
    data: { id: '1', type: 'status_page', attributes: { aggregate_state } },
    included,
  });

describe('Better Stack index.json (the real status.betterstack.com sample)', () => {
  it('reads the calm page: its resource under its section, the resolved report as history', () => {
    const report = scenario('healthy');
    expect(report).toEqual({
      components: [
        { id: '4018902', name: 'Better Stack', group: 'Better Stack', state: 'operational' },
      ],
      // Report 1050825 is `resolved` with `ends_at: null`: over, whatever `ends_at` says.
      incidents: [],
      overall: 'operational',
    });
    expect(reading(HUGGING_FACE, report).state).toBe('operational');
  });

  it('reads the reopened report (one resource degraded, not listed) as an open incident', () => {
    const report = scenario('one-down');
    expect(report.overall).toBe('degraded');
    expect(report.components.map((c) => c.state)).toEqual(['operational']);
    expect(report.incidents).toEqual([
      {
        id: '1050825',
        title: 'Delayed data processing in the Europe region',
        impact: 'degraded',
        status: 'degraded',
        startedAt: Date.parse('2026-09-04T13:50:00.000Z'),
        updatedAt: Date.parse('2026-09-04T19:53:00.000Z'),
        url: 'https://status.huggingface.co/incident/1050825',
        // Resource 4188758 is not in the (trimmed) `included`: an id without a name.
        componentIds: ['4188758'],
      },
    ]);
  });

  it('reads the outage: the listed resource down, the page in downtime', () => {
    const report = scenario('outage');
    expect(report.overall).toBe('major_outage');
    expect(report.components.map((c) => [c.name, c.state])).toEqual([
      ['Better Stack', 'major_outage'],
    ]);
    expect(report.incidents.map((i) => i.id)).toEqual(['1050825']);
  });
});

describe('Hugging Face: a whole page, in trouble from 30% of its monitors', () => {
  it('is in the catalog as a whole page with a 30% share', () => {
    expect(HUGGING_FACE).toEqual({ wholePage: true, minTroubledShare: 0.3 });
  });

  it('healthy: operational', () => {
    expect(reading(HUGGING_FACE, scenario('healthy'))).toMatchObject({
      state: 'operational',
      affected: [],
      incidents: [],
    });
  });

  it('one resource in trouble and none of the listed ones (0%): operational, report listed', () => {
    // Below the share, neither the page-wide `degraded` nor the report's resource counts.
    const found = reading(HUGGING_FACE, scenario('one-down'));
    expect(found.state).toBe('operational');
    expect(found.incidents.map((i) => i.id)).toEqual(['1050825']);
    // Without the share, the same page would have made Hugging Face degraded.
    expect(reading({ wholePage: true }, scenario('one-down')).state).toBe('degraded');
  });

  it('every listed resource down (100% ≥ 30%): a major outage', () => {
    expect(reading(HUGGING_FACE, scenario('outage'))).toMatchObject({
      state: 'major_outage',
      affected: [{ name: 'Better Stack', state: 'major_outage' }],
      incidents: [{ id: '1050825' }],
      startedAt: Date.parse('2026-09-04T13:50:00.000Z'),
    });
  });

  /** A page of `total` monitored resources, `down` of them in downtime (synthetic, for the rule). */
  const page = (down: number, total: number): SourceReport => ({
    components: Array.from({ length: total }, (_, i) => ({
      id: `r${i}`,
      name: `R${i}`,
      state: i < down ? ('major_outage' as const) : ('operational' as const),
    })),
    incidents: [],
    overall: down > 0 ? 'major_outage' : 'operational',
  });

  it.each([
    [0, 10, 'operational'],
    [1, 10, 'operational'],
    [2, 10, 'operational'],
    [3, 10, 'major_outage'],
    [1, 4, 'operational'],
    [2, 4, 'major_outage'],
    [1, 1, 'major_outage'],
  ])('%i of %i resources down: %s', (down, total, state) => {
    expect(reading(HUGGING_FACE, page(down, total)).state).toBe(state);
  });

  it('never reads operational at or above the share, never in trouble below it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), (total, n) => {
        const down = n % (total + 1);
        const state = reading(HUGGING_FACE, page(down, total)).state;
        expect(state).toBe(down >= 0.3 * total ? 'major_outage' : 'operational');
      }),
      { numRuns: 300 },
    );
  });
});

describe('Better Stack index.json edge cases', () => {
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
    [{ aggregate_state: 'degraded', ends_at: '2026-09-23T11:00:00.000Z' }, undefined],
    [{ aggregate_state: 'degraded', ends_at: '2026-09-23T13:00:00.000Z' }, 'degraded'],
    [{ aggregate_state: 'degraded', ends_at: null }, 'degraded'],
    [{ report_type: 'maintenance', starts_at: '2026-09-23T11:00:00.000Z' }, 'maintenance'],
    [{ report_type: 'maintenance', starts_at: '2026-09-24T02:00:00.000Z' }, undefined],
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

  it('reads index.json at its real URL, judging windows by options.now', async () => {
    const result = await readBetterStack(PAGE, {
      fetch: huggingFaceFetch('one-down'),
      now: () => NOW,
    });
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.value.overall).toBe('degraded');
    expect(result.value.components).toHaveLength(1);
    // The reopened report has `ends_at: null`, so it is open whatever today is.
    expect(result.value.incidents.map((i) => i.id)).toEqual(['1050825']);
  });

  it.each([
    ['healthy', 'operational'],
    ['one-down', 'operational'],
    ['outage', 'major_outage'],
  ])('serves the %s scenario, in which Hugging Face reads %s', async (name, state) => {
    const result = await readBetterStack(PAGE, { fetch: huggingFaceFetch(name), now: () => NOW });
    if (!result.ok) throw new Error(result.error.detail);
    expect(reading(HUGGING_FACE, result.value).state).toBe(state);
  });

  it('fails with "http" and the status on HTTP 503', async () => {
    const result = await readBetterStack(PAGE, {
      fetch: async () => new Response('unavailable', { status: 503 }),
    });
    expect(result).toEqual({ ok: false, error: { code: 'http', detail: 'HTTP 503', status: 503 } });
  });
});
