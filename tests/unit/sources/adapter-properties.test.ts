import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '@/utils/catalog';
import { readProduct } from '@/utils/health/official';
import { isComponentState } from '@/utils/core/states';
import { parseBetterStackIndex } from '@/utils/sources/betterstack';
import { parseFeed } from '@/utils/sources/feed';
import { parseGoogleIncidents } from '@/utils/sources/google';
import { parseIncidentIoProxy } from '@/utils/sources/incident-io';
import { parseInstatusSummary } from '@/utils/sources/instatus';
import {
  parseStatuspageComponents,
  parseStatuspageIncidents,
  parseStatuspageIndicator,
} from '@/utils/sources/statuspage';
import type { Parsed, SourceReport } from '@/utils/sources/types';
import { fixture } from '../../helpers/fixtures';

/*
 * Properties with teeth, for every adapter: whatever a page sends — the shape it documents,
 * filled with hostile values (prototype keys, words of the other platforms, wrong types) and
 * lists of any length — parsing never throws, and every state it emits is one of ours.
 */

const NOW = Date.parse('2026-09-29T18:30:00Z');
const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];
/** Status words of every platform, so generated values often hit a real mapping. */
const WORDS = [
  ...PROTOTYPE_KEYS,
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'full_outage',
  'under_maintenance',
  'none',
  'minor',
  'major',
  'critical',
  'maintenance',
  'investigating',
  'resolved',
  'in_progress',
  'UP',
  'HASISSUES',
  'UNDERMAINTENANCE',
  'MAJOROUTAGE',
  'INPROGRESS',
  'downtime',
  'degraded',
  'SERVICE_OUTAGE',
  'SERVICE_DISRUPTION',
  'high',
];
const TIMES = ['2026-09-29T17:52:52Z', '2099-01-01T00:00:00Z', '1970-01-01T00:00:00Z', 'soon'];

const word = fc.constantFrom(...WORDS);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 2, arbitrary: fc.constantFrom(...TIMES) },
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
);
/** An object with the documented keys (each maybe missing) plus prototype keys. */
const shaped = (keys: Record<string, fc.Arbitrary<unknown>>) =>
  fc
    .tuple(
      fc.record(keys, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS.map((k) => `${k}§`)), value, {
        maxKeys: 2,
      }),
    )
    .map(([known, hostile]) => ({ ...known, ...hostile }));
/** JSON text in which the "key§" placeholders become real prototype keys. */
const json = (arbitrary: fc.Arbitrary<unknown>) =>
  arbitrary.map((object) => JSON.stringify(object).replace(/"([A-Za-z_]+)§"/g, '"$1"'));
const list = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 6 });
const ids = fc.constantFrom('a', 'b', 'c', ...PROTOTYPE_KEYS);

