import type { BannerSite } from '../catalog/openai-sites';
import type { SourceRef } from '../sources';

/** Notifications held back at night: local wall-clock times, "HH:MM"; `from` > `to` spans midnight. */
export interface QuietHours {
  enabled: boolean;
  from: string;
  to: string;
}

/**
 * A status page the user added by URL, in a format one of our adapters reads. Its host
 * permission is optional and asked for when the user adds it: without it the page reads
 * `unknown` with a reason, never "down".
 */
export interface CustomStatusPage {
  /** Stable id; its product is `custom:<id>`. */
  id: string;
  /** What the user calls it (defaults to the page's host). Plain text. */
  name: string;
  /** The human page, as the user gave it. */
  pageUrl: string;
  source: SourceRef;
  addedAt: number;
}

/**
 * What the user chose, synced across their browsers (`storage.sync`). Every id is a catalog
 * id (product or alternative); ids the catalog no longer has are ignored, never an error.
 */
export interface Settings {
  /** The products the user works with, in their order: listed first everywhere. */
  myTools: string[];
  /** Products the user does not want watched: not checked, not shown, never notified. */
  hiddenServices: string[];
  /** Alternative ids the user prefers, best first; the others follow in the catalog's order. */
  preferredAlternatives: string[];
  /** Products the user wants no notifications about (still shown in the popup and badge). */
  mutedServices: string[];
  quietHours: QuietHours;
  banner: { enabled: boolean; sites: Record<BannerSite, boolean> };
  customPages: CustomStatusPage[];
}

export const DEFAULT_SETTINGS: Settings = {
  myTools: [],
  hiddenServices: [],
  preferredAlternatives: [],
  mutedServices: [],
  quietHours: { enabled: false, from: '22:00', to: '07:00' },
  banner: { enabled: true, sites: { chatgpt: true, sora: true, platform: true } },
  customPages: [],
};
