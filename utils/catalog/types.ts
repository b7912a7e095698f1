import type { SourcePace } from '../cadence/cadence';
import type { SourceRef } from '../sources';

export type ProductCategory = 'chat' | 'image' | 'video' | 'api' | 'code';

/**
 * Which parts of a status source make up one product users know. Groups come from the page's
 * own layout, read at run time (`SourceRead.layout`), never from a list of components frozen
 * here: a component OpenAI adds to its "ChatGPT" group is ChatGPT's the next read.
 */
export interface ComponentMatcher {
  /** Components listed under a group of one of these names (case-insensitive). */
  groups?: readonly string[];
  /**
   * Components whose own name matches one of these, wherever they sit: for a product that is
   * a component, not a group (Sora, Login), and as a fallback while the layout is unknown.
   */
  names?: readonly RegExp[];
  /** Components of a matched group that belong to another product (the APIs group's Sora). */
  except?: readonly RegExp[];
  /**
   * The components without which the product does not work at all (ChatGPT's Conversations).
   * When set, trouble in any other matched component (Voice mode, Connectors) makes the
   * product `degraded` at most: one feature down is not ChatGPT down.
   */
  core?: readonly RegExp[];
  /**
   * Incidents that name an affected product matching one of these: for incident-only feeds
   * (Google's incidents.json) that list no components.
   */
  incidentProducts?: readonly RegExp[];
  /** The whole page is about this product: its overall state and every incident count. */
  wholePage?: boolean;
  /**
   * For a whole page of many monitors (Hugging Face): the share of its components that must be
   * in trouble before the product is. Below it, the troubled ones are listed as affected but
   * the product reads operational, and the page-wide state (which any one monitor sets) is
   * not taken: one failing monitor is not Hugging Face down.
   */
  minTroubledShare?: number;
}

/**
 * A light endpoint the radar requests itself, without credentials, to see whether the
 * service answers: a 401 from a model list in milliseconds means "up".
 */
interface ProbeTarget {
  url: string;
}

/** A product users know by name (ChatGPT, Sora...): the unit the radar gives a verdict on. */
export interface ProductDefinition {
  id: string;
  /** A brand name, the same in every language. */
  name: string;
  category: ProductCategory;
  homeUrl: string;
  /** How to find it in its provider's status source; absent for probe-only products. */
  match?: ComponentMatcher;
  probe?: ProbeTarget;
  /** What it can stand in for when another product is down (a chat app for ChatGPT...). */
  standsInFor: readonly ProductCategory[];
}

/** A provider publishes (at most) one status page that covers several products. */
export interface ProviderDefinition {
  id: string;
  name: string;
  /** The human page, linked from the popup and the banner; the home page where there is none. */
  statusPageUrl: string;
  /**
   * Machine-readable sources of that page, best first; the rest are fallbacks. Empty where
   * the provider publishes none (the probe is then the only signal). A provider that changes
   * platform is a change to this line.
   */
  sources: readonly SourceRef[];
  /**
   * How often to read its status, where the defaults (CADENCE) would cost too much: a feed
   * that carries weeks of history in every read.
   */
  pace?: Partial<SourcePace>;
  products: readonly ProductDefinition[];
}

/** What an alternative stands in for: the kind of page the banner is on (see openai-sites.ts). */
export type AlternativeKind = 'chat' | 'video' | 'api';

/** Somewhere to go when an OpenAI product is down. */
export interface Alternative {
  id: string;
  /** The catalog product whose verdict says whether it works right now. */
  productId: string;
  name: string;
  kind: AlternativeKind;
  homeUrl: string;
  /**
   * A URL that opens the alternative with the prompt typed but not sent (../shared/prefill.md):
   * only where the service is known to fill without sending, and only for a short prompt. A
   * URL that sends by itself is never used: a prefilled link that sends is a prompt-injection
   * vector, and the user should read before sending.
   */
  fillUrl?: (prompt: string) => string;
  /**
   * Where its composer is, best first, for our fill script once the user has let us onto that
   * site (an optional host permission). Absent where we know of none: the prompt then goes by
   * clipboard only.
   */
  composer?: readonly string[];
}
