import type { ComponentState } from '../health/states';

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
}

/** Everything one status source said in one read. */
export interface SourceReport {
  components: SourceComponent[];
  incidents: SourceIncident[];
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
}

export type Failure = { ok: false; error: SourceError };

/** What every parser and fetcher returns: a value, or a typed reason; never a throw. */
export type Parsed<T> = { ok: true; value: T } | Failure;

export type SourceResult = Parsed<SourceReport>;

export function failure(code: SourceErrorCode, detail: string): Failure {
  return { ok: false, error: { code, detail } };
}
