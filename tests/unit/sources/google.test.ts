import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GOOGLE_CLOUD, GOOGLE_WORKSPACE } from '@/utils/catalog/google';
import type { ComponentMatcher } from '@/utils/catalog/types';
import { readProduct } from '@/utils/health/official';
import { parseGoogleIncidents, readGoogleIncidents } from '@/utils/sources/google';
import type { SourceReport } from '@/utils/sources/types';
import { isTrouble } from '@/utils/core/states';
import { fixture, fixturesAt } from '../../helpers/fixtures';

/*
 * Every fixture is a capture of https://status.cloud.google.com/incidents.json from the
 * outages/gcp-outages scraper, trimmed or derived as tests/fixtures/google/PROVENANCE.md says.
 * Each is read at the moment it was captured (the scraper's commit time).
 */
const AT = {
  /** The 2025-06-12 multi-product outage, open, naming "Vertex Gemini API". */
  open2025: Date.parse('2025-06-13T00:54:55Z'),
  /** The same incident ended (`end` 01:18), the next commit. */
  ended2025: Date.parse('2025-06-13T02:41:34Z'),
  /** One open us-west1 outage of 27 products, none of them Gemini. */
  aug2026: Date.parse('2026-08-20T19:07:42Z'),
  /** An open Vertex AI Search incident. */
  search2025: Date.parse('2025-02-16T15:46:44Z'),
  /** The ~419 KB capture of 2025-12-05: 33 incidents, all ended. */
  dec2025: Date.parse('2025-12-05T02:43:10Z'),
};
const CLOUD = 'https://status.cloud.google.com/';
const WORKSPACE = 'https://www.google.com/appsstatus/dashboard/';

const parse = (path: string, now: number, page = CLOUD): SourceReport => {
  const parsed = parseGoogleIncidents(fixture(`google/${path}`), page, now);
  if (!parsed.ok) throw new Error(parsed.error.detail);
  return parsed.value;
};

const GEMINI_API = GOOGLE_CLOUD.products[0]!.match as ComponentMatcher;
const GEMINI_APP = GOOGLE_WORKSPACE.products[0]!.match as ComponentMatcher;

/** The product's state from a report, failing the test if the report cannot say. */
const stateOf = (match: ComponentMatcher, report: SourceReport) => {
  const lookup = readProduct(match, report);
  if (!('found' in lookup)) throw new Error(`missing: ${lookup.missing}`);
  return lookup.found.state;
};

