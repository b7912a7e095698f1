import { BANNER_SITES, type BannerSite } from '../catalog/openai-sites';
import { bannerDismissedFor, bannerSnoozes } from './store';

/** How long "snooze for an hour" lasts. */
export const SNOOZE_HOUR_MS = 60 * 60 * 1000;

/** One site's snooze: until a moment, or for the outage the radar opened at `openedAt`. */
export type BannerSnooze = { until: number } | { openedAt: number };
export type BannerSnoozes = Partial<Record<BannerSite, BannerSnooze>>;

const time = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/**
 * The stored snoozes, validated (storage.local is writable by anything holding the extension's
 * storage, and an older version may have left another shape): what is not a snooze of a known
 * site is dropped, so at worst a banner shows that should have stayed away, never the reverse.
 * A dismissal stored before snoozes existed counts as ChatGPT's snooze until recovery.
 */
export function normalizeSnoozes(
  value: unknown,
  legacyDismissedFor: unknown = null,
): BannerSnoozes {
  const raw =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, Record<string, unknown> | null>)
      : {};
  const snoozes: BannerSnoozes = {};
  for (const site of BANNER_SITES) {
    const entry = raw[site];
    if (!entry || typeof entry !== 'object') continue;
    if (time(entry.until)) snoozes[site] = { until: entry.until };
    else if (time(entry.openedAt)) snoozes[site] = { openedAt: entry.openedAt };
  }
  if (!snoozes.chatgpt && time(legacyDismissedFor))
    snoozes.chatgpt = { openedAt: legacyDismissedFor };
  return snoozes;
}

/**
 * Whether a site's banner stays away now: an hour's snooze until it runs out, an outage's as
 * long as the outage is the one snoozed (the next one, with another `openedAt`, shows again).
 */
export function isSnoozed(
  snooze: BannerSnooze | undefined,
  outageOpenedAt: number | null,
  now: number,
): boolean {
  if (!snooze) return false;
  if ('until' in snooze) return now < snooze.until;
  return outageOpenedAt !== null && snooze.openedAt === outageOpenedAt;
}

/** The snooze the banner asked for, as stored: an hour from `now`, or this outage. */
export function snoozeOf(request: { for: 'hour' | 'outage'; openedAt: number }, now: number) {
  return request.for === 'hour' ? { until: now + SNOOZE_HOUR_MS } : { openedAt: request.openedAt };
}

/** The snoozes as stored, with a dismissal from before snoozes folded in (read-only). */
export async function readSnoozes(): Promise<BannerSnoozes> {
  const [stored, legacy] = await Promise.all([
    bannerSnoozes.getValue(),
    bannerDismissedFor.getValue(),
  ]);
  return normalizeSnoozes(stored, legacy);
}

/**
 * Moves a dismissal stored before snoozes (`bannerDismissedFor`) into ChatGPT's snooze until
 * recovery, then clears it: the user's dismissal is kept, never silently lost. The worker's
 * to run (it alone writes radar state); a no-op once done.
 */
export async function migrateBannerDismissal(): Promise<void> {
  const legacy = await bannerDismissedFor.getValue();
  if (legacy === null) return;
  await bannerSnoozes.setValue(normalizeSnoozes(await bannerSnoozes.getValue(), legacy));
  await bannerDismissedFor.removeValue();
}

/** Stores a site's snooze (the worker, on the banner's request). */
export async function storeSnooze(site: BannerSite, snooze: BannerSnooze): Promise<void> {
  await migrateBannerDismissal();
  const snoozes = normalizeSnoozes(await bannerSnoozes.getValue());
  await bannerSnoozes.setValue({ ...snoozes, [site]: snooze });
}
