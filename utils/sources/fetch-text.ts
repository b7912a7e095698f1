import { failure, type Parsed } from './types';

/** Status pages are small; a body this big is not a status page (or is an attack). */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

export interface FetchTextOptions {
  fetch?: typeof fetch;
  /** The clock, for formats whose "still going on" depends on the time (feeds, Google). */
  now?: () => number;
  timeoutMs?: number;
  maxBytes?: number;
}

/** Retry-After in ms, from seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * GETs a status URL as text with a timeout and a size cap, without cookies: the radar never
 * acts as the user on a status page. Never throws.
 *
 * `cache: 'no-cache'` makes these conditional requests: the browser's HTTP cache keeps each
 * page's ETag / Last-Modified and revalidates with If-None-Match / If-Modified-Since, so an
 * unchanged page costs a 304 with no body and we still get the full text.
 */
export async function fetchText(
  url: string,
  options: FetchTextOptions = {},
): Promise<Parsed<string>> {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await doFetch(url, {
      credentials: 'omit',
      cache: 'no-cache',
      signal: controller.signal,
      headers: { accept: 'application/json, text/xml;q=0.9, */*;q=0.5' },
    });
    if (!response.ok) {
      // Not awaited: a body tee'd by a cache or a test resolves its cancel only with the other branch.
      void response.body?.cancel().catch(() => undefined);
      const retryAfterMs = retryAfter(response.headers.get('retry-after'));
      return failure('http', `HTTP ${response.status}`, {
        status: response.status,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
    return await readCapped(response, maxBytes);
  } catch (error) {
    if (controller.signal.aborted) {
      return failure('timeout', `no answer in ${timeoutMs} ms`);
    }
    return failure('network', String(error));
  } finally {
    clearTimeout(timer);
  }
}

/** Reads the body but stops at maxBytes, so a multi-megabyte answer never fills memory. */
async function readCapped(response: Response, maxBytes: number): Promise<Parsed<string>> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    return tooLarge(maxBytes);
  }
  if (!response.body) return { ok: true, value: await response.text() };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      return tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return { ok: true, value: text + decoder.decode() };
}

function tooLarge(maxBytes: number): Parsed<string> {
  return failure('too_large', `body over ${maxBytes} bytes`);
}
