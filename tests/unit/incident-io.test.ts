import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIncidentIoProxy, readIncidentIo } from '@/utils/sources/incident-io';
import { fixture, fixtureFetch } from '../helpers/fixtures';

const PAGE = 'https://status.openai.com';

describe('incident.io native feed', () => {
  it('lists every component as operational when nothing is affected', () => {
    const parsed = parseIncidentIoProxy(fixture('openai/healthy/proxy.json'), PAGE);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    expect(parsed.value.components).toHaveLength(29);
    expect(parsed.value.components.every((c) => c.state === 'operational')).toBe(true);
    expect(parsed.value.incidents).toEqual([]);
  });

  it('marks affected components and reads ongoing incidents', () => {
    const parsed = parseIncidentIoProxy(fixture('openai/outage/proxy.json'), PAGE);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    const byName = (group: string, name: string) =>
      parsed.value.components.find((c) => c.group === group && c.name === name)?.state;
    expect(byName('ChatGPT', 'Conversations')).toBe('major_outage');
    expect(byName('ChatGPT', 'Login')).toBe('partial_outage');
    expect(byName('Sora', 'Video generation')).toBe('degraded');
    expect(byName('APIs', 'Responses')).toBe('operational');
    expect(parsed.value.incidents[0]).toMatchObject({
      title: 'Elevated error rates in ChatGPT and Sora',
      impact: 'major_outage',
      startedAt: Date.parse('2025-06-10T14:02:37.000Z'),
      url: `${PAGE}/incidents/01JXKQ7P8W3H6V2NCM4RZTB9AE`,
    });
    expect(parsed.value.incidents[0]?.componentIds).toHaveLength(3);
  });

  it('leaves hidden groups and components out', () => {
    const text = JSON.stringify({
      summary: {
        structure: {
          items: [
            {
              group: {
                name: 'Secret',
                hidden: true,
                components: [{ component_id: 'h', name: 'Hidden' }],
              },
            },
            { component: { component_id: 'v', name: 'Visible' } },
          ],
        },
      },
    });
    const parsed = parseIncidentIoProxy(text, PAGE);
    expect(parsed.ok && parsed.value.components.map((c) => c.name)).toEqual(['Visible']);
  });

  it('reads the feed at its real URL', async () => {
    const result = await readIncidentIo(PAGE, { fetch: fixtureFetch(() => 'outage') });
    expect(result.ok).toBe(true);
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
