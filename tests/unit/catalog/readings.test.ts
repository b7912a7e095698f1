import { describe, expect, it } from 'vitest';
import { ANTHROPIC } from '@/utils/catalog/anthropic';
import { GITHUB, GROQ, PERPLEXITY } from '@/utils/catalog/others';
import type { ProviderDefinition } from '@/utils/catalog/types';
import { recordRead } from '@/utils/sources/reads';
import { officialReading } from '@/utils/health/official';
import { readFirstAnswering } from '@/utils/sources';
import { fixture } from '../../helpers/fixtures';

/*
 * Each provider's products, read from its catalog sources (in their order, fallbacks
 * included) on captured payloads: the catalog's matchers against what the real pages serve.
 */

/** Every product's official state after one read of the provider's sources. */
async function statesOf(
  provider: ProviderDefinition,
  files: Record<string, string | Response>,
  now: number,
) {
  const fetch: typeof globalThis.fetch = async (input) => {
    const answer = files[String(input)];
    if (answer instanceof Response) return answer.clone();
    return answer
      ? new Response(fixture(answer))
      : new Response('<!doctype html><title>Not found</title>', { status: 404 });
  };
  const read = recordRead(undefined, await readFirstAnswering(provider.sources, { fetch }), now);
  return Object.fromEntries(
    provider.products.map((p) => [p.id, officialReading(p, provider.name, read, now).state]),
  );
}

const SEPT_3 = Date.parse('2026-09-03T17:52:00Z');

describe('the catalog on real pages', () => {
  it('GitHub Copilot: an open incident counts while the indicator says "none"', async () => {
    const page = 'https://www.githubstatus.com/api/v2/summary.json';
    expect(
      await statesOf(GITHUB, { [page]: 'statuspage/github/healthy/summary.json' }, SEPT_3),
    ).toEqual({ 'github-copilot': 'operational' });
    expect(
      await statesOf(GITHUB, { [page]: 'statuspage/github/copilot-incident/summary.json' }, SEPT_3),
    ).toEqual({ 'github-copilot': 'degraded' });
  });

  it('GitHub Copilot: "Copilot AI Model Providers" down alone is Copilot degraded, not down', async () => {
    const summary = JSON.parse(fixture('statuspage/github/healthy/summary.json'));
    const providers = summary.components.find(
      (c: { name: string }) => c.name === 'Copilot AI Model Providers',
    );
    providers.status = 'major_outage';
    const page = 'https://www.githubstatus.com/api/v2/summary.json';
    const states = await statesOf(
      GITHUB,
      { [page]: new Response(JSON.stringify(summary)) },
      SEPT_3,
    );
    expect(states).toEqual({ 'github-copilot': 'degraded' });
  });

  it("Claude: each product from its own component, from the page's Statuspage host when status.claude.com challenges", async () => {
    const challenge = new Response('<html><body>405 Not Allowed (CloudFront)</body></html>', {
      status: 405,
      headers: { 'content-type': 'text/html' },
    });
    const states = await statesOf(
      ANTHROPIC,
      {
        'https://status.claude.com/api/v2/components.json': challenge,
        'https://status.claude.com/api/v2/summary.json': challenge,
        'https://anthropic.statuspage.io/api/v2/summary.json':
          'statuspage/anthropic/outage/summary.json',
      },
      SEPT_3,
    );
    expect(states).toEqual({
      claude: 'partial_outage',
      'claude-api': 'operational',
      'claude-code': 'operational',
    });
  });

  it('Perplexity: the v2 summary Perplexity was seen serving, Instatus v3 after', async () => {
    const v2 = 'https://status.perplexity.com/v2/summary.json';
    const v3 = 'https://status.perplexity.com/v3/summary.json';
    expect(
      await statesOf(PERPLEXITY, { [v2]: 'instatus/perplexity/healthy/summary.json' }, SEPT_3),
    ).toEqual({ perplexity: 'operational' });
    expect(
      await statesOf(PERPLEXITY, { [v2]: 'instatus/perplexity/outage/summary.json' }, SEPT_3),
    ).toEqual({ perplexity: 'major_outage' });
    expect(
      await statesOf(PERPLEXITY, { [v3]: 'instatus/perplexity/outage/summary.json' }, SEPT_3),
    ).toEqual({ perplexity: 'major_outage' });
  });

  it('Perplexity: one request a read where the page serves v2 (the fleet counts each)', async () => {
    const asked: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      asked.push(String(input));
      return new Response(fixture('instatus/perplexity/healthy/summary.json'));
    };
    await readFirstAnswering(PERPLEXITY.sources, { fetch });
    expect(asked).toEqual(['https://status.perplexity.com/v2/summary.json']);
  });

  it('Groq: the whole page, from the compat summary', async () => {
    const page = 'https://groqstatus.com/api/v2/summary.json';
    expect(
      await statesOf(GROQ, { [page]: 'incident-io-compat/groq/healthy/summary.json' }, SEPT_3),
    ).toEqual({ groq: 'operational' });
  });
});
