import { failure, type Parsed } from './types';

/** Status pages are small; a body this big is not a status page (or is an attack). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface FetchTextOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * GETs a status URL as text with a timeout and a size cap, without cookies: the radar never
 * acts as the user on a status page. Never throws.
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
      return failure('http', `HTTP ${response.status}`);
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
