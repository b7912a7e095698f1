import { worstState, type ComponentState } from '../core/states';
import { fetchText, type FetchTextOptions } from './fetch-text';
import { asArray, asObject, asText, asTime, latestOf, type JsonObject } from '../core/json';
import { parseJsonObject } from './statuspage';
import {
  failure,
  type Parsed,
  type SourceComponent,
  type SourceIncident,
  type SourceReport,
} from './types';

/*
 * Better Stack status pages' public `index.json`, a JSON:API document
 * (https://betterstack.com/docs/uptime/status-pages/subscribing-to-status-updates/subscribing-to-api/):
 * `data.attributes.aggregate_state` is the page-wide state; `included[]` mixes sections
 * (`status_page_section`), components (`status_page_resource`), recent reports
 * (`status_report`, resolved ones too) and their updates (`status_update`). Ids are strings,
 * but a resource's `status_page_section_id` is a number: ids are compared as strings. The one
 * real sample we have (status.betterstack.com, 2026-09; tests/fixtures/betterstack/PROVENANCE.md)
 * shows a resolved report with `ends_at: null`, and a report naming a resource that the
 * (trimmed) `included` does not list. No capture of status.huggingface.co exists.
 */

/** Page, resource and report states (https://betterstack.com/docs/uptime/api/). */
const STATES: Record<string, ComponentState> = {
  operational: 'operational',
  degraded: 'degraded',
  downtime: 'major_outage',
  maintenance: 'maintenance',
};

/** A state Better Stack names, case-insensitively (its API docs capitalize them); else undefined. */
const stateOf = (value: unknown) => {
  const key = typeof value === 'string' ? value.toLowerCase() : '';
  // Own keys only: "constructor" from the network must not find Object's.
  return Object.hasOwn(STATES, key) ? STATES[key] : undefined;
};

/** A JSON:API id, string or number, as a string. */
const idOf = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : asText(value, 100);

interface Resource {
  type: string;
  id: string;
  attributes: JsonObject;
  relationships?: JsonObject;
}

function resourcesOf(included: unknown): Resource[] {
  return (asArray(included) ?? []).flatMap((entry) => {
    const row = asObject(entry);
    const type = asText(row?.type, 60);
    const id = idOf(row?.id);
    const attributes = asObject(row?.attributes);
    if (!type || !id || !attributes) return [];
    return [{ type, id, attributes, relationships: asObject(row?.relationships) }];
  });
}

function toIncident(
  report: Resource,
  components: Map<string, SourceComponent>,
  updates: Map<string, number | null>,
  pageUrl: string,
  now: number,
): SourceIncident | undefined {
  const { attributes } = report;
  const title = asText(attributes.title);
  const state = asText(attributes.aggregate_state, 40)?.toLowerCase() ?? 'unknown';
  const startsAt = asTime(attributes.starts_at);
  const endsAt = asTime(attributes.ends_at);
  // Live pages leave `ends_at` null on resolved reports: `aggregate_state` says it is over.
  if (!title || state === 'resolved' || (endsAt !== null && endsAt <= now)) return undefined;
  const maintenance = attributes.report_type === 'maintenance';
  // A maintenance announced for later changes nothing yet.
  if (maintenance && startsAt !== null && startsAt > now) return undefined;
  const affected = (asArray(attributes.affected_resources) ?? [])
    .map(asObject)
    .filter((entry) => entry !== undefined);
  const componentIds = affected
    .map((entry) => idOf(entry.status_page_resource_id))
    .filter((id) => id !== undefined);
  // An open report is trouble whatever its fields say (at least degraded), or maintenance.
  const impact = maintenance
    ? 'maintenance'
    : worstState([
        'degraded',
        stateOf(state) ?? 'degraded',
        ...affected.map((entry) => stateOf(entry.status) ?? 'degraded'),
      ]);
  const updateIds = asArray(asObject(report.relationships?.status_updates)?.data) ?? [];
  const times = updateIds
    .map((ref) => updates.get(idOf(asObject(ref)?.id) ?? '') ?? null)
    .filter((time) => time !== null);
  const names = componentIds
    .map((id) => components.get(id)?.name)
    .filter((name) => name !== undefined);
  return {
    id: report.id,
    title,
    impact,
    status: state,
    startedAt: startsAt,
    updatedAt: latestOf(times),
    // Incident pages live at /incident/<id>; a maintenance links to the page itself.
    url: maintenance ? pageUrl : `${pageUrl}/incident/${encodeURIComponent(report.id)}`,
    componentIds,
    ...(names.length ? { componentNames: names } : {}),
  };
}

/**
 * Parses a Better Stack `index.json`: the page-wide state, every resource as a component
 * (grouped by its section) and the open status reports. `pageUrl` is the page's origin, for
 * report links; `now` decides whether a report's window has passed.
 */
export function parseBetterStackIndex(
  text: string,
  pageUrl: string,
  now = Date.now(),
): Parsed<SourceReport> {
  const root = parseJsonObject(text);
  if (!root.ok) return root;
  const page = asObject(asObject(root.value.data)?.attributes);
  if (!page) return failure('bad_shape', 'no data.attributes object');
  const resources = resourcesOf(root.value.included);
  const ofType = (type: string) => resources.filter((resource) => resource.type === type);
  const sections = new Map(
    ofType('status_page_section').map((s) => [s.id, asText(s.attributes.name)]),
  );
  const components = new Map<string, SourceComponent>();
  for (const { id, attributes } of ofType('status_page_resource')) {
    const name = asText(attributes.public_name);
    if (!name) continue;
    const group = sections.get(idOf(attributes.status_page_section_id) ?? '');
    // `not_monitored` and anything unknown: we cannot tell, never "operational".
    const state = stateOf(attributes.status) ?? 'unknown';
    components.set(id, { id, name, ...(group ? { group } : {}), state });
  }
  const overall = stateOf(page.aggregate_state);
  if (!overall && components.size === 0) return failure('bad_shape', 'no state nor resource');
  const updates = new Map(
    ofType('status_update').map((u) => [u.id, asTime(u.attributes.published_at)]),
  );
  const incidents = ofType('status_report')
    .map((report) => toIncident(report, components, updates, pageUrl, now))
    .filter((incident) => incident !== undefined);
  return {
    ok: true,
    value: { components: [...components.values()], incidents, ...(overall ? { overall } : {}) },
  };
}

/** Reads a Better Stack page's `index.json`, e.g. `https://status.huggingface.co/index.json`. */
export async function readBetterStack(
  baseUrl: string,
  options?: FetchTextOptions,
): Promise<Parsed<SourceReport>> {
  const body = await fetchText(`${baseUrl}/index.json`, options);
  const now = options?.now ?? Date.now;
  return body.ok ? parseBetterStackIndex(body.value, baseUrl, now()) : body;
}