describe('Google Cloud incidents.json (real captures)', () => {
  it('reads the open 2025-06-12 outage, which has no `end` key, as a major outage', () => {
    const text = fixture('google/cloud/outage/incidents.json');
    expect(JSON.parse(text)[0]).not.toHaveProperty('end');
    expect(parse('cloud/outage/incidents.json', AT.open2025).incidents).toEqual([
      {
        id: 'ow5i3PPK96RduMcb1SsW',
        title: 'Multiple GCP products are experiencing Service issues',
        impact: 'major_outage',
        // The newest update says disruption while the incident is still rated outage.
        status: 'service_disruption',
        startedAt: Date.parse('2025-06-12T17:51:00+00:00'),
        updatedAt: Date.parse('2025-06-13T00:34:11+00:00'),
        url: 'https://status.cloud.google.com/incidents/ow5i3PPK96RduMcb1SsW',
        componentIds: [
          'VzyLPL7CtWQqJ9WeKAjp',
          'eUntUKqUrHdbBLNcVVXq',
          'fPovtKbaWN9UTepMm3kJ',
          'Z0FZJAMvEB4j3NbCJs6B',
        ],
        componentNames: [
          'API Gateway',
          'Agent Assist',
          'AlloyDB for PostgreSQL',
          'Vertex Gemini API',
          'Multiple Products',
        ],
      },
    ]);
  });

  it('puts the Gemini API in trouble during the 2025-06-12 outage', () => {
    const report = parse('cloud/outage/incidents.json', AT.open2025);
    const lookup = readProduct(GEMINI_API, report);
    expect(lookup).toMatchObject({
      found: {
        state: 'major_outage',
        incidents: [{ id: 'ow5i3PPK96RduMcb1SsW' }],
        startedAt: Date.parse('2025-06-12T17:51:00Z'),
      },
    });
  });

  it('drops the same incident once Google gave it an `end`', () => {
    // The workspace/healthy fixture is that capture with its product list swapped.
    const report = parse('workspace/healthy/incidents.json', AT.ended2025, WORKSPACE);
    expect(report.incidents).toEqual([]);
  });

  it('2026-08-20: one open outage of other products leaves the Gemini API operational', () => {
    const report = parse('cloud/healthy/incidents.json', AT.aug2026);
    expect(report.incidents.map((incident) => incident.id)).toEqual(['utF3FMFdQfwBzJcGG6vf']);
    expect(report.incidents[0]?.impact).toBe('major_outage');
    expect(stateOf(GEMINI_API, report)).toBe('operational');
    expect(readProduct(GEMINI_API, report)).toMatchObject({ found: { incidents: [] } });
  });

  it('the untrimmed 130 KB capture of 2026-08-20 says the same', () => {
    const text = fixture('google/cloud/full/incidents.json');
    expect(Buffer.byteLength(text)).toBe(130_144);
    const parsed = parseGoogleIncidents(text, CLOUD, AT.aug2026);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    expect(parsed.value.incidents.map((incident) => incident.id)).toEqual(['utF3FMFdQfwBzJcGG6vf']);
    expect(parsed.value.incidents[0]?.componentNames).toHaveLength(28);
    expect(stateOf(GEMINI_API, parsed.value)).toBe('operational');
  });

  it('an open Vertex AI Search incident is not a Gemini API incident', () => {
    const report = parse('cloud/vertex-ai-search/incidents.json', AT.search2025);
    expect(report.incidents).toMatchObject([
      {
        id: 'YzMELUzpd8rYgwYt714D',
        impact: 'degraded',
        componentNames: [
          'Cloud Machine Learning',
          'Recommendation AI',
          'Vertex AI Search',
          'Multiple Products',
        ],
      },
    ]);
    expect(stateOf(GEMINI_API, report)).toBe('operational');
  });

  it('names Vertex Gemini API by its 2026 `current_title` too, and either name counts', () => {
    // Incident 41E5S3mkTGDfkZuJZH5k of the 2026 capture, as it would read while open: the
    // test removes its `end` (open Cloud incidents have none). No open 2026 capture of a
    // Gemini incident exists.
    const rows = JSON.parse(fixture('google/cloud/healthy/incidents.json')) as {
      id: string;
      end?: string;
    }[];
    const row = rows.find((incident) => incident.id === '41E5S3mkTGDfkZuJZH5k')!;
    delete row.end;
    const now = Date.parse('2026-02-27T13:00:00Z');
    const parsed = parseGoogleIncidents(JSON.stringify([row]), CLOUD, now);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    const [incident] = parsed.value.incidents;
    expect(incident?.componentNames).toEqual(
      expect.arrayContaining(['Vertex Gemini API', 'Gemini on Agent Platform']),
    );
    expect(stateOf(GEMINI_API, parsed.value)).toBe('degraded');
    const renamed = (name: string) => ({
      components: [],
      incidents: [{ ...incident!, componentNames: [name] }],
    });
    expect(stateOf(GEMINI_API, renamed('Gemini on Agent Platform'))).toBe('degraded');
    expect(stateOf(GEMINI_API, renamed('Vertex Gemini API'))).toBe('degraded');
    for (const other of ['Vertex AI Search', 'Vertex AI Online Prediction', 'Gemini']) {
      expect(stateOf(GEMINI_API, renamed(other))).toBe('operational');
    }
  });

  it('reads the ~419 KB capture of 2025-12-05 (every incident ended) as all-clear', () => {
    const text = fixture('google/workspace/full/incidents.json');
    expect(Buffer.byteLength(text)).toBe(418_832);
    expect(parse('workspace/full/incidents.json', AT.dec2025, WORKSPACE).incidents).toEqual([]);
  });

  it('keeps a hostile description as inert text and drops a javascript: link', () => {
    const [incident] = parse('cloud/hostile/incidents.json', AT.open2025).incidents;
    expect(incident?.title).toBe(
      "<img src=x onerror=alert(1)> Multiple GCP products <script>alert('pwned')</script> are experiencing Service issues",
    );
    expect(incident?.url).toBeNull();
  });
});

