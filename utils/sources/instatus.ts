import { worstState, type ComponentState } from '../core/states';
import { fetchText, type FetchTextOptions } from './fetch-text';
import { asArray, asHttpUrl, asObject, asText, asTime, type JsonObject } from '../core/json';
import { parseJsonObject } from './statuspage';
import { failure, type Parsed, type SourceIncident, type SourceReport } from './types';

/*
 * Instatus pages' public `summary.json` (https://instatus.com/help/api/public-data):
 * `{ page: { name, url, status }, activeIncidents?, activeMaintenances? }`. The two lists are
 * left out entirely when empty, incidents carry no `id` in the documented example, and
 * `started` may be a JavaScript date string ("Sat Jun 11 2022 18:55:50 GMT+0000 (...)")
 * rather than ISO 8601: Date.parse reads both. The summary lists no components.
 */

/** Instatus impact / component status → state (https://instatus.com/help/api). */
const IMPACTS: Record<string, ComponentState> = {
  OPERATIONAL: 'operational',
  UNDERMAINTENANCE: 'maintenance',
  DEGRADEDPERFORMANCE: 'degraded',
  PARTIALOUTAGE: 'partial_outage',
  MINOROUTAGE: 'partial_outage',
  MAJOROUTAGE: 'major_outage',
};

/** Own keys only: "constructor" from the network must not find Object's. */
const impactOf = (value: unknown) =>
  typeof value === 'string' && Object.hasOwn(IMPACTS, value) ? IMPACTS[value] : undefined;

const ENDED_STATUSES = new Set(['RESOLVED', 'COMPLETED']);

/** An open incident is trouble whatever its impact says: at least degraded, never operational. */
function incidentImpact(value: unknown): ComponentState {
  const state = impactOf(value);
  return !state || state === 'operational' || state === 'maintenance' ? 'degraded' : state;
}

/**
 * `page.status`: UP, HASISSUES, UNDERMAINTENANCE, and on newer pages a scope plus a component
 * status (ALLMAJOROUTAGE, SOMEPARTIALOUTAGE, ONEDEGRADEDPERFORMANCE...). A major outage of
 * some or one component is a partial outage of the page. Anything else: no page-wide state.
 */
function pageState(value: unknown, incidents: SourceIncident[]): ComponentState | undefined {
  if (value === 'UP') return 'operational';
  if (value === 'UNDERMAINTENANCE') return 'maintenance';
  if (value === 'HASISSUES') {
    return worstState(['degraded', ...incidents.map((incident) => incident.impact)]);
  }
  const scoped = typeof value === 'string' ? /^(ALL|SOME|ONE)([A-Z]+)$/.exec(value) : null;
  const state = impactOf(scoped?.[2]);
  if (!scoped || !state) return undefined;
  return state === 'major_outage' && scoped[1] !== 'ALL' ? 'partial_outage' : state;
}

function toIncident(row: JsonObject | undefined, maintenance: boolean): SourceIncident | undefined {
  const title = asText(row?.name);
  const status = asText(row?.status, 40) ?? 'UNKNOWN';
  if (!row || !title || ENDED_STATUSES.has(status)) return undefined;
  // A maintenance is news only while it runs; a scheduled one changes nothing yet.
  if (maintenance && status !== 'INPROGRESS') return undefined;
  const url = asHttpUrl(row.url);
  // No `id` in the documented shape: the incident page's last path segment is stable.
  const id = asText(row.id, 100) ?? (url ? new URL(url).pathname.split('/').pop() : undefined);
  return {
    id: id || title,
    title,
    impact: maintenance ? 'maintenance' : incidentImpact(row.impact),
    status: status.toLowerCase(),
    startedAt: asTime(row.started) ?? asTime(row.start),
    updatedAt: asTime(row.updatedAt),
    url,
    componentIds: [],
  };
}

/** Parses an Instatus `summary.json`. `pageUrl` is kept for symmetry: its links are absolute. */
export function parseInstatusSummary(text: string, _pageUrl: string): Parsed<SourceReport> {
  const root = parseJsonObject(text);
  if (!root.ok) return root;
  const page = asObject(root.value.page);
  if (!page) return failure('bad_shape', 'no page object');
  const read = (list: unknown, maintenance: boolean) =>
    (asArray(list) ?? [])
      .map((row) => toIncident(asObject(row), maintenance))
      .filter((incident) => incident !== undefined);
  const incidents = read(root.value.activeIncidents, false);
  const maintenances = read(root.value.activeMaintenances, true);
  const overall = pageState(page.status, incidents);
  return {
    ok: true,
    value: {
      components: [],
      incidents: [...incidents, ...maintenances],
      ...(overall ? { overall } : {}),
    },
  };
}

/** Where an Instatus page serves its summary unless told otherwise. */
export const INSTATUS_SUMMARY_PATH = '/v3/summary.json';

/**
 * Reads an Instatus page's summary at `baseUrl` + `path`. `/v3/summary.json` by default (seen
 * live for Wistia, identical to the legacy `/summary.json`); a page seen answering another
 * path names it, e.g. `/v2/summary.json` for status.perplexity.com.
 */
export async function readInstatus(
  baseUrl: string,
  options?: FetchTextOptions,
  path: string = INSTATUS_SUMMARY_PATH,
): Promise<Parsed<SourceReport>> {
  const body = await fetchText(`${baseUrl}${path}`, options);
  return body.ok ? parseInstatusSummary(body.value, baseUrl) : body;
}
