import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstatusSummary, readInstatus } from '@/utils/sources/instatus';
import { COMPONENT_STATES } from '@/utils/health/states';
import { fixture, fixturesAt } from '../helpers/fixtures';

const PAGE = 'https://status.perplexity.com';

const parse = (text: string) => {
  const parsed = parseInstatusSummary(text, PAGE);
  if (!parsed.ok) throw new Error(parsed.error.detail);
  return parsed.value;
};

describe('Instatus summary.json', () => {
  it('reads a calm page, which leaves its incident lists out, as operational', () => {
    expect(parse(fixture('instatus/perplexity/healthy/summary.json'))).toEqual({
      components: [],
      incidents: [],
      overall: 'operational',
    });
  });

  it('reads the open incident and skips a maintenance that has not started', () => {
    const report = parse(fixture('instatus/perplexity/outage/summary.json'));
    expect(report.overall).toBe('major_outage');
    expect(report.incidents).toEqual([
      {
        // The documented shape has no id: the incident page's own id stands in.
        id: 'cmbq4x7ra00ke12pl8v3nq0zt',
        title: 'Elevated error rates on perplexity.ai and the Sonar API',
        impact: 'major_outage',
        status: 'investigating',
        startedAt: Date.parse('2025-06-10T13:54:00.000Z'),
        updatedAt: Date.parse('2025-06-10T14:03:12.000Z'),
        url: 'https://status.perplexity.com/incident/cmbq4x7ra00ke12pl8v3nq0zt',
        componentIds: [],
      },
    ]);
  });

  it('keeps a hostile title as inert text and drops a javascript: link', () => {
    const [incident] = parse(fixture('instatus/perplexity/hostile/summary.json')).incidents;
    expect(incident?.title).toBe(
      "<img src=x onerror=alert(1)> Search is down <script>alert('pwned')</script>",
    );
    expect(incident?.url).toBeNull();
    expect(incident?.impact).toBe('partial_outage');
  });

  it('reads the JavaScript date strings of the documented example', () => {
    const text = JSON.stringify({
      page: { status: 'HASISSUES' },
      activeIncidents: [
        {
          name: "We're facing an issue with our API",
          started: 'Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)',
          status: 'INVESTIGATING',
          impact: 'MAJOROUTAGE',
        },
      ],
    });
    expect(parse(text).incidents[0]?.startedAt).toBe(Date.parse('2022-06-11T18:55:50Z'));
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
  /** Answers the page's real summary.json URL from a fixture; anything else 404s. */
  const perplexityFetch = (scenario: string) =>
    fixturesAt(
      { 'https://status.perplexity.com/summary.json': 'instatus/perplexity/{s}/summary.json' },
      () => scenario,
    );

  it('reads summary.json at its real URL', async () => {
    const result = await readInstatus(PAGE, { fetch: perplexityFetch('outage') });
    expect(result.ok && result.value.overall).toBe('major_outage');
  });

  it('fails with "http" and the status on HTTP 503', async () => {
    const result = await readInstatus(PAGE, {
      fetch: async () => new Response('unavailable', { status: 503 }),
    });
    expect(result).toEqual({ ok: false, error: { code: 'http', detail: 'HTTP 503', status: 503 } });
  });
});
