import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { XAI } from '@/utils/catalog/others';
import type { ComponentMatcher } from '@/utils/catalog/types';
import { readProduct } from '@/utils/health/official';
import { parseFeed, readFeed } from '@/utils/sources/feed';
import type { SourceIncident } from '@/utils/sources/types';
import { fixture, fixturesAt } from '../../helpers/fixtures';

/*
 * Fixtures: the xAI feed and the Anthropic Atom feed as captured (trimmed), and variants derived
 * from them; tests/fixtures/feed/PROVENANCE.md says what was changed. Each is read at the moment
 * it was captured. The generic cases below build one-entry feeds in Statuspage's shape.
 */
/** status.x.ai/feed.xml's `lastBuildDate`: the capture is from then (or a little later). */
const XAI_AT = Date.parse('Tue, 07 Jul 2026 16:40:29 GMT');
/** When the archive bot fetched status.claude.com/history.atom (its headers.json). */
const ANTHROPIC_AT = Date.parse('2026-10-08T06:04:34.181Z');
const NOW = Date.parse('2025-06-10T14:06:00.000Z');
const HOUR = 3_600_000;

const open = (file: string, now: number) => {
  const parsed = parseFeed(fixture(`feed/${file}`), now);
  if (!parsed.ok) throw new Error(parsed.error.detail);
  return parsed.value.incidents;
};

const GROK = XAI.products[0]!.match as ComponentMatcher;

/** Grok's state from a feed's open incidents, failing the test if the report cannot say. */
const grokState = (incidents: SourceIncident[]) => {
  const lookup = readProduct(GROK, { components: [], incidents });
  if (!('found' in lookup)) throw new Error(`missing: ${lookup.missing}`);
  return lookup.found.state;
};

/** A one-entry Atom feed in Statuspage's shape, with `body` as the entry's HTML content. */
const atomEntry = (body: string, updated = '2025-06-10T14:00:00Z', title = 'Elevated errors') =>
  `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>` +
  `<id>tag:status.example.com,2005:Incident/1</id><updated>${updated}</updated>` +
  `<link rel="alternate" type="text/html" href="https://status.example.com/incidents/abc"/>` +
  `<title>${title}</title><content type="html">${body.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content></entry></feed>`;

