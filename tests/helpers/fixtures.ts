import { readFileSync } from 'node:fs';

/** A fixture file's text. Throws if missing, so a test never passes on an absent sample. */
export function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

const urlOf = (input: string | URL | Request) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

/**
 * A `fetch` that answers real status URLs from fixture files: `files` maps a URL to a
 * fixture path in which `{s}` is the current scenario. A scenario that is a Response is
 * answered as is (errors, bot challenges); any other URL gets an HTML 404, as a real page.
 */
export function fixturesAt(
  files: Readonly<Record<string, string>>,
  scenario: () => string | Response,
): typeof fetch {
  return async (input) => {
    const current = scenario();
    if (current instanceof Response) return current.clone();
    const path = files[urlOf(input)];
    if (!path) return new Response('<!doctype html><title>Not found</title>', { status: 404 });
    return new Response(fixture(path.replace('{s}', current)));
  };
}

/** The state of status.openai.com a fake fetch serves: one fixture folder per scenario. */
export type OpenAiScenario = 'healthy' | 'outage' | 'drift' | 'hostile';

/** A `fetch` that answers status.openai.com's real URLs from a fixture folder. */
export function fixtureFetch(scenario: () => OpenAiScenario | Response): typeof fetch {
  return fixturesAt(
    {
      'https://status.openai.com/api/v2/summary.json': 'openai/{s}/summary.json',
      'https://status.openai.com/proxy/status.openai.com': 'openai/{s}/proxy.json',
    },
    scenario,
  );
}
