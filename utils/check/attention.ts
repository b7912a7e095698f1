import { CHATGPT_ID } from '../catalog';
import { ALTERNATIVES } from '../catalog/alternatives';
import type { ProviderDefinition } from '../catalog/types';
import type { FieldSignal } from '../field/window';
import { isTrouble } from '../core/states';
import type { HealthSnapshot } from '../health/types';
import type { ProbeLog } from '../probes/probe-log';
import { OPENAI_SITES } from '../catalog/openai-sites';
import type { Attention } from '../cadence/cadence';

/**
 * For each OpenAI site's product, the products its banner may send the user to when it is in
 * trouble: alternatives of the same kind (chat for ChatGPT, video for Sora, api for the API).
 */
const WAYS_OUT: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  OPENAI_SITES.map((site) => [
    site.productId,
    new Set(
      ALTERNATIVES.filter(({ kind }) => kind === site.kind).map(({ productId }) => productId),
    ),
  ]),
);

/**
 * The products any signal says are in trouble right now: the last verdict, the user's own
 * failing (or struggling) requests, or a probe whose latest knock failed (one failure already deserves a
 * closer look, though it takes two to call a service failing).
 */
export function troubledProducts(
  snapshot: HealthSnapshot | null,
  fields: Partial<Record<string, Pick<FieldSignal, 'state'>>>,
  probes: ProbeLog,
): Set<string> {
  const troubled = new Set<string>();
  for (const service of snapshot?.services ?? []) {
    if (isTrouble(service.state)) troubled.add(service.id);
  }
  for (const [id, signal] of Object.entries(fields)) {
    if (signal?.state === 'failing' || signal?.state === 'struggling') troubled.add(id);
  }
  for (const [id, entry] of Object.entries(probes)) {
    if (entry.results.at(-1)?.outcome === 'failing') troubled.add(id);
  }
  return troubled;
}

/**
 * Whether an open ChatGPT tab calls for watching OpenAI closely: only while the user's own
 * requests say nothing. While they are working, each of them is a fresher look at ChatGPT than
 * any read of ours (a failure is seen in under a second, and pulls the page and probes
 * forward), so a tab in use costs OpenAI's hosts nothing more than a closed one.
 */
export function watchesChatGpt(
  tabOpen: boolean,
  field: Pick<FieldSignal, 'state'> | undefined,
): boolean {
  return tabOpen && field?.state !== 'working';
}

/**
 * How closely to watch one provider. In trouble: as closely as we can. Watched: while the
 * user has ChatGPT open, its provider (that is when minutes matter); and while an OpenAI
 * site's product (ChatGPT, Sora, the API) is in trouble, every provider of an alternative of
 * its kind, so its banner's "works right now" is fresh.
 */
export function attentionFor(
  provider: ProviderDefinition,
  troubled: ReadonlySet<string>,
  chatGptOpen: boolean,
): Attention {
  const hostsChatGpt = provider.products.some((product) => product.id === CHATGPT_ID);
  const offersWayOut = [...WAYS_OUT].some(
    ([productId, waysOut]) =>
      troubled.has(productId) && provider.products.some((product) => waysOut.has(product.id)),
  );
  return {
    trouble: provider.products.some((product) => troubled.has(product.id)),
    watching: (chatGptOpen && hostsChatGpt) || offersWayOut,
  };
}