/** Every state a report carries is one of ours: components, incidents, overall, impactOn. */
function expectKnownStates(parsed: Parsed<SourceReport>) {
  if (!parsed.ok) {
    expect(['not_json', 'bad_shape', 'too_large']).toContain(parsed.error.code);
    return;
  }
  const report = parsed.value;
  for (const component of report.components) expect(isComponentState(component.state)).toBe(true);
  for (const incident of report.incidents) {
    expect(isComponentState(incident.impact)).toBe(true);
    expect(incident.url === null || /^https?:\/\//.test(incident.url)).toBe(true);
    for (const state of Object.values(incident.impactOn ?? {})) {
      expect(isComponentState(state)).toBe(true);
    }
  }
  if (report.overall !== undefined) expect(isComponentState(report.overall)).toBe(true);
  // And so is every product's reading of it.
  for (const product of PROVIDERS.flatMap((provider) => provider.products)) {
    const lookup = readProduct(product.match ?? { wholePage: true }, report);
    if ('found' in lookup) expect(isComponentState(lookup.found.state)).toBe(true);
  }
}

const statuspageSummary = json(
  shaped({
    status: shaped({ indicator: value }),
    components: list(shaped({ id: ids, name: value, status: value, group: value, group_id: ids })),
    incidents: fc.oneof(
      fc.constant(null),
      list(
        shaped({
          id: ids,
          name: value,
          status: value,
          impact: value,
          shortlink: fc.constantFrom('javascript:alert(1)', 'https://stspg.io/x', 'x'),
          started_at: value,
          components: list(shaped({ id: ids })),
        }),
      ),
    ),
    scheduled_maintenances: list(shaped({ id: ids, name: value, status: value })),
  }),
);
const incidentIoProxy = json(
  shaped({
    summary: shaped({
      structure: shaped({
        items: list(
          shaped({
            group: shaped({
              name: value,
              hidden: value,
              components: list(shaped({ component_id: ids, name: value })),
            }),
            component: shaped({ component_id: ids, name: value }),
          }),
        ),
      }),
      components: list(shaped({ id: ids, name: value })),
      affected_components: list(shaped({ component_id: ids, status: value })),
      ongoing_incidents: list(
        shaped({
          id: ids,
          name: value,
          status: value,
          published_at: value,
          component_impacts: list(shaped({ component_id: ids, status: value, end_at: value })),
          affected_components: list(shaped({ component_id: ids, status: value })),
          updates: list(shaped({ published_at: value })),
        }),
      ),
    }),
  }),
);
const instatusSummary = json(
  shaped({
    page: shaped({ name: value, url: value, status: value }),
    activeIncidents: list(
      shaped({ id: ids, name: value, status: value, impact: value, url: value, started: value }),
    ),
    activeMaintenances: list(shaped({ id: ids, name: value, status: value, start: value })),
  }),
);
const betterStackIndex = json(
  shaped({
    data: shaped({ attributes: shaped({ aggregate_state: value }) }),
    included: list(
      shaped({
        id: fc.oneof(ids, fc.integer()),
        type: fc.constantFrom(
          'status_page_section',
          'status_page_resource',
          'status_report',
          'status_update',
          ...PROTOTYPE_KEYS,
        ),
        attributes: shaped({
          name: value,
          public_name: value,
          status: value,
          status_page_section_id: fc.oneof(ids, fc.integer()),
          title: value,
          aggregate_state: value,
          report_type: value,
          starts_at: value,
          ends_at: value,
          published_at: value,
          affected_resources: list(shaped({ status_page_resource_id: ids, status: value })),
        }),
      }),
    ),
  }),
);
const googleIncidents = json(
  list(
    shaped({
      id: ids,
      external_desc: value,
      begin: value,
      end: value,
      modified: value,
      status_impact: value,
      severity: value,
      service_name: value,
      uri: fc.constantFrom('incidents/x', 'javascript:alert(1)', '//evil.example/x'),
      affected_products: list(shaped({ title: value, id: ids, current_title: value })),
      most_recent_update: shaped({ status: value, when: value }),
    }),
  ),
);
const feedText = fc
  .array(
    fc.record({
      title: fc.constantFrom('[Grok (Web)] Outage', 'claude.ai down', ...PROTOTYPE_KEYS),
      status: word,
      date: fc.constantFrom(
        'Tue, 29 Sep 2026 17:52:52 GMT',
        'Wed, 07 Jul 2027 00:00:00 GMT',
        'nonsense',
      ),
      link: fc.constantFrom('https://status.x.ai/x', 'javascript:alert(1)'),
    }),
    { maxLength: 6 },
  )
  .map(
    (items) =>
      `<rss><channel>${items
        .map(
          (item) =>
            `<item><title>${item.title}</title><link>${item.link}</link><pubDate>${item.date}</pubDate><description><![CDATA[<h3>Status: ${item.status}</h3>]]></description></item>`,
        )
        .join('')}</channel></rss>`,
  );

/** `count` copies of `item`, for a list no page should ever send. */
const copies = <T>(item: T, count = 150_000): T[] => Array.from({ length: count }, () => item);

/** Captured documents with one list stretched to 150,000 entries. */
const LARGE: Record<string, () => string> = {
  Statuspage: () => {
    const capture = JSON.parse(fixture('statuspage/github/copilot-incident/summary.json'));
    capture.components = copies(capture.components[0]);
    capture.incidents[0].components = copies(capture.incidents[0].components[0]);
    return JSON.stringify(capture);
  },
  'incident.io native': () => {
    const capture = JSON.parse(fixture('openai/outage/proxy.json'));
    capture.summary.affected_components = copies(capture.summary.affected_components[0]);
    capture.summary.ongoing_incidents[0].component_impacts = copies(
      capture.summary.ongoing_incidents[0].component_impacts[0],
    );
    return JSON.stringify(capture);
  },
  Instatus: () => {
    const capture = JSON.parse(fixture('instatus/perplexity/outage/summary.json'));
    capture.activeIncidents = copies(capture.activeIncidents[0]);
    return JSON.stringify(capture);
  },
  'Better Stack': () => {
    const capture = JSON.parse(fixture('betterstack/huggingface/one-down/index.json'));
    capture.included = copies(capture.included[0]).concat(capture.included);
    return JSON.stringify(capture);
  },
  'Google incidents.json': () => {
    const capture = JSON.parse(fixture('google/cloud/outage/incidents.json'));
    capture[0].affected_products = copies(capture[0].affected_products[0]);
    return JSON.stringify(capture);
  },
  'RSS / Atom': () => {
    const feed = fixture('feed/xai/healthy/feed.xml');
    const item = feed.match(/<item>[\s\S]*?<\/item>/)![0];
    return feed.replace(item, copies(item, 20_000).join(''));
  },
};

const ADAPTERS: [string, fc.Arbitrary<string>, (text: string) => Parsed<SourceReport>][] = [
  [
    'Statuspage',
    statuspageSummary,
    (text) => {
      const components = parseStatuspageComponents(text);
      const incidents = parseStatuspageIncidents(text);
      const overall = parseStatuspageIndicator(text);
      if (overall !== undefined) expect(isComponentState(overall)).toBe(true);
      if (!components.ok) return components;
      return {
        ok: true,
        value: {
          components: components.value.components,
          incidents: incidents.ok ? incidents.value : [],
          ...(overall ? { overall } : {}),
        },
      };
    },
  ],
  [
    'incident.io native',
    incidentIoProxy,
    (text) => parseIncidentIoProxy(text, 'https://status.openai.com', NOW),
  ],
  ['Instatus', instatusSummary, (text) => parseInstatusSummary(text, 'https://status.example')],
  [
    'Better Stack',
    betterStackIndex,
    (text) => parseBetterStackIndex(text, 'https://status.huggingface.co', NOW),
  ],
  [
    'Google incidents.json',
    googleIncidents,
    (text) => parseGoogleIncidents(text, 'https://status.cloud.google.com/', NOW),
  ],
  ['RSS / Atom', feedText, (text) => parseFeed(text, NOW)],
];

describe.each(ADAPTERS)('%s', (_name, documents, parse) => {
  it('never throws, and emits only states of ours, on hostile documents', () => {
    fc.assert(
      fc.property(documents, (text) => {
        expectKnownStates(parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a captured document whose lists run to 150,000 entries', () => {
    // A parser that spreads a list into a call's arguments throws RangeError here.
    expectKnownStates(parse(LARGE[_name]!()));
    // Linear, but 150,000 entries read by every product of the catalog take a few seconds.
  }, 60_000);
});