describe('Google Workspace incidents.json (derived from Cloud captures: none of Workspace exists)', () => {
  it('puts the Gemini app in trouble when an open incident names the product "Gemini"', () => {
    const report = parse('workspace/outage/incidents.json', AT.open2025, WORKSPACE);
    expect(report.incidents).toMatchObject([
      {
        id: 'ow5i3PPK96RduMcb1SsW',
        url: 'https://www.google.com/appsstatus/dashboard/incidents/ow5i3PPK96RduMcb1SsW',
        componentIds: ['npdyhgECDJ6tB66MxXyo'],
        componentNames: ['Gemini', 'Multiple Products'],
      },
    ]);
    expect(stateOf(GEMINI_APP, report)).toBe('major_outage');
    // The Cloud product is another product: a Workspace "Gemini" incident is not the API's.
    expect(stateOf(GEMINI_API, report)).toBe('operational');
  });

  it('leaves the Gemini app operational when the incident has ended', () => {
    const report = parse('workspace/healthy/incidents.json', AT.ended2025, WORKSPACE);
    expect(stateOf(GEMINI_APP, report)).toBe('operational');
  });

  it('does not take a Cloud Gemini product for the Gemini app', () => {
    const report = parse('cloud/outage/incidents.json', AT.open2025);
    expect(stateOf(GEMINI_APP, report)).toBe('operational');
  });
});

