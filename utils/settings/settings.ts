import { storage } from 'wxt/utils/storage';
import { BANNER_SITES, type BannerSite } from '../catalog/openai-sites';
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

/** Settings from a file or another device are untrusted: at most this many custom pages. */
export const MAX_CUSTOM_PAGES = 20;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ID = /^[a-z0-9][a-z0-9:_-]{0,63}$/;

const stringList = (value: unknown, max = 100): string[] =>
  Array.isArray(value)
    ? [
        ...new Set(
          value.filter((item): item is string => typeof item === 'string' && ID.test(item)),
        ),
      ].slice(0, max)
    : [];

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const httpsUrl = (value: unknown): string | null => {
  if (typeof value !== 'string' || value.length > 500) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
};

const SOURCE_FORMATS = new Set([
  'statuspage',
  'incident-io',
  'instatus',
  'betterstack',
  'google',
  'feed',
]);

function customSource(value: unknown): SourceRef | null {
  const raw = record(value);
  if (typeof raw.format !== 'string' || !SOURCE_FORMATS.has(raw.format)) return null;
  if (raw.format === 'google' || raw.format === 'feed') {
    const url = httpsUrl(raw.url);
    return url ? ({ format: raw.format, url } as SourceRef) : null;
  }
  const baseUrl = httpsUrl(raw.baseUrl);
  if (!baseUrl) return null;
  const origin = new URL(baseUrl).origin;
  if (
    raw.format === 'instatus' &&
    typeof raw.path === 'string' &&
    /^\/[\w/.-]{1,100}$/.test(raw.path)
  )
    return { format: 'instatus', baseUrl: origin, path: raw.path };
  return { format: raw.format, baseUrl: origin } as SourceRef;
}

function customPage(value: unknown): CustomStatusPage | null {
  const raw = record(value);
  const pageUrl = httpsUrl(raw.pageUrl);
  const source = customSource(raw.source);
  if (typeof raw.id !== 'string' || !ID.test(raw.id) || !pageUrl || !source) return null;
  const name =
    typeof raw.name === 'string' && raw.name.trim()
      ? raw.name.trim().slice(0, 60)
      : new URL(pageUrl).host;
  const addedAt = typeof raw.addedAt === 'number' && Number.isFinite(raw.addedAt) ? raw.addedAt : 0;
  return { id: raw.id, name, pageUrl, source, addedAt };
}

/**
 * Any value (stored by an older version, synced from another device, imported from a file)
 * made into valid settings: what is valid is kept, anything else takes its default. Never
 * throws.
 */
export function normalizeSettings(value: unknown): Settings {
  const raw = record(value);
  const quiet = record(raw.quietHours);
  const banner = record(raw.banner);
  const sites = record(banner.sites);
  const pages = new Map<string, CustomStatusPage>();
  for (const item of Array.isArray(raw.customPages) ? raw.customPages : []) {
    const page = customPage(item);
    if (page && !pages.has(page.id) && pages.size < MAX_CUSTOM_PAGES) pages.set(page.id, page);
  }
  return {
    myTools: stringList(raw.myTools),
    hiddenServices: stringList(raw.hiddenServices),
    preferredAlternatives: stringList(raw.preferredAlternatives),
    mutedServices: stringList(raw.mutedServices),
    quietHours: {
      enabled: quiet.enabled === true,
      from:
        typeof quiet.from === 'string' && HH_MM.test(quiet.from)
          ? quiet.from
          : DEFAULT_SETTINGS.quietHours.from,
      to:
        typeof quiet.to === 'string' && HH_MM.test(quiet.to)
          ? quiet.to
          : DEFAULT_SETTINGS.quietHours.to,
    },
    banner: {
      enabled: banner.enabled !== false,
      sites: Object.fromEntries(
        BANNER_SITES.map((site) => [site, sites[site] !== false]),
      ) as Record<BannerSite, boolean>,
    },
    customPages: [...pages.values()],
  };
}

/**
 * The user's settings. Written by the options and first-run pages (the user's own choices,
 * not radar state); read by the worker and every UI. Read through `readSettings` or
 * `normalizeSettings`: what sync brings may come from an older or newer version.
 */
export const settings = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The stored settings, validated. */
export async function readSettings(): Promise<Settings> {
  return normalizeSettings(await settings.getValue());
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether `now` (local wall-clock time) falls in the quiet hours. `from` == `to` is never. */
export function inQuietHours(quiet: QuietHours, now: Date): boolean {
  if (!quiet.enabled) return false;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const at = now.getHours() * 60 + now.getMinutes();
  if (from === to) return false;
  return from < to ? at >= from && at < to : at >= from || at < to;
}

/**
 * Items ordered for this user: those whose id is in `first` come first, in that order; the
 * rest keep their order. Used for "my tools first" and "my preferred alternatives first".
 */
export function userOrder<T>(
  items: readonly T[],
  first: readonly string[],
  idOf: (item: T) => string,
): T[] {
  const rank = (item: T) => {
    const index = first.indexOf(idOf(item));
    return index === -1 ? first.length : index;
  };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * Applies the user's change to the stored settings, validated on the way in. For the options
 * and first-run pages, the only writers: callers chain their changes (useSettings), so two
 * quick clicks never overwrite each other.
 */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = normalizeSettings(change(await readSettings()));
  await settings.setValue(next);
  return next;
}

/** `list` with `id` in it or not, the others in their order: a checkbox over an id list. */
export function withMember(list: readonly string[], id: string, member: boolean): string[] {
  const others = list.filter((item) => item !== id);
  return member ? [...others, id] : others;
}
