import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGoogleIncidents, readGoogleIncidents } from '@/utils/sources/google';
import { isTrouble } from '@/utils/health/states';
import { fixture, fixturesAt } from '../helpers/fixtures';

/*
 * Fixtures follow the real incidents.json; their times use "…Z" rather than Google's
 * "+00:00" so the e2e harness can move them to now. `NOW` is the moment they were taken at.
 */
const NOW = Date.parse('2025-06-10T14:06:00.000Z');
const CLOUD = 'https://status.cloud.google.com/';
const WORKSPACE = 'https://www.google.com/appsstatus/dashboard/';

const parse = (path: string, page: string) => {
  const parsed = parseGoogleIncidents(fixture(path), page, NOW);
  if (!parsed.ok) throw new Error(parsed.error.detail);
  return parsed.value;
};

describe('Google incidents.json', () => {
  it.each([
    ['google/cloud/healthy/incidents.json', CLOUD],
    ['google/workspace/healthy/incidents.json', WORKSPACE],
  ])('%s: ended incidents are history, not trouble', (path, page) => {
    expect(parse(path, page)).toEqual({ components: [], incidents: [] });
  });

  it.each([
    [
      'google/cloud/outage/incidents.json',
      CLOUD,
      {
        id: 'vR3nGk8Xe2TqLm5Ws9Hd',
        title:
          'Vertex AI Gemini API is returning elevated 503 errors for gemini-2.5-flash and gemini-2.5-pro',
        impact: 'major_outage',
        status: 'service_outage',
        startedAt: Date.parse('2025-06-10T13:52:00.000Z'),
        updatedAt: Date.parse('2025-06-10T14:04:45.000Z'),
        url: 'https://status.cloud.google.com/incidents/vR3nGk8Xe2TqLm5Ws9Hd',
        componentIds: ['Z0FZJAMvEB4j3NbCJs6B', 'sdXM79fz1FS6ekNpu37K'],
        componentNames: ['Vertex Gemini API', 'Vertex AI Online Prediction', 'Multiple Products'],
      },
    ],
    [
      'google/workspace/outage/incidents.json',
      WORKSPACE,
      {
        id: 'Gm7nYt4Ka1Rz8Vc2Lw5Q',
        // The "**Title:**" label of Workspace's Markdown is not part of the title.
        title: 'Gemini users may see "Something went wrong" errors when sending prompts',
        impact: 'degraded',
        status: 'service_disruption',
        startedAt: Date.parse('2025-06-10T13:45:00.000Z'),
        updatedAt: Date.parse('2025-06-10T14:03:30.000Z'),
        url: 'https://www.google.com/appsstatus/dashboard/incidents/Gm7nYt4Ka1Rz8Vc2Lw5Q',
        componentIds: ['npdyhgECDJ6tB66MxXyo'],
        componentNames: ['Gemini'],
      },
    ],
  ])('%s: reads the one open incident', (path, page, expected) => {
    const report = parse(path, page);
    expect(report.components).toEqual([]);
    expect(report.overall).toBeUndefined();
    expect(report.incidents).toEqual([expected]);
  });

  it('leaves out a notice left open but untouched for weeks', () => {
    const open = (modified: string) =>
      JSON.stringify([
        {
          id: 'old',
          external_desc: 'Known issue with Gemini in Sheets',
          begin: '2025-03-01T10:00:00+00:00',
          modified,
          status_impact: 'SERVICE_INFORMATION',
          affected_products: [{ title: 'Gemini', id: 'g' }],
        },
      ]);
    const at = (modified: string) => {
      const parsed = parseGoogleIncidents(open(modified), WORKSPACE, NOW);
      return parsed.ok ? parsed.value.incidents.length : -1;
    };
    expect(at('2025-03-02T10:00:00+00:00')).toBe(0);
    expect(at('2025-06-09T10:00:00+00:00')).toBe(1);
  });

  it('keeps a hostile title as inert text and drops a javascript: link', () => {
    const [incident] = parse('google/cloud/hostile/incidents.json', CLOUD).incidents;
    expect(incident?.title).toBe(
      "<img src=x onerror=alert(1)> Vertex AI Gemini <script>alert('pwned')</script> errors",
    );
    expect(incident?.url).toBeNull();
    expect(incident?.componentNames).toContain('<b>Vertex Gemini API</b>');
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
    ['absent', {}, 1],
    ['null', { end: null }, 1],
    ['empty', { end: '' }, 1],
    ['ahead', { end: '2025-06-10T15:00:00.000Z' }, 1],
    ['past', { end: '2025-06-10T14:00:00+00:00' }, 0],
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
    const incidentLike = fc
      .array(
        fc.record(
          {
            id: fc.anything(),
            external_desc: fc.oneof(fc.string(), fc.anything()),
            end: fc.oneof(
              fc.constant(null),
              fc.date().map((d) => d.toString()),
              fc.anything(),
            ),
            status_impact: fc.anything(),
            severity: fc.anything(),
            uri: fc.oneof(fc.webUrl(), fc.string(), fc.anything()),
            affected_products: fc.oneof(
              fc.array(fc.record({ title: fc.anything(), id: fc.anything() })),
              fc.anything(),
            ),
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
      now: () => NOW,
    });
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.value.incidents).toHaveLength(1);
    expect(result.value.incidents[0]?.url?.startsWith(`${folder}incidents/`)).toBe(true);
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
