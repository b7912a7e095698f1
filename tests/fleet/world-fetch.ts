// A `fetch` answered by the end-to-end tests' fixture world (tests/e2e/world.mjs: every
// status page in its captured shape, every probe target), logging what each answer costs.
import { gzipSync } from 'node:zlib';
// @ts-expect-error The end-to-end tests' world is plain JavaScript.
import { answer, newWorld } from '../e2e/world.mjs';

/**
 * Bytes of a response's status line and headers, which no fixture holds: an assumption
 * (docs/SCALE.md). CDN answers carry 0.5–1 KB of headers; 304s are nothing else.
 */
export const HEADER_BYTES = 700;

export interface Exchange {
  host: string;
  status: number;
  /** Body bytes as served, and gzipped (browsers ask for gzip; CDNs give it). */
  body: number;
  gzip: number;
}

/** A fresh world: every page healthy, every probe target up. */
export const freshWorld = (): Record<string, unknown> & { probes: Record<string, string> } =>
  newWorld();

/** A fetch for product code, with the world in `state` and every exchange pushed on `log`. */
export function worldFetch(state: Record<string, unknown>, log: Exchange[]): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const href = String(input instanceof Request ? input.url : input);
    const served = (await answer(state, href)) as {
      status: number;
      contentType?: string;
      body?: string;
      headers?: Record<string, string>;
    } | null;
    if (!served) throw new TypeError(`no host for ${href}`);
    const body = Buffer.from(served.body ?? '');
    log.push({
      host: new URL(href).host,
      status: served.status,
      body: body.byteLength,
      gzip: body.byteLength ? gzipSync(body).byteLength : 0,
    });
    return new Response(served.status === 204 || served.status === 304 ? null : body, {
      status: served.status,
      headers: { 'content-type': served.contentType ?? 'text/plain', ...served.headers },
    });
  }) as typeof fetch;
}