describe('Google incidents.json edge cases', () => {
  const NOW = AT.open2025;

  it('leaves out a notice left open but untouched for weeks', () => {
    // The open 2025 capture, as if nobody had touched it since: 14 days is the limit.
    const text = fixture('google/cloud/outage/incidents.json');
    const at = (now: number) => {
      const parsed = parseGoogleIncidents(text, CLOUD, now);
      return parsed.ok ? parsed.value.incidents.length : -1;
    };
    const modified = Date.parse('2025-06-13T00:34:11+00:00');
    expect(at(modified + 13 * 86_400_000)).toBe(1);
    expect(at(modified + 15 * 86_400_000)).toBe(0);
  });

  const one = (fields: Record<string, unknown>) =>
    JSON.stringify([{ id: 'a', external_desc: 'Something', ...fields }]);

  it.each([
    [{ status_impact: 'SERVICE_OUTAGE', severity: 'low' }, 'major_outage'],
    [{ status_impact: 'SERVICE_DISRUPTION', severity: 'high' }, 'partial_outage'],
    [{ status_impact: 'SERVICE_DISRUPTION', severity: 'medium' }, 'degraded'],
    [{ status_impact: 'SERVICE_INFORMATION', severity: 'high' }, 'degraded'],
    [{ status_impact: 'SERVICE_ON_FIRE' }, 'degraded'],
    [{ status_impact: 42 }, 'degraded'],
  ])('maps %j to %s', (fields, impact) => {
    const parsed = parseGoogleIncidents(one(fields), CLOUD, NOW);
    expect(parsed.ok && parsed.value.incidents[0]?.impact).toBe(impact);
  });

  it.each([
    ['absent (as in every Cloud capture)', {}, 1],
    ['null', { end: null }, 1],
    ['empty', { end: '' }, 1],
    ['ahead', { end: '2025-06-13T01:18:00+00:00' }, 1],
    ['past', { end: '2025-06-13T00:00:00+00:00' }, 0],
  ])('an incident whose end is %s is open or not', (_, fields, count) => {
    const parsed = parseGoogleIncidents(one(fields), CLOUD, NOW);
    expect(parsed.ok && parsed.value.incidents.length).toBe(count);
  });

  it.each([
    ['an HTML page', fixture('bot-challenge.html'), 'not_json'],
    ['truncated JSON', fixture('google/cloud/outage/incidents.json').slice(0, 400), 'not_json'],
    ['a JSON object', '{"incidents":[]}', 'bad_shape'],
    ['a JSON string', '"[]"', 'bad_shape'],
  ])('turns %s into a typed error', (_, text, code) => {
    expect(parseGoogleIncidents(text, CLOUD, NOW)).toEqual({
      ok: false,
      error: expect.objectContaining({ code }),
    });
  });

  it('never throws, and every open incident it reads is trouble with a safe link', () => {
    const product = fc.record(
      { title: fc.anything(), id: fc.anything(), current_title: fc.anything() },
      { requiredKeys: [] },
    );
    const incidentLike = fc
      .array(
        fc.record(
          {
            id: fc.anything(),
            external_desc: fc.oneof(fc.string(), fc.anything()),
            end: fc.oneof(
              fc.constant(null),
              fc.date({ noInvalidDate: true }).map((d) => d.toString()),
              fc.anything(),
            ),
            modified: fc.oneof(
              fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
              fc.anything(),
            ),
            status_impact: fc.anything(),
            severity: fc.anything(),
            uri: fc.oneof(fc.webUrl(), fc.string(), fc.anything()),
            affected_products: fc.oneof(fc.array(product), fc.anything()),
            service_name: fc.anything(),
            most_recent_update: fc.anything(),
          },
          { requiredKeys: [] },
        ),
      )
      .map((value) => JSON.stringify(value));
    const anyJson = fc.oneof(
      fc.json(),
      fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyJson, incidentLike), (text) => {
        const parsed = parseGoogleIncidents(text, CLOUD, NOW);
        if (!parsed.ok) {
          expect(['not_json', 'bad_shape']).toContain(parsed.error.code);
          return;
        }
        expect(parsed.value.components).toEqual([]);
        for (const incident of parsed.value.incidents) {
          expect(typeof incident.id).toBe('string');
          expect(typeof incident.title).toBe('string');
          expect(isTrouble(incident.impact)).toBe(true);
          for (const name of incident.componentNames ?? []) expect(typeof name).toBe('string');
          if (incident.url !== null) expect(incident.url).toMatch(/^https?:\/\//);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('readGoogleIncidents', () => {
  /** Answers Google's two real incidents.json URLs from fixtures; anything else 404s. */
  const googleFetch = (scenario: string) =>
    fixturesAt(
      {
        'https://status.cloud.google.com/incidents.json': 'google/cloud/{s}/incidents.json',
        'https://www.google.com/appsstatus/dashboard/incidents.json':
          'google/workspace/{s}/incidents.json',
      },
      () => scenario,
    );

  it.each([
    ['https://status.cloud.google.com/incidents.json', 'https://status.cloud.google.com/'],
    [
      'https://www.google.com/appsstatus/dashboard/incidents.json',
      'https://www.google.com/appsstatus/dashboard/',
    ],
  ])('reads %s, linking incidents under its folder', async (url, folder) => {
    const result = await readGoogleIncidents(url, {
      fetch: googleFetch('outage'),
      now: () => AT.open2025,
    });
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.value.incidents).toHaveLength(1);
    expect(result.value.incidents[0]?.url).toBe(`${folder}incidents/ow5i3PPK96RduMcb1SsW`);
  });

  it('fails with "http" and the status on HTTP 503', async () => {
    const result = await readGoogleIncidents('https://status.cloud.google.com/incidents.json', {
      fetch: async () => new Response('unavailable', { status: 503 }),
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'http', detail: 'HTTP 503', status: 503 },
    });
  });
});
