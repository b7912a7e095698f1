import { BANNER_SITES, type BannerSite } from '../catalog/openai-sites';
import type { SourceRef } from '../sources';
import { DEFAULT_SETTINGS, type CustomStatusPage, type Settings } from './types';

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
