import { browser } from 'wxt/browser';
import type english from '../../public/_locales/en/messages.json';

/** Every message key, checked at compile time against the English catalog. */
export type MessageKey = keyof typeof english;

/**
 * A message that names a time, and has a twin `<key>Date` for a time on another day. The
 * languages build the two differently ("dalle 17:51" but "dal 3 mar alle 17:51"), so a date
 * cannot just be prefixed to the time.
 */
export type TimedKey = {
  [K in MessageKey]: `${K}Date` extends MessageKey ? K : never;
}[MessageKey];

/** A translated UI string. Falls back to the key so a missing string is visible, not blank. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The language of the strings actually shown, for dates, times and lists that match them. Read
 * from the catalog itself: the browser's UI language can differ from the catalog it picked
 * (a language we do not ship falls back to English).
 */
export function uiLanguage(): string {
  return browser.i18n.getMessage('locale') || 'en';
}

const sameDay = (time: number, now: number) =>
  new Date(now).toDateString() === new Date(time).toDateString();

/** "14:02" in the user's language, or a date and time when not today (no sentence around it). */
export function formatClock(time: number, now = Date.now()): string {
  return new Intl.DateTimeFormat(uiLanguage(), {
    ...(sameDay(time, now) ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(time));
}

/** "3 mar" / "Mar 3", with no-break spaces: a date should not wrap in its middle. */
function formatDay(time: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short' })
    .format(new Date(time))
    .replace(/ /g, '\u00a0');
}

/** Only the clock, "14:02". */
function formatTimeOfDay(time: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { hour: '2-digit', minute: '2-digit' }).format(
    new Date(time),
  );
}

/**
 * A sentence that names a time, `key` ("since 17:51" / "dalle 17:51") for a time today, its
 * `<key>Date` twin ("since Mar 3, 17:51" / "dal 3 mar alle 17:51") otherwise. The time's
 * placeholders come last, after `before`: TIME alone, or DATE then TIME.
 */
export function tAt(
  key: TimedKey,
  time: number,
  before: readonly string[] = [],
  now = Date.now(),
): string {
  return sameDay(time, now)
    ? t(key, [...before, formatTimeOfDay(time)])
    : t(`${key}Date`, [...before, formatDay(time), formatTimeOfDay(time)]);
}

/** Whether `key` names a time and has a twin for a time on another day (see tAt). */
export function isTimedKey(key: string): key is TimedKey {
  return browser.i18n.getMessage(`${key}Date` as MessageKey) !== '';
}

/**
 * "40 seconds ago" / "40 secondi fa". Never in the future: a snapshot written a moment after
 * the popup last read its clock is "now", not "in 1 second".
 */
export function formatAgo(time: number, now = Date.now()): string {
  const seconds = Math.min(0, Math.round((time - now) / 1000));
  const format = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return format.format(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}

/** "ChatGPT, Sora" with the language's own list style. */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(uiLanguage(), { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * How long something lasted, "47 min", "2 h 5 min", "3 days", in the UI's language (Intl
 * units: `Intl.DurationFormat` is not in every browser we support yet). At least a minute:
 * "down for 0 min" is not a sentence. Past two days, whole days.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(1, Math.round(ms / 60_000));
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit: name, unitDisplay: 'short' }).format(
      value,
    );
  if (total < 60) return unit(total, 'minute');
  const hours = Math.floor(total / 60);
  if (hours >= 48) return unit(Math.round(hours / 24), 'day');
  const minutes = total % 60;
  const parts =
    minutes === 0 ? [unit(hours, 'hour')] : [unit(hours, 'hour'), unit(minutes, 'minute')];
  return new Intl.ListFormat(uiLanguage(), { type: 'unit', style: 'narrow' }).format(parts);
}
