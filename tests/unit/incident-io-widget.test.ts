import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readProduct } from '@/utils/health/official';
import { parseIncidentIoWidget, readIncidentIoWidget } from '@/utils/sources/incident-io-widget';
import { fixture, fixturesAt } from '../helpers/fixtures';

const PAGE = 'https://status.openai.com';

const parse = (scenario: 'healthy' | 'outage' | 'hostile') => {
  const parsed = parseIncidentIoWidget(
    fixture(`incident-io-widget/openai/${scenario}/summary.json`),
    PAGE,
  );
  if (!parsed.ok) throw new Error(parsed.error.detail);
  return parsed.value;
};

/** A summary with one ongoing incident affecting one component in `status`. */
const oneIncident = (impact: unknown, status: unknown) =>
  JSON.stringify({
    ongoing_incidents: [
      {
        id: 'i1',
        name: 'Errors',
        status: 'investigating',
        current_worst_impact: impact,
        affected_components: [{ id: 'c1', name: 'Login', current_status: status }],
      },
    ],
  });

describe('incident.io widget API', () => {
  it('reports nothing affected on a calm page, and leaves scheduled maintenance out', () => {
    expect(parse('healthy')).toEqual({ components: [], incidents: [], componentsPartial: true });
  });

  it('lists the affected components with their group and state', () => {
    const byName = new Map(parse('outage').components.map((c) => [c.name, c]));
    expect(byName.get('Conversations')).toMatchObject({ group: 'ChatGPT', state: 'major_outage' });
    expect(byName.get('Login')).toMatchObject({ group: 'ChatGPT', state: 'partial_outage' });
    expect(byName.get('Video generation')).toMatchObject({ group: 'Sora', state: 'degraded' });
    expect(byName.get('Batch')).toMatchObject({ group: 'APIs', state: 'maintenance' });
    expect(byName.has('Fine-tuning')).toBe(false);
  });

  it('reads ongoing incidents and in-progress maintenances with their components', () => {
    const [incident, maintenance, ...rest] = parse('outage').incidents;
    expect(rest).toEqual([]);
    expect(incident).toEqual({
      id: '01JXKQ7P8W3H6V2NCM4RZTB9AE',
      title: 'Elevated error rates in ChatGPT and Sora',
      impact: 'major_outage',
      status: 'investigating',
      startedAt: null,
      updatedAt: Date.parse('2025-06-10T14:02:37.000Z'),
      url: `${PAGE}/incidents/01JXKQ7P8W3H6V2NCM4RZTB9AE`,
      componentIds: [
        '01JMXBR00000SVOOOK7Q2Z9W4H',
        '01JMXBR00000PM1VGK7Q2Z9W4H',
        '01JMXBR00002K6T1KK7Q2Z9W4H',
      ],
    });
    expect(maintenance).toMatchObject({
      title: 'Batch API maintenance',
      impact: 'maintenance',
      status: 'maintenance_in_progress',
      startedAt: Date.parse('2025-06-10T13:30:00.000Z'),
      componentIds: ['01JMXBR000002H3GSK7Q2Z9W4H'],
    });
  });

  it('is partial: a product it does not name is operational, not unlisted', () => {
    const report = parse('outage');
    expect(readProduct({ groups: ['ChatGPT'] }, report)?.state).toBe('major_outage');
    expect(readProduct({ groups: ['APIs'] }, report)?.state).toBe('maintenance');
    expect(readProduct({ groups: ['Codex'] }, report)?.state).toBe('operational');
  });

  it.each([
    ['operational', 'operational'],
    ['degraded_performance', 'degraded'],
    ['partial_outage', 'partial_outage'],
    ['full_outage', 'major_outage'],
    ['under_maintenance', 'maintenance'],
    ['on_fire', 'degraded'],
    [null, 'degraded'],
  ])('maps a component status of %j to %s', (status, state) => {
    const parsed = parseIncidentIoWidget(oneIncident('degraded_performance', status), PAGE);
    expect(parsed.ok && parsed.value.components[0]?.state).toBe(state);
  });

  it.each([
    ['full_outage', 'major_outage'],
    ['partial_outage', 'partial_outage'],
    ['operational', 'degraded'],
    ['apocalyptic', 'degraded'],
    [undefined, 'degraded'],
  ])('gives an ongoing incident of impact %j at least "degraded" (%s)', (impact, expected) => {
    const parsed = parseIncidentIoWidget(oneIncident(impact, 'operational'), PAGE);
    expect(parsed.ok && parsed.value.incidents[0]?.impact).toBe(expected);
  });

  it('keeps the worse state of a component named by an incident and a maintenance', () => {
    const component = { id: 'c1', name: 'Batch', current_status: 'under_maintenance' };
    const text = JSON.stringify({
      ongoing_incidents: [
        {
          id: 'i',
          name: 'Errors',
          affected_components: [{ ...component, current_status: 'partial_outage' }],
        },
      ],
      in_progress_maintenances: [{ id: 'm', name: 'Upgrade', affected_components: [component] }],
    });
    const parsed = parseIncidentIoWidget(text, PAGE);
    expect(parsed.ok && parsed.value.components).toEqual([
      { id: 'c1', name: 'Batch', state: 'partial_outage' },
    ]);
  });

  it('keeps hostile text inert, never links outside http(s), and skips broken rows', () => {
    const report = parse('hostile');
    expect(report.incidents).toHaveLength(1);
    const [incident] = report.incidents;
    expect(incident?.title).toContain('<script>');
    expect(incident?.impact).toBe('degraded');
    expect(incident?.updatedAt).toBeNull();
    expect(incident?.url).toBe(`${PAGE}/incidents/..%2F..%2F%3Cscript%3E`);
    expect(report.components).toEqual([
      {
        id: '01JMXBR00000SVOOOK7Q2Z9W4H',
        name: '<b>Conversations</b>',
        group: '<i>ChatGPT</i>',
        state: 'degraded',
      },
    ]);
  });

  it.each([
    ['an HTML bot challenge', fixture('bot-challenge.html'), 'not_json'],
    ['truncated JSON', '{"ongoing_incidents":[{"id":', 'not_json'],
    ['a JSON array', '[]', 'bad_shape'],
    ['no ongoing_incidents', '{"page_title":"OpenAI"}', 'bad_shape'],
    ['wrong-typed ongoing_incidents', '{"ongoing_incidents":"none"}', 'bad_shape'],
  ])('turns %s into a typed error', (_, text, code) => {
    expect(parseIncidentIoWidget(text, PAGE)).toEqual({
      ok: false,
      error: expect.objectContaining({ code }),
    });
  });

  it('never throws on arbitrary input', () => {
    const loose = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.constantFrom('full_outage', 'under_maintenance', 'resolved', 'javascript:alert(1)'),
      fc.anything({ maxDepth: 1 }),
    );
    const row = fc.record({
      id: loose,
      name: loose,
      status: loose,
      url: fc.oneof(fc.webUrl(), loose),
      current_worst_impact: loose,
      last_update_at: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        loose,
      ),
      affected_components: fc.array(
        fc.record({ id: loose, name: loose, group_name: loose, current_status: loose }),
        { maxLength: 4 },
      ),
    });
    const widgetLike = fc
      .record({
        ongoing_incidents: fc.array(row, { maxLength: 4 }),
        in_progress_maintenances: fc.oneof(fc.array(row, { maxLength: 3 }), loose),
      })
      .map((value) => JSON.stringify(value));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          widgetLike,
        ),
        (text) => {
          const parsed = parseIncidentIoWidget(text, PAGE);
          if (!parsed.ok) {
            expect(['not_json', 'bad_shape']).toContain(parsed.error.code);
            return;
          }
          expect(parsed.value.componentsPartial).toBe(true);
          for (const incident of parsed.value.incidents) {
            expect(incident.url).toMatch(/^https?:\/\//);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** Answers the widget API's real URL from a fixture folder. */
const widgetFetch = (scenario: 'healthy' | 'outage' | Response) =>
  fixturesAt(
    { [`${PAGE}/api/v1/summary`]: 'incident-io-widget/openai/{s}/summary.json' },
    () => scenario,
  );

describe('readIncidentIoWidget', () => {
  it('reads the summary at its real URL', async () => {
    const result = await readIncidentIoWidget(PAGE, { fetch: widgetFetch('outage') });
    expect(result.ok && result.value.incidents.map((incident) => incident.title)).toEqual([
      'Elevated error rates in ChatGPT and Sora',
      'Batch API maintenance',
    ]);
  });

  it('fails with a reason on HTTP 503, keeping the status for backoff', async () => {
    const result = await readIncidentIoWidget(PAGE, {
      fetch: widgetFetch(new Response('down', { status: 503 })),
    });
    expect(result).toEqual({ ok: false, error: { code: 'http', detail: 'HTTP 503', status: 503 } });
  });

  it('fails with "network" when the request cannot be made', async () => {
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const result = await readIncidentIoWidget(PAGE, { fetch: offline });
    expect(result.ok === false && result.error.code).toBe('network');
  });
});
