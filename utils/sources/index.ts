import type { FetchTextOptions } from './fetch-text';
import { readIncidentIo } from './incident-io';
import { readStatuspage } from './statuspage';
import type { SourceResult } from './types';

/** Where and in which format a provider publishes its status: one catalog line each. */
export type SourceRef =
  { format: 'statuspage'; baseUrl: string } | { format: 'incident-io'; baseUrl: string };

/** Reads one source with the adapter for its format. Never throws. */
export function readSource(source: SourceRef, options?: FetchTextOptions): Promise<SourceResult> {
  switch (source.format) {
    case 'statuspage':
      return readStatuspage(source.baseUrl, options);
    case 'incident-io':
      return readIncidentIo(source.baseUrl, options);
  }
}

/**
 * Reads a provider's sources in order and returns the first that answers: a second format
 * of the same page is a fallback, never a second opinion that costs traffic every time.
 */
export async function readFirstAnswering(
  sources: readonly SourceRef[],
  options?: FetchTextOptions,
): Promise<SourceResult & { source?: SourceRef }> {
  let last: SourceResult | undefined;
  for (const source of sources) {
    last = await readSource(source, options);
    if (last.ok) return { ...last, source };
  }
  return last ?? { ok: false, error: { code: 'bad_shape', detail: 'no source configured' } };
}
