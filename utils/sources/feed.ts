import type { ComponentState } from '../core/states';
import { fetchText, type FetchTextOptions } from './fetch-text';
import { asHttpUrl, asText, asTime, earliestOf, latestOf } from '../core/json';
import {
  failure,
  type Parsed,
  type SourceIncident,
  type SourceReport,
  type SourceResult,
} from './types';
import {
  childText as text,
  children,
  elements,
  entryLink,
  plainText,
  rootElement,
  xmlScope,
  xmlValue,
  type XmlElement,
} from './xml-text';

/*
 * RSS 2.0 and Atom incident feeds: Atlassian Statuspage's `history.atom` / `history.rss`
 * (status.claude.com) and custom ones such as status.x.ai's `feed.xml`. A feed lists
 * incidents, not components, and never says which are open: that is read from each entry's
 * latest status wording and how recently it changed.
 */

/** Feeds list newest first: whatever is open is near the top, and a huge feed stays cheap. */
const MAX_ENTRIES = 50;

/**
 * An open incident gets an update at least every few hours; an entry untouched for a day is
 * most likely one a page forgot to close, and would hold a product in trouble long after
 * users stopped feeling it. A false alarm for days costs more trust than a late one.
 */
const ACTIVE_WINDOW_MS = 24 * 60 * 60_000;

/** How far ahead of our clock a page's clock may be before its dates are not believed. */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Latest-status words that close an entry: Statuspage's, incident.io's and xAI's. Anything
 * else is open: Statuspage's Investigating/Identified/Update/Monitoring, and xAI's open states,
 * which no capture of ours shows: `ACTIVE` (with categories `outage`, `active`) in a third-party
 * trim of the live feed, or INVESTIGATING/IDENTIFIED/MONITORING. xAI items carry two
 * `<category>`s, severity then state (`available`, `resolved` when closed): a state category
 * that closes the entry closes it even if the heading says otherwise.
 */
const ENDED = /^(?:resolved|completed|postmortem)\b/;
/**
 * Statuspage maintenance under way. "Scheduled" is work that has not started: left out, as
 * the JSON adapters leave out scheduled maintenances.
 */
const IN_MAINTENANCE = /^(?:in progress|verifying)\b/;
const SCHEDULED = /^scheduled\b/;

/** "This incident affected: claude.ai and Claude API." as Statuspage words it. */
const AFFECTED = /This (?:incident|scheduled maintenance) affected:\s*(.+?)(?:\.\s|\.?$)/;
/** RFC 1123 dates of update headers (xAI), newer than the item's own `pubDate`. */
const UPDATE_DATE =
  /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|UTC|[+-]\d{4})\b/g;

/**
 * The entry's latest status, lowercased: the first emphasized text of its body, which is
 * Statuspage's newest `<strong>Resolved</strong>` or xAI's `<h3>Status: ACTIVE</h3>`.
 */
function latestStatus(body: string): string {
  const first = /<(strong|b|h[1-6])\b[^<>]*>([\s\S]*?)<\/\1\s*>/i.exec(body.slice(0, 4000));
  const words = plainText(first?.[2] ?? '')
    .replace(/^status:\s*/i, '')
    .toLowerCase();
  return /^[a-z][a-z _-]{0,30}$/.test(words) ? words : 'unknown';
}

function componentNames(title: string, body: string): string[] {
  const listed = AFFECTED.exec(body)?.[1];
  if (listed) {
    return listed
      .split(/,\s*(?:and\s+)?|\s+and\s+/)
      .map((name) => name.trim())
      .filter(Boolean);
  }
  // No list: the title names the product ("Elevated errors on claude.ai"); xAI prefixes the
  // component in brackets ("[Grok (Web)] 4.3 losing conversation context", "[API Console] …"):
  // that name first, so a catalog can tell Grok's items from the console's.
  const bracketed = /^\[([^\]]+)\]/.exec(title)?.[1];
  return bracketed ? [bracketed, title] : [title];
}

function toIncident(entry: XmlElement, now: number): SourceIncident | undefined {
  const title = asText(plainText(text(entry, 'title') ?? ''));
  if (!title) return undefined;
  const html = text(entry, 'content') ?? text(entry, 'description') ?? text(entry, 'summary') ?? '';
  const body = plainText(html);
  const status = latestStatus(html);
  const categories = children(entry, 'category').map((c) => plainText(xmlValue(c.text)));
  const ended = [status, ...categories.map((c) => c.toLowerCase())].some((w) => ENDED.test(w));
  const dates = ['published', 'updated', 'pubDate'].map((name) =>
    asTime(text(entry, name)?.trim()),
  );
  const stamps = [...body.slice(0, 4000).matchAll(UPDATE_DATE)].map((m) => asTime(m[0]));
  // A date ahead of now (beyond clock skew) is no date: an entry "updated" next year would
  // never age out of the active window and would hold a product in trouble for good.
  const plausible = (time: number | null): time is number =>
    time !== null && time <= now + CLOCK_SKEW_MS;
  const known = dates.filter(plausible);
  const times = [...known, ...stamps.filter(plausible)];
  const updatedAt = latestOf(times);
  // Without a date nothing says the entry is recent: an old one must not raise an alarm.
  if (ended || SCHEDULED.test(status) || updatedAt === null || now - updatedAt > ACTIVE_WINDOW_MS) {
    return undefined;
  }
  const link = entryLink(entry);
  const id = asText(text(entry, 'guid') ?? text(entry, 'id')) ?? link ?? title;
  const impact: ComponentState = IN_MAINTENANCE.test(status) ? 'maintenance' : 'degraded';
  return {
    id,
    title,
    impact,
    status,
    startedAt: earliestOf(known),
    updatedAt,
    url: asHttpUrl(link) ?? asHttpUrl(text(entry, 'guid')?.trim()),
    componentIds: [],
    componentNames: componentNames(title, body),
  };
}

/**
 * Parses an RSS 2.0 or Atom feed into its open incidents at `now`. A feed states no
 * severity, so an open incident is `degraded` (maintenance under way is `maintenance`).
 */
export function parseFeed(text: string, now: number): Parsed<SourceReport> {
  const root = rootElement(text);
  if (root === 'html' || (!root && /^\s*<!doctype html/i.test(text))) {
    return failure('not_json', 'an HTML page, not a feed');
  }
  if (!root) return failure('bad_shape', 'not an XML feed');
  if (root !== 'rss' && root !== 'feed' && root !== 'rdf:rdf') {
    return failure('bad_shape', `an XML document without an rss or feed root (<${root}>)`);
  }
  const incidents = elements(xmlScope(text), ['item', 'entry'], MAX_ENTRIES)
    .map((entry) => toIncident(entry, now))
    .filter((incident) => incident !== undefined);
  return { ok: true, value: { components: [], incidents } };
}

/** Reads a feed, e.g. `https://status.claude.com/history.atom`, judging "recent" by `options.now`. */
export async function readFeed(url: string, options: FetchTextOptions = {}): Promise<SourceResult> {
  const body = await fetchText(url, options);
  return body.ok ? parseFeed(body.value, (options.now ?? Date.now)()) : body;
}
