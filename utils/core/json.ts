/**
 * Small readers for untrusted JSON: each returns a value of the asked type or undefined,
 * so parsers never trust a field's type and never throw on a wrong one.
 */
export type JsonObject = Record<string, unknown>;

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** A non-empty string, trimmed and cut to a sane length (titles end up in notifications). */
export function asText(value: unknown, maxLength = 300): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text) return undefined;
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** A timestamp (ms) from an ISO date string, or null when absent or unparseable. */
export function asTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : null;
}

/** An http(s) URL string, or null: a `javascript:` link from a feed must never be clickable. */
export function asHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * `table[key]` for a key from the network, own entries only: a status of "constructor" or
 * "__proto__" must not find Object's built-ins and pass for a state.
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * The largest / smallest of a list, or null for an empty one. Not `Math.max(...list)`: a
 * spread passes every element as an argument, and a feed of 200,000 entries overflows the
 * call stack (RangeError) — a throw from a parser that must never throw.
 */
export function latestOf(values: readonly number[]): number | null {
  let best: number | null = null;
  for (const value of values) if (best === null || value > best) best = value;
  return best;
}

export function earliestOf(values: readonly number[]): number | null {
  let best: number | null = null;
  for (const value of values) if (best === null || value < best) best = value;
  return best;
}
