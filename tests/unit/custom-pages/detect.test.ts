import { describe, expect, it } from 'vitest';
import { candidateSources, detectStatusPage, pageName } from '@/utils/custom-pages/detect';
import { fixturesAt } from '../../helpers/fixtures';

/** Every capture at its real URL, as the worker would find it on the web. */
const web = fixturesAt(
  {
    'https://www.cloudflarestatus.com/api/v2/summary.json':
      'statuspage/cloudflare/active-grouped/summary.json',
    'https://status.openai.com/proxy/status.openai.com': 'openai/healthy/proxy.json',
    'https://status.wistia.com/v3/summary.json': 'instatus/wistia/healthy/summary.json',
    'https://status.perplexity.com/v2/summary.json': 'instatus/perplexity/healthy/summary.json',
    'https://status.huggingface.co/index.json': 'betterstack/huggingface/healthy/index.json',
    'https://status.x.ai/feed.xml': 'feed/xai/healthy/feed.xml',
    'https://status.claude.com/history.atom': 'feed/anthropic/healthy/history.atom',
  },
  () => '',
);
const granted = async () => true;
const detect = (url: string) => detectStatusPage(url, { fetch: web }, granted);

describe('detectStatusPage', () => {
  it.each([
    [
      'an Atlassian Statuspage',
      'https://www.cloudflarestatus.com/',
      { format: 'statuspage', baseUrl: 'https://www.cloudflarestatus.com' },
      'Cloudflare Status',
      'degraded',
    ],
    [
      'an incident.io page (its own widget API)',
      'https://status.openai.com',
      { format: 'incident-io', baseUrl: 'https://status.openai.com' },
      'OpenAI',
      'operational',
    ],
    [
      'an Instatus page (v3)',
      'https://status.wistia.com/',
      { format: 'instatus', baseUrl: 'https://status.wistia.com' },
      'Wistia',
      'operational',
    ],
    [
      'an Instatus page on the older v2 path',
      'https://status.perplexity.com/',
      { format: 'instatus', baseUrl: 'https://status.perplexity.com', path: '/v2/summary.json' },
      'Perplexity',
      'operational',
    ],
    [
      'a Better Stack page',
      'https://status.huggingface.co/',
      { format: 'betterstack', baseUrl: 'https://status.huggingface.co' },
      'Better Stack',
      'operational',
    ],
    [
      'an RSS feed, by its own URL',
      'https://status.x.ai/feed.xml',
      { format: 'feed', url: 'https://status.x.ai/feed.xml' },
      'xAI System Status',
      'operational',
    ],
    [
      'an Atom feed, by its own URL',
      'https://status.claude.com/history.atom',
      { format: 'feed', url: 'https://status.claude.com/history.atom' },
      'Claude Status - Incident History',
      'operational',
    ],
  ])('finds %s', async (_, url, source, name, state) => {
    expect(await detect(url)).toEqual({ ok: true, source, name, state });
  });

  it('refuses what is not an https address, before any request', async () => {
    const refused = fixturesAt({}, () => {
      throw new Error('no request expected');
    });
    for (const url of [
      'http://status.example.com',
      'javascript:alert(1)',
      'status.example.com',
      'https://user:secret@status.example.com',
      'https://localhost/',
    ]) {
      expect(await detectStatusPage(url, { fetch: refused }, granted)).toEqual({
        ok: false,
        reason: 'invalid_url',
      });
    }
  });

  it('says not_found when nothing there parses', async () => {
    expect(await detect('https://www.example.com/')).toEqual({ ok: false, reason: 'not_found' });
  });

  it('asks for access when the site did not answer us and we may not read it', async () => {
    const blocked: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(
      await detectStatusPage('https://status.example.com', { fetch: blocked }, async () => false),
    ).toEqual({ ok: false, reason: 'permission' });
    // With access already there, the same silence is a site that is down or no status page.
    expect(
      await detectStatusPage('https://status.example.com', { fetch: blocked }, granted),
    ).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('candidateSources', () => {
  it('tries a feed URL as a feed first, and a home page never as a feed', () => {
    expect(candidateSources(new URL('https://status.x.ai/feed.xml'))[0]).toEqual({
      format: 'feed',
      url: 'https://status.x.ai/feed.xml',
    });
    expect(
      candidateSources(new URL('https://status.x.ai/')).some((source) => source.format === 'feed'),
    ).toBe(false);
  });
});

describe('pageName', () => {
  it('reads the name a page gives itself, as plain text, or nothing', () => {
    expect(pageName('{"page":{"name":"  Acme\\n Status "}}')).toBe('Acme Status');
    expect(pageName('<rss><channel><title>A &amp; B</title></channel></rss>')).toBe('A & B');
    expect(pageName('{"page":{"name":42}}')).toBeNull();
    expect(pageName('<html><body>no title</body></html>')).toBeNull();
    expect(pageName(`{"page":{"name":"${'x'.repeat(200)}"}}`)).toHaveLength(60);
  });
});
