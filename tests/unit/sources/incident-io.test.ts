import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIncidentIoProxy, readIncidentIo } from '@/utils/sources/incident-io';
import { fixture, fixtureFetch } from '../../helpers/fixtures';

const PAGE = 'https://status.openai.com';

describe('incident.io native feed', () => {
  // 2025-04-08 capture: groups APIs, ChatGPT, Sora; Sora's "Video generation" degraded.
  const CAPTURE_2025 = '2025-04-sora-incident';
  const NOW = Date.parse('2025-04-08T18:00:00Z');
  const parse = (folder: string, now = NOW) => {
    const parsed = parseIncidentIoProxy(fixture(`openai/${folder}/proxy.json`), PAGE, now);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    return parsed.value;
  };

  it('lays components out in the groups of the page structure, standalone ones in none', () => {
    const report = parse(CAPTURE_2025);
    expect(report.grouped).toBe(true);
    expect(report.components.map((c) => [c.group ?? null, c.name])).toEqual([
      ['APIs', 'Chat'],
      ['APIs', 'Responses'],
      ['ChatGPT', 'Login'],
      ['ChatGPT', 'Web'],
      ['Sora', 'Login'],
      ['Sora', 'Video generation'],
      [null, 'Playground'],
      [null, 'Labs'],
    ]);
  });

  it('takes a component absent from affected_components as operational', () => {
    const states = Object.fromEntries(
      parse(CAPTURE_2025).components.map((c) => [`${c.group}/${c.name}`, c.state]),
    );
    expect(states['Sora/Video generation']).toBe('degraded');
    expect(states['ChatGPT/Web']).toBe('operational');
    expect(states['Sora/Login']).toBe('operational');
  });

  it('attaches an ongoing incident to the components it impacts, with its impact on each', () => {
    const [incident] = parse(CAPTURE_2025).incidents;
    expect(incident).toMatchObject({
      id: '01JRB888M6TJVDDKGCA1YZ3ZHT',
      title: 'New users may experience temporary delays in video generation capabilities',
      status: 'monitoring',
      impact: 'degraded',
      startedAt: Date.parse('2025-04-08T17:48:00.517Z'),
      url: `${PAGE}/incidents/01JRB888M6TJVDDKGCA1YZ3ZHT`,
      componentIds: ['01JMXCAX0QN2ZHVMS54EEN1HXB'],
      impactOn: { '01JMXCAX0QN2ZHVMS54EEN1HXB': 'degraded' },
    });
  });

  it('reads full_outage as a major outage, per component', () => {
    const report = parse('outage', Date.now());
    const state = (name: string) => report.components.find((c) => c.name === name)?.state;
    expect(state('Conversations')).toBe('major_outage');
    expect(report.components.filter((c) => c.name === 'Login').map((c) => c.state)).toEqual([
      'operational', // APIs' Login
      'partial_outage', // ChatGPT's Login
    ]);
    expect(report.incidents[0]?.impact).toBe('major_outage');
    expect(Object.values(report.incidents[0]?.impactOn ?? {})).toEqual([
      'major_outage',
      'partial_outage',
    ]);
  });

  it('no longer weighs a component impact that has ended', () => {
    const capture = JSON.parse(fixture(`openai/${CAPTURE_2025}/proxy.json`));
    const [incident] = capture.summary.ongoing_incidents;
    incident.affected_components = [];
    incident.component_impacts[0].end_at = '2025-04-08T17:50:00Z';
    const parsed = parseIncidentIoProxy(JSON.stringify(capture), PAGE, NOW);
    expect(parsed.ok && parsed.value.incidents[0]?.componentIds).toEqual([]);
  });

  it('leaves hidden groups out', () => {
    const capture = JSON.parse(fixture(`openai/${CAPTURE_2025}/proxy.json`));
    capture.summary.structure.items[2].group.hidden = true; // the Sora group
    const parsed = parseIncidentIoProxy(JSON.stringify(capture), PAGE, NOW);
    expect(parsed.ok && parsed.value.components.some((c) => c.group === 'Sora')).toBe(false);
  });

  it('reads the feed at its real URL', async () => {
    const result = await readIncidentIo(PAGE, { fetch: fixtureFetch(() => 'outage') });
    expect(result.ok && result.value.grouped).toBe(true);
  });

  it.each([
    ['an HTML bot challenge', fixture('bot-challenge.html'), 'not_json'],
    ['no summary', '{"incidents":[]}', 'bad_shape'],
    ['an empty structure', '{"summary":{"structure":{"items":[]}}}', 'bad_shape'],
  ])('turns %s into a typed error', (_, text, code) => {
    expect(parseIncidentIoProxy(text, PAGE)).toEqual({
      ok: false,
      error: expect.objectContaining({ code }),
    });
  });

  it('never throws on arbitrary input', () => {
    const feedLike = fc
      .record({
        summary: fc.record({
          structure: fc.record({ items: fc.array(fc.anything()) }),
          affected_components: fc.anything(),
          ongoing_incidents: fc.array(fc.dictionary(fc.string(), fc.anything())),
        }),
      })
      .map((value) => JSON.stringify(value));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          feedLike,
        ),
        (text) => {
          const parsed = parseIncidentIoProxy(text, PAGE);
          if (!parsed.ok) expect(['not_json', 'bad_shape']).toContain(parsed.error.code);
        },
      ),
      { numRuns: 500 },
    );
  });
});
