import { worseOf, worstState, type ComponentState } from '../core/states';
import { fetchText, type FetchTextOptions } from './fetch-text';
import { asArray, asObject, asText, asTime, latestOf, lookup, type JsonObject } from '../core/json';
import { parseJsonObject } from './statuspage';
import {
  failure,
  type Parsed,
  type SourceComponent,
  type SourceIncident,
  type SourceReport,
} from './types';

/*
 * incident.io status pages' native feed, `https://<host>/proxy/<host>`: the JSON the page's
 * own front end loads. `summary.structure.items` lists groups and components;
 * `summary.affected_components` lists only the components that are not operational, so a
 * listed component absent from it is operational.
 */

const IMPACT_STATES: Record<string, ComponentState> = {
  operational: 'operational',
  degraded_performance: 'degraded',
  partial_outage: 'partial_outage',
  full_outage: 'major_outage',
  major_outage: 'major_outage',
  under_maintenance: 'maintenance',
};

function impactState(value: unknown): ComponentState {
  // An affected component with a status we do not know is still affected: never operational.
  return lookup(IMPACT_STATES, value) ?? 'degraded';
}

interface ListedComponent {
  id: string;
  name: string;
  group?: string;
}

/**
 * Components as the page lays them out, hidden ones left out; `grouped` when the layout came
 * from `structure` (the flat `components` list, a fallback, says nothing of groups).
 */
function listComponents(summary: JsonObject): { listed: ListedComponent[]; grouped: boolean } {
  const listed: ListedComponent[] = [];
  const add = (row: JsonObject | undefined, group?: string) => {
    const id = asText(row?.component_id) ?? asText(row?.id);
    const name = asText(row?.name);
    if (row && id && name && row.hidden !== true)
      listed.push({ id, name, ...(group ? { group } : {}) });
  };
  for (const item of asArray(asObject(summary.structure)?.items) ?? []) {
    const group = asObject(asObject(item)?.group);
    if (group) {
      if (group.hidden === true) continue;
      const groupName = asText(group.name);
      for (const child of asArray(group.components) ?? []) add(asObject(child), groupName);
    } else {
      add(asObject(asObject(item)?.component));
    }
  }
  if (listed.length > 0) return { listed, grouped: true };
  for (const row of asArray(summary.components) ?? []) add(asObject(row));
  return { listed, grouped: false };
}

function toIncident(
  row: JsonObject | undefined,
  pageUrl: string,
  now: number,
  impact?: ComponentState,
): SourceIncident | undefined {
  const id = asText(row?.id);
  const title = asText(row?.name);
  if (!row || !id || !title) return undefined;
  const impacts = [
    ...(asArray(row.component_impacts) ?? []),
    ...(asArray(row.affected_components) ?? []),
  ]
    .map(asObject)
    .filter((entry) => entry !== undefined);
  const impactOn = new Map<string, ComponentState>();
  for (const entry of impacts) {
    const componentId = asText(entry.component_id);
    // A component impact that has ended (`end_at` passed) no longer weighs on it.
    const endAt = asTime(entry.end_at);
    if (!componentId || (endAt !== null && endAt <= now)) continue;
    const state = impact ?? impactState(entry.status);
    impactOn.set(componentId, worseOf(impactOn.get(componentId) ?? state, state));
  }
  const componentIds = [...impactOn.keys()];
  // An ongoing incident is at least "degraded", whatever its fields say.
  const worst =
    impact ??
    worstState([
      impactState(row.current_worst_impact),
      ...impacts.map((entry) => impactState(entry.status)),
    ]);
  const updates = (asArray(row.updates) ?? [])
    .map((u) => asTime(asObject(u)?.published_at))
    .filter((t) => t !== null);
  return {
    id,
    title,
    impact: worst,
    status: asText(row.status, 40) ?? 'unknown',
    startedAt: asTime(row.published_at) ?? asTime(row.started_at),
    updatedAt: latestOf(updates) ?? asTime(row.last_update_at),
    url: `${pageUrl}/incidents/${encodeURIComponent(id)}`,
    componentIds,
    ...(componentIds.length ? { impactOn: Object.fromEntries(impactOn) } : {}),
  };
}

/** Parses the native feed. `pageUrl` is the page's own origin, for incident links. */
export function parseIncidentIoProxy(
  text: string,
  pageUrl: string,
  now = Date.now(),
): Parsed<SourceReport> {
  const root = parseJsonObject(text);
  if (!root.ok) return root;
  const summary = asObject(root.value.summary);
  if (!summary) return failure('bad_shape', 'no summary object');
  const { listed, grouped } = listComponents(summary);
  if (listed.length === 0) return failure('bad_shape', 'no component listed');
  const affected = new Map<string, ComponentState>();
  for (const row of asArray(summary.affected_components) ?? []) {
    const id = asText(asObject(row)?.component_id);
    if (id) affected.set(id, impactState(asObject(row)?.status));
  }
  const maintenances = (
    asArray(summary.ongoing_maintenances ?? summary.in_progress_maintenances) ?? []
  )
    .map((row) => toIncident(asObject(row), pageUrl, now, 'maintenance'))
    .filter((incident) => incident !== undefined);
  for (const maintenance of maintenances) {
    for (const id of maintenance.componentIds)
      if (!affected.has(id)) affected.set(id, 'maintenance');
  }
  const components: SourceComponent[] = listed.map((component) => ({
    ...component,
    state: affected.get(component.id) ?? 'operational',
  }));
  const incidents = (asArray(summary.ongoing_incidents) ?? [])
    .map((row) => toIncident(asObject(row), pageUrl, now))
    .filter((incident) => incident !== undefined);
  return {
    ok: true,
    value: {
      components,
      incidents: [...incidents, ...maintenances],
      ...(grouped ? { grouped: true } : {}),
    },
  };
}

/** Reads an incident.io page's native feed, e.g. `https://status.openai.com/proxy/status.openai.com`. */
export async function readIncidentIo(
  baseUrl: string,
  options?: FetchTextOptions,
): Promise<Parsed<SourceReport>> {
  const host = new URL(baseUrl).host;
  const body = await fetchText(`${baseUrl}/proxy/${host}`, options);
  return body.ok ? parseIncidentIoProxy(body.value, baseUrl, (options?.now ?? Date.now)()) : body;
}
