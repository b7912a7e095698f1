import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readProduct } from '@/utils/health/official';
import { parseFeed, readFeed } from '@/utils/sources/feed';
import { fixture, fixturesAt } from '../helpers/fixtures';

// RSS dates are RFC 822, which the e2e harness does not shift: these tests pass `now` instead.
const NOW = Date.parse('2025-06-10T14:06:00.000Z');
const HOUR = 3_600_000;

const open = (file: string, now = NOW) => {
  const parsed = parseFeed(fixture(`feed/${file}`), now);
  if (!parsed.ok) throw new Error(parsed.error.detail);
  return parsed.value.incidents;
};

/** A one-entry Atom feed in Statuspage's shape, with `body` as the entry's HTML content. */
const atomEntry = (body: string, updated = '2025-06-10T14:00:00Z', title = 'Elevated errors') =>
  `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>` +
  `<id>tag:status.example.com,2005:Incident/1</id><updated>${updated}</updated>` +
  `<link rel="alternate" type="text/html" href="https://status.example.com/incidents/abc"/>` +
  `<title>${title}</title><content type="html">${body.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content></entry></feed>`;

describe('RSS and Atom feeds', () => {
  it.each([
    ['anthropic/healthy/history.atom', []],
    ['anthropic/outage/history.atom', ['Elevated errors on claude.ai']],
    ['xai/healthy/feed.xml', []],
    ['xai/outage/feed.xml', ['[Grok (Web)] Models outage']],
  ])('%s lists only its open incidents', (file, titles) => {
    expect(open(file).map((incident) => incident.title)).toEqual(titles);
  });

  it('reads an open Statuspage Atom entry, its latest status first', () => {
    expect(open('anthropic/outage/history.atom')[0]).toEqual({
      id: 'tag:status.claude.com,2005:Incident/25418842',
      title: 'Elevated errors on claude.ai',
      impact: 'degraded',
      status: 'identified',
      startedAt: Date.parse('2025-06-10T13:58:40Z'),
      updatedAt: Date.parse('2025-06-10T14:05:11Z'),
      url: 'https://status.claude.com/incidents/x7k2m9p4q1wz',
      componentIds: [],
      componentNames: ['Elevated errors on claude.ai'],
    });
  });

  it('names the product by title, so the catalog regexes find claude.ai and only it', () => {
    const report = { components: [], incidents: open('anthropic/outage/history.atom') };
    const claude = readProduct({ incidentProducts: [/claude\.ai/i] }, report);
    const code = readProduct({ incidentProducts: [/claude code/i] }, report);
    expect(claude?.state).toBe('degraded');
    expect(code?.state).toBe('operational');
  });

  it('reads an open xAI item: its bracketed component and its newest update time', () => {
    expect(open('xai/outage/feed.xml')[0]).toMatchObject({
      id: 'INC25664c15',
      status: 'active',
      impact: 'degraded',
      startedAt: Date.parse('Tue, 10 Jun 2025 13:55:00 GMT'),
      updatedAt: Date.parse('2025-06-10T14:05:00Z'),
      url: 'https://status.x.ai/grok-com/INC25664c15',
      componentNames: ['Grok (Web)', '[Grok (Web)] Models outage'],
    });
  });

  it('lets an open entry untouched for a day drop out', () => {
    const updated = Date.parse('2025-06-10T14:05:11Z');
    expect(open('anthropic/outage/history.atom', updated + 23 * HOUR)).toHaveLength(1);
    expect(open('anthropic/outage/history.atom', updated + 24 * HOUR + 60_000)).toEqual([]);
  });

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
    const incidents = open('hostile.xml');
    // The `</item>` quoted inside the first CDATA does not end the item.
    expect(incidents.map((incident) => incident.title)).toEqual([
      'Outage now &',
      'Escaped & double-escaped — done',
    ]);
    expect(incidents.map((incident) => incident.url)).toEqual([null, null]);
    expect(incidents.map((incident) => incident.status)).toEqual(['active', 'investigating']);
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
    const cut = text.slice(0, text.indexOf('Elevated errors on Claude Opus 4'));
    expect(parseFeed(cut, NOW).ok && parseFeed(cut, NOW)).toMatchObject({
      value: { incidents: [{ title: 'Elevated errors on claude.ai' }] },
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
    ['https://status.claude.com/history.atom', 'Elevated errors on claude.ai'],
    ['https://status.x.ai/feed.xml', '[Grok (Web)] Models outage'],
  ])('reads %s', async (url, title) => {
    const result = await readFeed(url, { fetch: feedFetch('outage'), now: () => NOW });
    expect(result.ok && result.value.incidents.map((incident) => incident.title)).toEqual([title]);
  });

  it('judges recency against the clock by default', async () => {
    // The fixture's outage is long over by the real clock.
    const result = await readFeed('https://status.claude.com/history.atom', {
      fetch: feedFetch('outage'),
    });
    expect(result).toEqual({ ok: true, value: { components: [], incidents: [] } });
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
