import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

/** Every message key, checked at compile time against the English catalog. */
export type MessageKey = keyof typeof english;

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

/** "14:02" in the user's language, or a date and time when not today. */
export function formatClock(time: number, now = Date.now()): string {
  const date = new Date(time);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(uiLanguage(), {
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** "40 seconds ago" / "40 secondi fa". */
export function formatAgo(time: number, now = Date.now()): string {
  const seconds = Math.round((time - now) / 1000);
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