describe('status.x.ai feed.xml (real capture)', () => {
  it('the captured feed (every item RESOLVED) has nothing open', () => {
    expect(open('xai/healthy/feed.xml', XAI_AT)).toEqual([]);
    // The untrimmed capture: 105 items, of which the newest 50 are read.
    const full = parseFeed(fixture('feed/xai/full/feed.xml'), XAI_AT);
    expect(full).toEqual({ ok: true, value: { components: [], incidents: [] } });
    expect(grokState([])).toBe('operational');
  });

  it('reads the open Grok (Web) item: ACTIVE, its bracketed component, its newest update', () => {
    expect(open('xai/outage/feed.xml', XAI_AT)).toEqual([
      {
        id: 'INC7c527912',
        title: '[Grok (Web)] 4.3 losing conversation context',
        impact: 'degraded',
        status: 'active',
        startedAt: Date.parse('Tue, 07 Jul 2026 16:05:21 GMT'),
        updatedAt: Date.parse('Tue, 07 Jul 2026 16:05:35 GMT'),
        url: 'https://status.x.ai/grok-com/INC7c527912',
        componentIds: [],
        componentNames: ['Grok (Web)', '[Grok (Web)] 4.3 losing conversation context'],
      },
    ]);
    expect(grokState(open('xai/outage/feed.xml', XAI_AT))).toBe('degraded');
  });

  /**
   * Each captured item in turn, reopened the way the outage fixture is (Status ACTIVE,
   * categories outage/active) and read an hour after its newest date: only Grok's apps and the
   * API make Grok degraded.
   */
  it.each([
    ['INC548339c6', 'API (us-west-2.api.x.ai)', 'degraded'],
    ['INC702624e4', 'API Console', 'operational'],
    ['INC78c0aac0', 'API (us-east-1.api.x.ai)', 'degraded'],
    ['INC7c527912', 'Grok (Web)', 'degraded'],
    ['INC31772712', 'Grok in X', 'degraded'],
    ['INC7532db86', 'Grok (iOS)', 'degraded'],
    ['INC6202bec1', 'Grok (Android)', 'degraded'],
    ['INC594ef635', 'Single Sign-On', 'operational'],
  ])('an open %s item ([%s]) makes Grok %s', (guid, component, state) => {
    const feed = fixture('feed/xai/healthy/feed.xml');
    const item = feed.match(
      new RegExp(`<item>(?:(?!</item>)[\\s\\S])*?${guid}[\\s\\S]*?</item>`),
    )![0];
    const reopened = item
      .replace('<h3>Status: RESOLVED</h3>', '<h3>Status: ACTIVE</h3>')
      .replace(
        '<category>available</category>\n      <category>resolved</category>',
        '<category>outage</category>\n      <category>active</category>',
      );
    const dates = [...item.matchAll(/\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT/g)];
    const now = Math.max(...dates.map((m) => Date.parse(m[0]))) + HOUR;
    const incidents = open('xai/healthy/feed.xml', now);
    expect(incidents).toEqual([]);
    const parsed = parseFeed(feed.replace(item, reopened), now);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    expect(parsed.value.incidents.map((incident) => incident.componentNames?.[0])).toEqual([
      component,
    ]);
    expect(grokState(parsed.value.incidents)).toBe(state);
  });

  it.each(['INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'ACTIVE'])(
    'reads an item whose Status is %s as open',
    (word) => {
      const text = fixture('feed/xai/outage/feed.xml').replace('Status: ACTIVE', `Status: ${word}`);
      expect(parseFeed(text, XAI_AT)).toMatchObject({
        ok: true,
        value: { incidents: [{ id: 'INC7c527912', status: word.toLowerCase() }] },
      });
    },
  );

  it('lets an open item untouched for a day drop out', () => {
    const updated = Date.parse('Tue, 07 Jul 2026 16:05:35 GMT');
    expect(open('xai/outage/feed.xml', updated + 23 * HOUR)).toHaveLength(1);
    expect(open('xai/outage/feed.xml', updated + 24 * HOUR + 60_000)).toEqual([]);
  });
});

describe('status.claude.com history.atom (real capture)', () => {
  it('reads the one entry still at Monitoring as open, the resolved ones not', () => {
    expect(open('anthropic/outage/history.atom', ANTHROPIC_AT)).toEqual([
      {
        id: 'tag:status.claude.com,2005:Incident/31614017',
        title: 'Elevated errors on platform.claude.com',
        impact: 'degraded',
        status: 'monitoring',
        startedAt: Date.parse('2026-10-07T21:45:27Z'),
        updatedAt: Date.parse('2026-10-07T21:45:27Z'),
        url: 'https://status.claude.com/incidents/978mjkgw6mh7',
        componentIds: [],
        componentNames: ['Elevated errors on platform.claude.com'],
      },
    ]);
  });

  it('the healthy variant (that entry left out) has nothing open', () => {
    expect(open('anthropic/healthy/history.atom', ANTHROPIC_AT)).toEqual([]);
  });

  it('names the product by title, so a catalog regex finds platform.claude.com and only it', () => {
    const report = {
      components: [],
      incidents: open('anthropic/outage/history.atom', ANTHROPIC_AT),
    };
    expect(readProduct({ incidentProducts: [/platform\.claude\.com/i] }, report)).toMatchObject({
      found: { state: 'degraded' },
    });
    expect(readProduct({ incidentProducts: [/claude code/i] }, report)).toMatchObject({
      found: { state: 'operational' },
    });
  });

  it('lets the Monitoring entry drop out a day after its last update', () => {
    const updated = Date.parse('2026-10-07T21:45:27Z');
    expect(open('anthropic/outage/history.atom', updated + 23 * HOUR)).toHaveLength(1);
    expect(open('anthropic/outage/history.atom', updated + 24 * HOUR + 60_000)).toEqual([]);
  });
});

describe('RSS and Atom feeds', () => {
  it('never calls an entry without any date open', () => {
    const text = atomEntry('<strong>Investigating</strong> - Looking.').replace(
      /<updated>.*<\/updated>/,
      '',
    );
    expect(parseFeed(text, NOW)).toEqual({ ok: true, value: { components: [], incidents: [] } });
  });

  it.each([
    ['Investigating', 'degraded'],
    ['Identified', 'degraded'],
    ['Monitoring', 'degraded'],
    ['Update', 'degraded'],
    ['In progress', 'maintenance'],
    ['Verifying', 'maintenance'],
    ['Scheduled', null],
    ['Resolved', null],
    ['Completed', null],
    ['Postmortem', null],
  ])('reads a latest status of "%s" as %s', (status, impact) => {
    const body =
      `<p><small>Jun <var data-var='date'>10</var>, <var data-var='time'>14:00</var> UTC</small>` +
      `<br><strong>${status}</strong> - Words.</p><p><strong>Investigating</strong> - Older.</p>`;
    const parsed = parseFeed(atomEntry(body), NOW);
    expect(parsed.ok && parsed.value.incidents.map((incident) => incident.impact)).toEqual(
      impact ? [impact] : [],
    );
  });

  it('closes an RSS item whose category says resolved', () => {
    const text =
      '<rss version="2.0"><channel><item><title>[API] Latency</title><category>Resolved</category>' +
      '<pubDate>Tue, 10 Jun 2025 14:00:00 GMT</pubDate></item></channel></rss>';
    expect(parseFeed(text, NOW).ok && parseFeed(text, NOW)).toMatchObject({
      value: { incidents: [] },
    });
  });

  it.each([
    ['claude.ai and Claude API', ['claude.ai', 'Claude API']],
    ['Git Operations, Webhooks, and API Requests', ['Git Operations', 'Webhooks', 'API Requests']],
    ['API (us-east-1.api.x.ai)', ['API (us-east-1.api.x.ai)']],
  ])('takes the names of "This incident affected: %s."', (list, names) => {
    const parsed = parseFeed(
      atomEntry(
        `<p><strong>Investigating</strong> - Looking.</p><p>This incident affected: ${list}.</p>`,
      ),
      NOW,
    );
    expect(parsed.ok && parsed.value.incidents[0]?.componentNames).toEqual(names);
  });

  it('decodes entities and CDATA into plain text', () => {
    const title = 'Q&amp;A &#8212; caf&#xE9; <![CDATA[<em>now</em> & later &amp;]]>';
    const parsed = parseFeed(atomEntry('<strong>Investigating</strong>', undefined, title), NOW);
    expect(parsed.ok && parsed.value.incidents[0]?.title).toBe('Q&A — café now & later &');
  });

  it('keeps hostile markup inert and drops every non-http link', () => {
    // Two xAI items made hostile (tests/fixtures/feed/PROVENANCE.md), read at the capture time.
    const incidents = open('hostile.xml', XAI_AT);
    // The `</item>` quoted inside the first CDATA does not end the item.
    expect(incidents.map((incident) => incident.title)).toEqual([
      '[Grok (Web)] 4.3 losing conversation context &',
      '[Grok in X] Grok in X is & Temporarily Unavailable — done',
    ]);
    expect(incidents.map((incident) => incident.url)).toEqual([null, null]);
    expect(incidents.map((incident) => incident.status)).toEqual(['active', 'active']);
    expect(incidents.map((incident) => incident.componentNames?.[0])).toEqual([
      'Grok (Web)',
      'Grok in X',
    ]);
  });

  it.each([
    ['an HTML bot challenge', fixture('bot-challenge.html'), 'not_json'],
    ['an HTML page without a doctype', '<html><body>Service Unavailable</body></html>', 'not_json'],
    ['JSON', '{"incidents":[]}', 'bad_shape'],
    ['plain text', 'upstream connect error', 'bad_shape'],
    [
      'an XML document that is not a feed',
      '<?xml version="1.0"?><note><item/></note>',
      'bad_shape',
    ],
  ])('turns %s into a typed error', (_, text, code) => {
    expect(parseFeed(text, NOW)).toEqual({ ok: false, error: expect.objectContaining({ code }) });
  });

  it.each([
    ['RSS', '<rss version="2.0"><channel><title>All quiet</title></channel></rss>'],
    ['Atom', '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title/></feed>'],
  ])('reads a well-formed %s feed with no entries as all-clear', (_, text) => {
    expect(parseFeed(text, NOW)).toEqual({ ok: true, value: { components: [], incidents: [] } });
  });

  it('reads a truncated feed as far as it goes', () => {
    const text = fixture('feed/anthropic/outage/history.atom');
    const cut = text.slice(0, text.indexOf('Elevated errors for Claude Opus 5.5'));
    expect(parseFeed(cut, ANTHROPIC_AT)).toMatchObject({
      ok: true,
      value: { incidents: [{ title: 'Elevated errors on platform.claude.com' }] },
    });
  });

  it('scans only the newest 50 entries', () => {
    const entry = atomEntry('<strong>Investigating</strong>').match(/<entry>.*<\/entry>/)?.[0];
    const text = `<feed xmlns="http://www.w3.org/2005/Atom">${entry?.repeat(80)}</feed>`;
    expect(parseFeed(text, NOW).ok && parseFeed(text, NOW)).toMatchObject({
      value: { incidents: { length: 50 } },
    });
  });
});

describe('feed parser on arbitrary input', () => {
  const fragment = fc.constantFrom(
    '<rss version="2.0">',
    '<channel>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '<item>',
    '</item>',
    '<entry>',
    '</entry>',
    '<title>',
    '</title>',
    '<link href="',
    '"/>',
    '<link>',
    '</link>',
    '<guid>',
    '<id>',
    '<updated>',
    '2025-06-10T14:00:00Z',
    '<pubDate>',
    'Tue, 10 Jun 2025 14:00:00 GMT',
    '<description>',
    '<content type="html">',
    '<![CDATA[',
    ']]>',
    '&#x',
    '&#',
    ';',
    '&amp;',
    '&lt;strong&gt;',
    '<strong>',
    'Resolved',
    '<h3>',
    'Status: ',
    '<category>',
    '<!--',
    '-->',
    '<?xml version="1.0"?>',
    '<script>',
    '<',
    '>',
    '"',
    "'",
    '/',
    'This incident affected: ',
    ', and ',
    '. ',
    'javascript:x',
    ' ',
    'é',
  );
  const xmlish = fc.array(fc.oneof(fragment, fc.string({ maxLength: 5 })), { maxLength: 60 });
  const joined = xmlish.map((parts) => parts.join(''));
  // Recent, titled entries around random bodies, so that many runs do reach an incident.
  const entryLike = fc
    .tuple(joined, joined, joined)
    .map(
      ([title, body, rest]) =>
        `<feed><entry><title>${title}</title><updated>2025-06-10T14:00:00Z</updated>` +
        `<content type="html">${body}</content>${rest}</entry></feed>`,
    );
  const anyText = fc.oneof(
    fc.string(),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    joined,
    joined.map((parts) => `<rss><channel><item>${parts}</item></channel></rss>`),
    entryLike,
  );

  it('never throws, and answers a value or a typed error', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 2 ** 42 }), (text, now) => {
        const parsed = parseFeed(text, now);
        if (!parsed.ok) {
          expect(['not_json', 'bad_shape']).toContain(parsed.error.code);
          return;
        }
        expect(parsed.value.components).toEqual([]);
        for (const incident of parsed.value.incidents) {
          expect(incident.title).toBe(incident.title.trim());
          expect(incident.title.length).toBeGreaterThan(0);
          expect(incident.title.length).toBeLessThanOrEqual(300);
          expect(['degraded', 'maintenance']).toContain(incident.impact);
          expect(incident.componentNames?.length).toBeGreaterThan(0);
          if (incident.url !== null) expect(incident.url).toMatch(/^https?:/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('stays linear on pathological bodies', () => {
    const bodies = [
      `<rss>${'<item'.repeat(100_000)}`,
      `<rss>${'<item><title><![CDATA['.repeat(30_000)}`,
      `<feed>${'<entry><content>&lt;strong&gt;'.repeat(30_000)}`,
      `<rss><item><description>${'<script>'.repeat(50_000)}</description></item>`,
      `${' '.repeat(100_000)}<!--${'-'.repeat(100_000)}`,
    ];
    for (const body of bodies) expect(typeof parseFeed(body, NOW).ok).toBe('boolean');
  });
});

/** Answers the two feeds' real URLs from fixtures. */
const feedFetch = (scenario: 'healthy' | 'outage' | Response) =>
  fixturesAt(
    {
      'https://status.claude.com/history.atom': 'feed/anthropic/{s}/history.atom',
      'https://status.x.ai/feed.xml': 'feed/xai/{s}/feed.xml',
    },
    () => scenario,
  );

describe('readFeed', () => {
  it.each([
    [
      'https://status.claude.com/history.atom',
      ANTHROPIC_AT,
      'Elevated errors on platform.claude.com',
    ],
    ['https://status.x.ai/feed.xml', XAI_AT, '[Grok (Web)] 4.3 losing conversation context'],
  ])('reads %s', async (url, at, title) => {
    const result = await readFeed(url, { fetch: feedFetch('outage'), now: () => at });
    expect(result.ok && result.value.incidents.map((incident) => incident.title)).toEqual([title]);
  });

  it.each([
    ['https://status.claude.com/history.atom', ANTHROPIC_AT],
    ['https://status.x.ai/feed.xml', XAI_AT],
  ])('reads %s healthy', async (url, at) => {
    const result = await readFeed(url, { fetch: feedFetch('healthy'), now: () => at });
    expect(result).toEqual({ ok: true, value: { components: [], incidents: [] } });
  });

  it('judges recency against the clock by default', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // Two days after the capture, the Monitoring entry is a forgotten one.
      vi.setSystemTime(ANTHROPIC_AT + 48 * HOUR);
      const result = await readFeed('https://status.claude.com/history.atom', {
        fetch: feedFetch('outage'),
      });
      expect(result).toEqual({ ok: true, value: { components: [], incidents: [] } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails with a reason on HTTP 503, keeping the status for backoff', async () => {
    const result = await readFeed('https://status.x.ai/feed.xml', {
      fetch: feedFetch(new Response('down', { status: 503 })),
    });
    expect(result).toEqual({ ok: false, error: { code: 'http', detail: 'HTTP 503', status: 503 } });
  });

  it('fails with "not_json" when a bot challenge answers', async () => {
    const result = await readFeed('https://status.x.ai/feed.xml', {
      fetch: feedFetch(new Response(fixture('bot-challenge.html'))),
    });
    expect(result.ok === false && result.error.code).toBe('not_json');
  });
});
