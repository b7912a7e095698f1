import type { MessageKey } from '../core/i18n';
import type { ProductCategory } from '../catalog/types';
import type { OfflineVerdict } from './offline';
import type { ComponentState } from '../core/states';

/** A reason shown to the user, stored as a message key so each UI renders it in its language. */
export interface Reason {
  key: MessageKey;
  /**
   * Substitutions. A `state:<state>`, `time:<ms>` or `list:<a\nb>` value is rendered by the
   * UI in its language (see reason-text.ts); anything else is plain text.
   */
  substitutions?: string[];
}

/** An official incident, trimmed to what the UI shows. Titles are network text: render as text. */
export interface IncidentSummary {
  id: string;
  title: string;
  impact: ComponentState;
  status: string;
  startedAt: number | null;
  url: string | null;
}

/** How sure the radar is of a verdict: two sources agreeing, one, or only a probe. */
export type Confidence = 'high' | 'medium' | 'low';

/** When each side first saw the current trouble: the radar's own signals, the official page. */
interface Detection {
  radarAt: number | null;
  officialAt: number | null;
}

/** The verdict for one product, as every UI reads it. */
export interface ServiceHealth {
  id: string;
  name: string;
  providerId: string;
  category: ProductCategory;
  homeUrl: string;
  statusPageUrl: string;
  state: ComponentState;
  confidence: Confidence;
  /** What the official page alone says (`unknown` where there is none or it is silent). */
  officialState: ComponentState;
  /** Non-operational components, by name, for "what is affected". */
  affected: { name: string; state: ComponentState }[];
  incidents: IncidentSummary[];
  reasons: Reason[];
  /** When the current trouble began (the earlier of our first sight and the official start). */
  troubleSince: number | null;
  /**
   * When the radar opened the current trouble episode: the outage's identity, for dismissing
   * the banner and recording the detection lead. Unlike `troubleSince`, it never moves: the
   * official page may later say the trouble began before we saw it.
   */
  openedAt: number | null;
  /** When a source last answered for this product: the age of what we show. */
  lastReadAt: number | null;
  /** While trouble only our signals saw is calming down: since when (hysteresis). */
  calmSince: number | null;
  detection: Detection;
}

/**
 * The one health snapshot in `storage.local`: written by the background worker after each
 * check, read by the popup, the banner and the badge.
 */
export interface HealthSnapshot {
  checkedAt: number;
  services: ServiceHealth[];
  /**
   * Set while the user's own connection seems down (utils/health/offline.ts): the UIs then say
   * so once, over the last known states, instead of listing every service as unknown. Absent in
   * snapshots written before it existed, which read as online.
   */
  offline?: OfflineVerdict | null;
}
