import type { ComponentState } from '../core/states';
import { fetchText, type FetchTextOptions } from './fetch-text';
import {
  asArray,
  asHttpUrl,
  asObject,
  asText,
  asTime,
  parseJson,
  type JsonObject,
} from '../core/json';
import {
  failure,
  type Parsed,
  type SourceIncident,
  type SourceReport,
  type SourceResult,
} from './types';

/*
 * Google's status dashboards (Cloud: https://status.cloud.google.com, Workspace:
 * https://www.google.com/appsstatus/dashboard/) publish their "JSON History", `incidents.json`:
 * a bare array of every recent incident, open and closed, described by `incidents.schema.json`
 * next to it. There is no component list and no page-wide state: an incident is open while its
 * `end` is absent (Cloud's open incidents have no `end` key at all; `null` is accepted too), and
 * names what it hits in `affected_products[]` (`{title, id}`, plus `current_title` since 2026).
 * Times are ISO 8601 with "+00:00". See tests/fixtures/google/PROVENANCE.md.
 */

/**
 * `status_impact` → state. Google marks only major incidents (global, or many customers
 * unable to work) as "Service outage" (https://cloud.google.com/support/docs/dashboard).
 * "Service disruption" covers anything from one region's latency to broad errors, so only a
 * disruption Google itself rates `high` counts as a partial outage; `low`/`medium` ones are
 * degraded. "Service information" is a notice about a known issue: still news, so degraded.
 */
function impactOf(row: JsonObject): ComponentState {
  switch (row.status_impact) {
    case 'SERVICE_OUTAGE':
      return 'major_outage';
    case 'SERVICE_DISRUPTION':
      return row.severity === 'high' ? 'partial_outage' : 'degraded';
    default:
      // SERVICE_INFORMATION, or a value we do not know: an open incident is at least degraded.
      return 'degraded';
  }
}

/** Parses JSON text into an array, or fails with the reason a person would want. */
function parseJsonArray(text: string): Parsed<unknown[]> {
  const json = parseJson(text);
  if (!json.ok) {
    return failure('not_json', /^\s*</.test(text) ? 'an HTML page, not JSON' : 'unreadable JSON');
  }
  const array = asArray(json.value);
  return array ? { ok: true, value: array } : failure('bad_shape', 'not a JSON array');
}

/**
 * `external_desc` is Markdown and sometimes starts with a "**Title:**" line: keep the first
 * line of real text, without the bold marks. Never parsed as markup: it stays plain text.
 */
function titleOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const lines = value
    .replace(/\*\*/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*title:\s*/i, '').trim());
  return asText(lines.find((line) => line.length > 0));
}

/** `uri` is relative to the dashboard ("incidents/<id>"); only an http(s) result is a link. */
function linkOf(uri: unknown, pageUrl: string): string | null {
  if (typeof uri !== 'string' || !uri.trim()) return null;
  try {
    return asHttpUrl(new URL(uri.trim(), pageUrl).href);
  } catch {
    return null;
  }
}

/** An open incident untouched this long is a forgotten notice, not an outage. */
const ABANDONED_AFTER_MS = 14 * 24 * 60 * 60_000;

function toIncident(row: JsonObject, pageUrl: string, now: number): SourceIncident | undefined {
  // Open while `end` is absent (as every Cloud capture shows), null or empty, or still ahead.
  const end = asTime(row.end);
  if (end !== null && end <= now) return undefined;
  // Google leaves some notices open for months (a known issue, a deprecation). One that no
  // one has updated in two weeks is not an outage happening now.
  const touched = asTime(row.modified) ?? asTime(asObject(row.most_recent_update)?.when);
  if (touched !== null && now - touched > ABANDONED_AFTER_MS) return undefined;
  const products = (asArray(row.affected_products) ?? [])
    .map(asObject)
    .filter((product) => product !== undefined);
  // `service_name` is often "Multiple Products": the product titles are what names Gemini.
  // Since 2026 Cloud's products also carry the name the console shows now, `current_title`
  // ("Vertex Gemini API" is "Gemini on Agent Platform"): either one names the product.
  const names = [
    ...new Set(
      [
        ...products.flatMap((product) => [asText(product.title), asText(product.current_title)]),
        asText(row.service_name),
      ].filter((name) => name !== undefined),
    ),
  ];
  const id = asText(row.id, 100);
  const title = titleOf(row.external_desc) ?? names[0];
  if (!id || !title) return undefined;
  const update = asObject(row.most_recent_update);
  const status = asText(update?.status, 40) ?? asText(row.status_impact, 40) ?? 'unknown';
  return {
    id,
    title,
    impact: impactOf(row),
    status: status.toLowerCase(),
    startedAt: asTime(row.begin) ?? asTime(row.created),
    updatedAt: asTime(row.modified) ?? asTime(update?.when),
    url: linkOf(row.uri, pageUrl),
    componentIds: products.map((product) => asText(product.id)).filter((x) => x !== undefined),
    componentNames: names,
  };
}

/**
 * Parses a Google dashboard's `incidents.json` into its open incidents (no components, no
 * overall state). `pageUrl` is the dashboard's folder, which incident `uri`s are relative to;
 * `now` decides whether an `end` has passed.
 */
export function parseGoogleIncidents(
  text: string,
  pageUrl: string,
  now = Date.now(),
): Parsed<SourceReport> {
  const rows = parseJsonArray(text);
  if (!rows.ok) return rows;
  const incidents = rows.value
    .map(asObject)
    .filter((row) => row !== undefined)
    .map((row) => toIncident(row, pageUrl, now))
    .filter((incident) => incident !== undefined);
  return { ok: true, value: { components: [], incidents } };
}

/**
 * Reads a Google dashboard's `incidents.json`, e.g.
 * `https://status.cloud.google.com/incidents.json` or
 * `https://www.google.com/appsstatus/dashboard/incidents.json`.
 */
export async function readGoogleIncidents(
  url: string,
  options?: FetchTextOptions,
): Promise<SourceResult> {
  const body = await fetchText(url, options);
  const now = options?.now ?? Date.now;
  return body.ok ? parseGoogleIncidents(body.value, new URL('./', url).href, now()) : body;
}
