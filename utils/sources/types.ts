import type { ComponentState } from '../core/states';

/** One component as a status page lists it, normalized. */
export interface SourceComponent {
  id: string;
  name: string;
  /** The name of the group the page shows it under ("ChatGPT", "APIs"...), if any. */
  group?: string;
  state: ComponentState;
}

/** An unresolved incident as a status page lists it, normalized. */
export interface SourceIncident {
  id: string;
  /** Plain text from the network: render as text only. */
  title: string;
  impact: ComponentState;
  /** investigating | identified | monitoring | ... as the page says it. */
  status: string;
  startedAt: number | null;
  updatedAt: number | null;
  url: string | null;
  /** Ids of the components the incident names; empty when the page does not say. */
  componentIds: string[];
  /**
   * Names of the products or components the incident names, for feeds that give names but no
   * component list (Google's `affected_products`, Instatus' component names). Optional.
   */
  componentNames?: string[];
  /**
   * The incident's impact on each component, where the page states it (incident.io's
   * `component_impacts`): an incident that takes Sora down and slows Voice mode is a major
   * outage of Sora, not of ChatGPT. Without it, `impact` applies to every component named.
   */
  impactOn?: Record<string, ComponentState>;
}

/** Everything one status source said in one read. */
export interface SourceReport {
  /** May be empty for incident-only feeds (Google incidents.json, RSS/Atom). */
  components: SourceComponent[];
  incidents: SourceIncident[];
  /**
   * The page-wide state where the page states one (Statuspage `status.indicator`, Instatus
   * `page.status`, Better Stack `aggregate_state`); absent where it does not.
   */
  overall?: ComponentState;
  /**
   * True when the source lays its components out in groups (incident.io's native
   * `structure`, a real Statuspage's group rows): each component's `group`, or its absence,
   * is the page's layout. incident.io's Statuspage-compatible JSON is flat — it never says
   * which group a component is in — so it is not `grouped` and borrows the layout a grouped
   * read left behind.
   */
  grouped?: boolean;
}

/** Why a source could not be read; each maps to a translated reason. */
export type SourceErrorCode =
  | 'network' // fetch failed: offline, DNS, TLS, blocked
  | 'timeout'
  | 'http' // non-2xx answer
  | 'not_json' // HTML bot challenge, error page, truncated body
  | 'bad_shape' // JSON, but not the format we expect
  | 'too_large';

export interface SourceError {
  code: SourceErrorCode;
  /** For logs and the popup's details, never shown as markup. */
  detail: string;
  /** The HTTP status of an `http` error: 429 and 5xx make the scheduler back off. */
  status?: number;
  /** How long the server asked us to wait (Retry-After), in ms. */
  retryAfterMs?: number;
}

export type Failure = { ok: false; error: SourceError };

/** What every parser and fetcher returns: a value, or a typed reason; never a throw. */
export type Parsed<T> = { ok: true; value: T } | Failure;

export type SourceResult = Parsed<SourceReport>;

export function failure(
  code: SourceErrorCode,
  detail: string,
  extra: Pick<SourceError, 'status' | 'retryAfterMs'> = {},
): Failure {
  return { ok: false, error: { code, detail, ...extra } };
}
