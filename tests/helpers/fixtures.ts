import { readFileSync } from 'node:fs';

/** A fixture file's text. Throws if missing, so a test never passes on an absent sample. */
export function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

/** The state of status.openai.com a fake fetch serves: one fixture folder per scenario. */
export type OpenAiScenario = 'healthy' | 'outage' | 'hostile';

/**
 * A `fetch` that answers status.openai.com's real URLs from a fixture folder, and 404s
 * anything else, as an HTML page would.
 */
export function fixtureFetch(scenario: () => OpenAiScenario | Response): typeof fetch {
  return async (input) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    const current = scenario();
    if (current instanceof Response) return current.clone();
    const files: Record<string, string> = {
      '/api/v2/components.json': 'components.json',
      '/api/v2/summary.json': 'summary.json',
      '/proxy/status.openai.com': 'proxy.json',
    };
    const file = url.host === 'status.openai.com' ? files[url.pathname] : undefined;
    if (!file) return new Response('<!doctype html><title>Not found</title>', { status: 404 });
    return new Response(fixture(`openai/${current}/${file}`), {
      headers: { 'content-type': 'application/json' },
    });
  };
}
