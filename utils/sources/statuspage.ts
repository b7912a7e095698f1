import type { ComponentState } from '../core/states';
import { fetchText, type FetchTextOptions } from './fetch-text';
import {
  asArray,
  asHttpUrl,
  asObject,
  asText,
  asTime,
  lookup,
  parseJson,
  type JsonObject,
} from '../core/json';
import {
  failure,
  type Parsed,
  type SourceComponent,
  type SourceIncident,
  type SourceResult,
} from './types';

/*
 * Atlassian Statuspage v2 public API (https://metastatuspage.com/api/v2), which incident.io
 * pages such as status.openai.com also serve for compatibility.
 */

const COMPONENT_STATES: Record<string, ComponentState> = {
  operational: 'operational',
  degraded_performance: 'degraded',
  partial_outage: 'partial_outage',
  major_outage: 'major_outage',
  // incident.io's compatibility layer may pass its own name through.
  full_outage: 'major_outage',
  under_maintenance: 'maintenance',
};

/** Statuspage incident impact → the state it implies (an incident of impact "none" is still news). */
const INCIDENT_IMPACTS: Record<string, ComponentState> = {
  none: 'degraded',
  minor: 'degraded',
  major: 'partial_outage',
  critical: 'major_outage',
  maintenance: 'maintenance',
};

/** Statuspage `status.indicator` → the page-wide state it stands for. */
const PAGE_INDICATORS: Record<string, ComponentState> = {
  none: 'operational',
  minor: 'degraded',
  major: 'partial_outage',
  critical: 'major_outage',
  maintenance: 'maintenance',
};

/** The page-wide state of `summary.json` / `status.json`, when it states a known one. */
export function parseStatuspageIndicator(text: string): ComponentState | undefined {
  const root = parseJsonObject(text);
  const indicator = root.ok ? asObject(root.value.status)?.indicator : undefined;
  return lookup(PAGE_INDICATORS, indicator);
}

const ENDED_INCIDENT_STATUSES = new Set(['resolved', 'postmortem', 'completed']);

/** Normalizes a Statuspage component status; anything unexpected is `unknown`. */
export function statuspageComponentState(status: unknown): ComponentState {
  return lookup(COMPONENT_STATES, status) ?? 'unknown';
}

/** Parses JSON text into an object, or fails with the reason a person would want. */
export function parseJsonObject(text: string): Parsed<JsonObject> {
  const json = parseJson(text);
  if (!json.ok) {
    return failure('not_json', /^\s*</.test(text) ? 'an HTML page, not JSON' : 'unreadable JSON');
  }
  const object = asObject(json.value);
  return object ? { ok: true, value: object } : failure('bad_shape', 'not a JSON object');
}

/**
 * Components of `components.json` or `summary.json`. Group rows are dropped (their status
 * only aggregates their children); each child carries its group's name. `grouped` says
 * whether the rows carry Statuspage's layout fields at all: incident.io's compatible JSON
 * leaves out `group` and `group_id`, so its list says nothing of groups.
 */
export function parseStatuspageComponents(
  text: string,
): Parsed<{ components: SourceComponent[]; grouped: boolean }> {
  const root = parseJsonObject(text);
  if (!root.ok) return root;
  const rows = asArray(root.value.components)
    ?.map(asObject)
    .filter((row) => row !== undefined);
  if (!rows) return failure('bad_shape', 'no components array');
  const groupNames = new Map<string, string>();
  for (const row of rows) {
    const id = asText(row.id);
    const name = asText(row.name);
    if (row.group === true && id && name) groupNames.set(id, name);
  }
  const components: SourceComponent[] = [];
  for (const row of rows) {
    const id = asText(row.id);
    const name = asText(row.name);
    if (!id || !name || row.group === true) continue;
    const groupId = asText(row.group_id);
    const group = groupId ? groupNames.get(groupId) : undefined;
    components.push({
      id,
      name,
      ...(group ? { group } : {}),
      state: statuspageComponentState(row.status),
    });
  }
  if (components.length === 0) return failure('bad_shape', 'no component listed');
  const grouped = rows.some((row) => typeof row.group === 'boolean');
  return { ok: true, value: { components, grouped } };
}

/** Unresolved incidents and in-progress maintenances of `summary.json`. */
export function parseStatuspageIncidents(text: string): Parsed<SourceIncident[]> {
  const root = parseJsonObject(text);
  if (!root.ok) return root;
  // No open incident: Statuspage says `[]`; incident.io's compatible summary leaves the key
  // out entirely (status.openai.com, captured 2026-10-09); `null` reads the same.
  const listed = root.value.incidents;
  const incidentRows = listed === undefined || listed === null ? [] : asArray(listed);
  if (!incidentRows) return failure('bad_shape', 'no incidents array');
  const maintenanceRows = (asArray(root.value.scheduled_maintenances) ?? []).filter(
    (row) => asObject(row)?.status === 'in_progress',
  );
  const incidents = [...incidentRows, ...maintenanceRows]
    .map((row) => toIncident(asObject(row)))
    .filter((incident) => incident !== undefined);
  return { ok: true, value: incidents };
}

function toIncident(row: JsonObject | undefined): SourceIncident | undefined {
  const id = asText(row?.id);
  const title = asText(row?.name);
  const status = asText(row?.status, 40) ?? 'unknown';
  if (!row || !id || !title || ENDED_INCIDENT_STATUSES.has(status)) return undefined;
  const impact =
    status === 'in_progress' ? 'maintenance' : (lookup(INCIDENT_IMPACTS, row.impact) ?? 'degraded');
  const componentIds = (asArray(row.components) ?? [])
    .map((component) => asText(asObject(component)?.id))
    .filter((componentId) => componentId !== undefined);
  return {
    id,
    title,
    impact,
    status,
    startedAt: asTime(row.started_at) ?? asTime(row.created_at),
    updatedAt: asTime(row.updated_at),
    url: asHttpUrl(row.shortlink),
    componentIds,
  };
}

/**
 * Reads a Statuspage(-compatible) page: the full component list from `components.json`
 * (summary.json may omit some on large pages) and incidents from `summary.json`, fetched in
 * parallel. Components set the states, so without them the read fails; without incidents
 * it still succeeds, with states but no titles.
 */
export async function readStatuspage(
  baseUrl: string,
  options?: FetchTextOptions,
): Promise<SourceResult> {
  const [componentsBody, summaryBody] = await Promise.all([
    fetchText(`${baseUrl}/api/v2/components.json`, options),
    fetchText(`${baseUrl}/api/v2/summary.json`, options),
  ]);
  const fromComponentsJson = componentsBody.ok
    ? parseStatuspageComponents(componentsBody.value)
    : componentsBody;
  const components = fromComponentsJson.ok
    ? fromComponentsJson
    : summaryBody.ok
      ? parseStatuspageComponents(summaryBody.value)
      : summaryBody;
  // Report the components.json failure: it is the endpoint we asked for first.
  if (!components.ok) return fromComponentsJson.ok ? components : fromComponentsJson;
  const incidents = summaryBody.ok ? parseStatuspageIncidents(summaryBody.value) : undefined;
  const overall = summaryBody.ok ? parseStatuspageIndicator(summaryBody.value) : undefined;
  return {
    ok: true,
    value: {
      components: components.value.components,
      incidents: incidents?.ok ? incidents.value : [],
      ...(overall ? { overall } : {}),
      ...(components.value.grouped ? { grouped: true } : {}),
    },
  };
}
