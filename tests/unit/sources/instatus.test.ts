import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INSTATUS_SUMMARY_PATH,
  parseInstatusSummary,
  readInstatus,
} from '@/utils/sources/instatus';
import { COMPONENT_STATES } from '@/utils/core/states';
import { fixture, fixturesAt } from '../../helpers/fixtures';

const PAGE = 'https://status.perplexity.com';

const parse = (text: string) => {
  const parsed = parseInstatusSummary(text, PAGE);
  if (!parsed.ok) throw new Error(parsed.error.detail);
  return parsed.value;
};

/*
 * Fixtures: perplexity/healthy and wistia/healthy are live bodies (quoted whole in public
 * material); perplexity/outage and /hostile are DERIVED from the Perplexity capture plus the
 * active-incident fields of Instatus' public-API docs (not seen live); instatus-docs/example is
 * the documented example itself. See each folder's PROVENANCE.md.
 */

describe('Instatus summary.json', () => {
  it.each([
    ['Perplexity /v2/summary.json, 2026-08-16', 'instatus/perplexity/healthy/summary.json'],
    ['Wistia /v3/summary.json, 2026-09-23', 'instatus/wistia/healthy/summary.json'],
  ])('reads a calm page (%s), which leaves its incident lists out, as operational', (_, path) => {
    expect(parse(fixture(path))).toEqual({ components: [], incidents: [], overall: 'operational' });
  });

  it('reads the open incident and skips a maintenance that has not started (derived from docs)', () => {
    const report = parse(fixture('instatus/perplexity/outage/summary.json'));
    expect(report.overall).toBe('major_outage');
    expect(report.incidents).toEqual([
      {
        id: 'cl4a8n3070721qtmzvts760c4',
        title: "We're facing an issue with our API",
        impact: 'major_outage',
        status: 'investigating',
        startedAt: Date.parse('2022-06-11T18:55:50Z'),
        updatedAt: Date.parse('2022-06-11T19:30:00Z'),
        url: 'https://testing-widget.instatus.com/incident/cl4a8n3070721qtmzvts760c4',
        componentIds: [],
      },
    ]);
  });

  it('reads the documented example: no id (the URL stands in), JavaScript date strings', () => {
    const report = parse(fixture('instatus/instatus-docs/example/summary.json'));
    expect(report.overall).toBe('major_outage');
    expect(report.incidents).toEqual([
      {
        id: 'cl4a8n3070721qtmzvts760c4',
        title: "We're facing an issue with our API",
        impact: 'major_outage',
        status: 'investigating',
        startedAt: Date.parse('2022-06-11T18:55:50Z'),
        updatedAt: null,
        url: 'https://testing-widget.instatus.com/incident/cl4a8n3070721qtmzvts760c4',
        componentIds: [],
      },
    ]);
  });

  it('reads an in-progress maintenance as maintenance (docs example, status set to INPROGRESS)', () => {
    const example = JSON.parse(fixture('instatus/instatus-docs/example/summary.json'));
    example.page.status = 'UNDERMAINTENANCE';
    example.activeIncidents = [];
    example.activeMaintenances[0].status = 'INPROGRESS';
    const report = parse(JSON.stringify(example));
    expect(report.overall).toBe('maintenance');
    expect(report.incidents).toEqual([
      {
        id: 'cl4a8nlv50918qtmzdlw60ivu',
        title: 'Database maintenance',
        impact: 'maintenance',
        status: 'inprogress',
        startedAt: Date.parse('2022-06-11T18:55:54Z'),
        updatedAt: null,
        url: 'https://testing-widget.instatus.com/maintenance/cl4a8nlv50918qtmzdlw60ivu',
        componentIds: [],
      },
    ]);
  });

  it('keeps a hostile title as inert text, drops a javascript: link, survives built-in names and wrong types', () => {
    const report = parse(fixture('instatus/perplexity/hostile/summary.json'));
    expect(report.incidents).toEqual([
      {
        id: 'cl4a8n3070721qtmzvts760c4',
        title:
          "<img src=x onerror=alert(1)> We're facing an issue with our API <script>alert('pwned')</script>",
        impact: 'degraded', // impact "constructor": unknown, an open incident is at least degraded
        status: '__proto__',
        startedAt: null, // `started` is a number
        updatedAt: Date.parse('2022-06-11T19:30:00Z'),
        url: null,
        componentIds: [],
      },
    ]);
    // `activeMaintenances` is a string: no maintenance.
    expect(report.overall).toBe('degraded');
  });

  it.each([
    ['UP', [], 'operational'],
    ['UNDERMAINTENANCE', [], 'maintenance'],
    ['HASISSUES', [], 'degraded'],
    ['HASISSUES', ['DEGRADEDPERFORMANCE'], 'degraded'],
    ['HASISSUES', ['PARTIALOUTAGE', 'MINOROUTAGE'], 'partial_outage'],
    ['HASISSUES', ['OPERATIONAL', 'MAJOROUTAGE'], 'major_outage'],
    ['ALLMAJOROUTAGE', [], 'major_outage'],
    ['SOMEMAJOROUTAGE', [], 'partial_outage'],
    ['ONEDEGRADEDPERFORMANCE', [], 'degraded'],
    ['ALLUNDERMAINTENANCE', [], 'maintenance'],
    ['ALLCONSTRUCTOR', [], undefined],
    ['ON_FIRE', [], undefined],
    [42, [], undefined],
  ])('page status %j with impacts %j is %s', (status, impacts, overall) => {
    const text = JSON.stringify({
      page: { status },
      activeIncidents: impacts.map((impact, i) => ({
        name: `Incident ${i}`,
        status: 'IDENTIFIED',
        impact,
      })),
    });
    expect(parse(text).overall).toBe(overall);
  });

  it('keeps an unknown or operational impact of an open incident at degraded at least', () => {
    const text = JSON.stringify({
      page: { status: 'HASISSUES' },
      activeIncidents: [
        { name: 'A', status: 'MONITORING', impact: 'OPERATIONAL' },
        { name: 'B', status: 'INVESTIGATING', impact: 'toString' },
        { name: 'C', status: 'RESOLVED', impact: 'MAJOROUTAGE' },
      ],
      activeMaintenances: [{ name: 'D', status: 'INPROGRESS', start: '2025-06-10T13:00:00Z' }],
    });
    expect(parse(text).incidents.map((i) => [i.title, i.impact])).toEqual([
      ['A', 'degraded'],
      ['B', 'degraded'],
      ['D', 'maintenance'],
    ]);
  });

  it.each([
    ['an HTML page', fixture('bot-challenge.html'), 'not_json'],
    ['truncated JSON', '{"page":{"status":"UP"', 'not_json'],
    ['a JSON array', '[]', 'bad_shape'],
    ['no page', '{"activeIncidents":[]}', 'bad_shape'],
    ['a wrong-typed page', '{"page":"UP"}', 'bad_shape'],
  ])('turns %s into a typed error', (_, text, code) => {
    expect(parseInstatusSummary(text, PAGE)).toEqual({
      ok: false,
      error: expect.objectContaining({ code }),
    });
  });

  it('never throws, and never calls an open incident operational', () => {
    const status = fc.oneof(
      fc.constantFrom('UP', 'HASISSUES', 'UNDERMAINTENANCE', 'SOMEMAJOROUTAGE'),
      fc.anything(),
    );
    const row = fc.record(
      {
        id: fc.anything(),
        name: fc.oneof(fc.string(), fc.anything()),
        status: fc.oneof(fc.constantFrom('INVESTIGATING', 'INPROGRESS', 'RESOLVED'), fc.anything()),
        impact: fc.oneof(fc.constantFrom('MAJOROUTAGE', 'OPERATIONAL'), fc.anything()),
        started: fc.anything(),
        url: fc.oneof(fc.webUrl(), fc.constant('javascript:alert(1)'), fc.anything()),
      },
      { requiredKeys: [] },
    );
    const summaryLike = fc
      .record(
        {
          page: fc.oneof(fc.record({ status }), fc.anything()),
          activeIncidents: fc.oneof(fc.array(row), fc.anything()),
          activeMaintenances: fc.oneof(fc.array(row), fc.anything()),
        },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value));
    const anyJson = fc.oneof(
      fc.json(),
      fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyJson, summaryLike), (text) => {
        const parsed = parseInstatusSummary(text, PAGE);
        if (!parsed.ok) {
          expect(['not_json', 'bad_shape']).toContain(parsed.error.code);
          return;
        }
        expect(parsed.value.components).toEqual([]);
        if (parsed.value.overall !== undefined) {
          expect(COMPONENT_STATES).toContain(parsed.value.overall);
        }
        for (const incident of parsed.value.incidents) {
          expect(typeof incident.id).toBe('string');
          expect(['degraded', 'partial_outage', 'major_outage', 'maintenance']).toContain(
            incident.impact,
          );
          if (incident.url !== null) expect(incident.url).toMatch(/^https?:\/\//);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('readInstatus', () => {
  /** Answers only the paths each page was seen serving; anything else is an HTML 404. */
  const pages = fixturesAt(
    {
      'https://status.perplexity.com/v2/summary.json': 'instatus/perplexity/{s}/summary.json',
      'https://status.wistia.com/v3/summary.json': 'instatus/wistia/{s}/summary.json',
    },
    () => 'healthy',
  );

  it('reads /v3/summary.json by default', async () => {
    expect(INSTATUS_SUMMARY_PATH).toBe('/v3/summary.json');
    const result = await readInstatus('https://status.wistia.com', { fetch: pages });
    expect(result).toEqual({
      ok: true,
      value: { components: [], incidents: [], overall: 'operational' },
    });
  });

  it('reads the path a page names, e.g. Perplexity’s /v2/summary.json', async () => {
    const outage = fixturesAt(
      { 'https://status.perplexity.com/v2/summary.json': 'instatus/perplexity/{s}/summary.json' },
      () => 'outage',
    );
    const result = await readInstatus(PAGE, { fetch: outage }, '/v2/summary.json');
    expect(result.ok && result.value.overall).toBe('major_outage');
    // Without the path it asks /v3/summary.json, which this page was not seen serving.
    const unnamed = await readInstatus(PAGE, { fetch: pages });
    expect(unnamed).toEqual({ ok: false, error: expect.objectContaining({ code: 'http' }) });
  });

  it('fails with "http" and the status on HTTP 503', async () => {
    const result = await readInstatus(PAGE, {
      fetch: async () => new Response('unavailable', { status: 503 }),
    });
    expect(result).toEqual({ ok: false, error: { code: 'http', detail: 'HTTP 503', status: 503 } });
  });
});
