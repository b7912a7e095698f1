import { readBetterStack } from './betterstack';
import type { FetchTextOptions } from './fetch-text';
import { readFeed } from './feed';
import { readGoogleIncidents } from './google';
import { readIncidentIo } from './incident-io';
import { readInstatus } from './instatus';
import { readStatuspage } from './statuspage';
import { failure, type SourceResult } from './types';

/**
 * Where and in which format a provider publishes its status: one catalog line each. A page
 * platform serves its endpoints under `baseUrl`; a single-document feed names its `url`.
 * `cors` marks a source whose answers carry `Access-Control-Allow-Origin: *` (Atlassian
 * Statuspage's public pages, documented for embedding in other sites): the extension reads
 * it as any web page could, and asks for no host permission for it.
 */
export type SourceRef = (
  | { format: 'statuspage'; baseUrl: string }
  | { format: 'incident-io'; baseUrl: string }
  | { format: 'instatus'; baseUrl: string; path?: string }
  | { format: 'betterstack'; baseUrl: string }
  | { format: 'google'; url: string }
  | { format: 'feed'; url: string }
) & { cors?: true };

/**
 * Reads one source with the adapter for its format. Never throws, nor rejects: an adapter
 * that does despite its contract becomes a typed error, so the read is recorded (and backed
 * off) like any other failure instead of being retried every minute unrecorded.
 */
export async function readSource(
  source: SourceRef,
  options?: FetchTextOptions,
): Promise<SourceResult> {
  try {
    return await readWithAdapter(source, options);
  } catch (error) {
    return failure('bad_shape', `the reader failed: ${String(error).slice(0, 200)}`);
  }
}

function readWithAdapter(source: SourceRef, options?: FetchTextOptions): Promise<SourceResult> {
  switch (source.format) {
    case 'statuspage':
      return readStatuspage(source.baseUrl, options);
    case 'incident-io':
      return readIncidentIo(source.baseUrl, options);
    case 'instatus':
      return readInstatus(source.baseUrl, options, source.path);
    case 'betterstack':
      return readBetterStack(source.baseUrl, options);
    case 'google':
      return readGoogleIncidents(source.url, options);
    case 'feed':
      return readFeed(source.url, options);
  }
}

/**
 * The origin a source is read from: what its host permission covers. A URL that does not parse
 * is its own origin (the read fails).
 */
export function sourceOrigin(source: SourceRef): string {
  const url = 'baseUrl' in source ? source.baseUrl : source.url;
  try {
    return new URL(url).origin;
  } catch {
    return url;
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
  // A host that could not be reached at all: its other formats are not tried. They would get
  // no answer either, and while a connection comes back in stages one of them may, giving
  // the lesser format (a fallback that lists fewer products) for minutes, until the next read.
  const unreachable = new Set<string>();
  for (const source of sources) {
    const origin = sourceOrigin(source);
    if (unreachable.has(origin)) continue;
    last = await readSource(source, options);
    if (last.ok) return { ...last, source };
    // A host that asked us to come back later (429, 503) is not asked again at once for
    // another format: in a big outage that would double every install's requests to it.
    if (last.error.code === 'network' || last.error.status === 429 || last.error.status === 503)
      unreachable.add(origin);
  }
  return last ?? failure('bad_shape', 'no source configured');
}
