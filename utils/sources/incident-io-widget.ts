import { worseOf, worstState, type ComponentState } from '../health/states';
import { fetchText, type FetchTextOptions } from './fetch-text';
import { asArray, asHttpUrl, asObject, asText, asTime, type JsonObject } from './json';
import { parseJsonObject, statuspageComponentState } from './statuspage';
import {
  failure,
  type Parsed,
  type SourceComponent,
  type SourceIncident,
  type SourceReport,
  type SourceResult,
} from './types';

/*
 * incident.io's public widget API, `https://<page>/api/v1/summary`: `ongoing_incidents`,
 * `in_progress_maintenances` and `scheduled_maintenances`, each listing only the components
 * it affects (`{ id, name, group_name, current_status }`). There is no full component list,
 * so the report is partial: a component it does not name is operational.
 */

/** Incident statuses that mean it is over, should one linger in `ongoing_incidents`. */
const ENDED_STATUSES = new Set(['resolved', 'postmortem', 'closed']);

/** Adds a row's affected components to `components` (worst state wins); returns their ids. */
function collectComponents(
  row: JsonObject,
  fallback: ComponentState,
  components: Map<string, SourceComponent>,
): { ids: string[]; states: ComponentState[] } {
  const ids: string[] = [];
  const states: ComponentState[] = [];
  for (const entry of asArray(row.affected_components) ?? []) {
    const component = asObject(entry);
    const id = asText(component?.id) ?? asText(component?.component_id);
    const name = asText(component?.name);
    if (!component || !id || !name) continue;
    // An affected component in a state we do not know is still affected: never operational.
    const known = statuspageComponentState(component.current_status);
    const state = known === 'unknown' ? fallback : known;
    const group = asText(component.group_name);
    const seen = components.get(id);
    components.set(id, {
      id,
      name,
      ...(group ? { group } : {}),
      state: seen ? worseOf(seen.state, state) : state,
    });
    if (!ids.includes(id)) ids.push(id);
    states.push(state);
  }
  return { ids, states };
}

function toIncident(
  row: JsonObject | undefined,
  pageUrl: string,
  kind: 'incident' | 'maintenance',
  components: Map<string, SourceComponent>,
): SourceIncident | undefined {
  const id = asText(row?.id);
  const title = asText(row?.name);
  const status = asText(row?.status, 40) ?? 'unknown';
  if (!row || !id || !title || ENDED_STATUSES.has(status)) return undefined;
  const fallback = kind === 'maintenance' ? 'maintenance' : 'degraded';
  const affected = collectComponents(row, fallback, components);
  // An ongoing incident is trouble whatever its fields say: at least "degraded".
  const impact =
    kind === 'maintenance'
      ? 'maintenance'
      : worstState([
          'degraded',
          statuspageComponentState(row.current_worst_impact),
          ...affected.states,
        ]);
  return {
    id,
    title,
    impact,
    status,
    startedAt: asTime(row.started_at) ?? asTime(row.published_at),
    updatedAt: asTime(row.last_update_at),
    // Only an http(s) link is clickable; the page's own incident URL stands in for any other.
    url: asHttpUrl(row.url) ?? `${pageUrl}/incidents/${encodeURIComponent(id)}`,
    componentIds: affected.ids,
  };
}

/**
 * Parses the widget API's summary. `pageUrl` is the page's own origin, for incident links.
 * Scheduled maintenances are left out: they have not started.
 */
export function parseIncidentIoWidget(text: string, pageUrl: string): Parsed<SourceReport> {
  const root = parseJsonObject(text);
  if (!root.ok) return root;
  const ongoing = asArray(root.value.ongoing_incidents);
  if (!ongoing) return failure('bad_shape', 'no ongoing_incidents array');
  const components = new Map<string, SourceComponent>();
  const read = (rows: unknown[], kind: 'incident' | 'maintenance') =>
    rows
      .map((row) => toIncident(asObject(row), pageUrl, kind, components))
      .filter((incident) => incident !== undefined);
  const incidents = [
    ...read(ongoing, 'incident'),
    ...read(asArray(root.value.in_progress_maintenances) ?? [], 'maintenance'),
  ];
  return {
    ok: true,
    value: { components: [...components.values()], incidents, componentsPartial: true },
  };
}

/** Reads an incident.io page's widget API, e.g. `https://status.openai.com/api/v1/summary`. */
export async function readIncidentIoWidget(
  baseUrl: string,
  options?: FetchTextOptions,
): Promise<SourceResult> {
  const body = await fetchText(`${baseUrl}/api/v1/summary`, options);
  return body.ok ? parseIncidentIoWidget(body.value, baseUrl) : body;
}
