import { browser } from 'wxt/browser';
import { worstState, type ComponentState } from '../core/states';
import { readSource, type SourceRef } from '../sources';
import type { FetchTextOptions } from '../sources/fetch-text';
import type { SourceReport } from '../sources/types';

/** What a status page URL turned out to be, for the options page. */
export type StatusPageDetection =
  | { ok: true; source: SourceRef; name: string; state: string }
  | { ok: false; reason: 'permission' | 'not_found' | 'invalid_url' };

/** A URL that names a feed itself (status.x.ai/feed.xml, a Statuspage's /history.atom). */
const FEED_PATH = /(\.(rss|atom|xml)|\/feed|\/rss)\/?$/i;

/**
 * Every format we read, as it would sit at this URL: the platforms serve their JSON under
 * the page's origin, a feed is the URL itself. Tried in this order, so an incident.io page
 * (which also serves a Statuspage-compatible summary) reads as Statuspage, the format the
 * catalog reads such pages with too.
 */
export function candidateSources(url: URL): SourceRef[] {
  const baseUrl = url.origin;
  const feed: SourceRef = { format: 'feed', url: url.href };
  const platforms: SourceRef[] = [
    { format: 'statuspage', baseUrl },
    { format: 'incident-io', baseUrl },
    { format: 'instatus', baseUrl },
    // Instatus' older path, still the one status.perplexity.com answers.
    { format: 'instatus', baseUrl, path: '/v2/summary.json' },
    { format: 'betterstack', baseUrl },
  ];
  if (FEED_PATH.test(url.pathname)) return [feed, ...platforms];
  // A page's home (a path of "/") is HTML, never a feed: one request saved.
  return url.pathname === '/' ? platforms : [...platforms, feed];
}

/** An https URL without credentials, or null: the only kind of page we add. */
function statusPageUrl(value: string): URL | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && !url.username && !url.password && url.hostname.includes('.')
      ? url
      : null;
  } catch {
    return null;
  }
}

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() ? value.trim().replace(/\s+/g, ' ').slice(0, 60) : null;

/**
 * The page's own name in the body that parsed: Statuspage, Instatus and incident.io's
 * `page.name` / `summary.name`, Better Stack's `company_name`, a feed's first `<title>`.
 * Network text: the options page renders it as text, and the user can rename it.
 */
export function pageName(body: string): string | null {
  try {
    const json = JSON.parse(body) as Record<string, Record<string, unknown> | undefined>;
    const attributes = (json.data as { attributes?: Record<string, unknown> } | undefined)
      ?.attributes;
    return text(json.page?.name) ?? text(json.summary?.name) ?? text(attributes?.company_name);
  } catch {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
    return title ? text(title.replace(/&amp;/g, '&')) : null;
  }
}

/** The page's state right now: what it says of itself, else its worst component or incident. */
function overallState(report: SourceReport): ComponentState {
  if (report.overall) return report.overall;
  const states = [
    ...report.components.map((component) => component.state),
    ...report.incidents.map((incident) => incident.impact),
  ];
  return states.length ? worstState(['operational', ...states]) : 'operational';
}

/**
 * Which of our formats a status page URL speaks, read by the worker with the adapters the
 * radar uses (so what is detected is what will be read). A page that answered nothing
 * because we may not read its host (no CORS, no permission) says `permission`: the options
 * page then asks for that one origin, on the user's click, and detects again.
 */
export async function detectStatusPage(
  input: string,
  options: FetchTextOptions = {},
  hasAccess: (origin: string) => Promise<boolean> = hostGranted,
): Promise<StatusPageDetection> {
  const url = statusPageUrl(input);
  if (!url) return { ok: false, reason: 'invalid_url' };
  const doFetch = options.fetch ?? fetch;
  // The adapters keep the report, not the page's name: keep each body they were answered.
  const bodies = new Map<string, Promise<string>>();
  const fetchKeeping: typeof fetch = async (request, init) => {
    const response = await doFetch(request, init);
    const href =
      typeof request === 'string' ? request : String((request as Request).url ?? request);
    if (response.ok)
      bodies.set(
        href,
        response
          .clone()
          .text()
          .catch(() => ''),
      );
    return response;
  };
  let blocked = false;
  for (const source of candidateSources(url)) {
    bodies.clear();
    const result = await readSource(source, { ...options, fetch: fetchKeeping });
    if (result.ok) {
      const names = await Promise.all([...bodies.values()]);
      const name = names.map(pageName).find((found) => found) ?? url.host;
      return { ok: true, source, name, state: overallState(result.value) };
    }
    if (result.error.code === 'network') blocked = true;
  }
  if (blocked && !(await hasAccess(url.origin))) return { ok: false, reason: 'permission' };
  return { ok: false, reason: 'not_found' };
}

/** Whether the extension may read this origin (its own host permission or one granted). */
async function hostGranted(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [`${origin}/*`] });
  } catch {
    return false;
  }
}
