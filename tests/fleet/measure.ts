// What one read of each provider's status source and one knock of each probe cost, measured
// by running the product's own readers and probe against the fixture world.
import type { ProviderDefinition } from '../../utils/catalog/types';
import { probeTarget } from '../../utils/probes/probe';
import { readFirstAnswering } from '../../utils/sources';
import { freshWorld, worldFetch, type Exchange } from './world-fetch';

/** The largest real capture of each feed where the world has one besides the trimmed ones. */
const FULL_CAPTURES = ['google-workspace', 'google-cloud', 'xai'];

/** The exchanges one read of `provider`'s status costs, OpenAI's page in `openai` scenario. */
export async function readCost(
  provider: ProviderDefinition,
  openai: 'healthy' | 'outage',
): Promise<Exchange[]> {
  const state = freshWorld();
  for (const id of FULL_CAPTURES) state[id] = 'full';
  state.openai = openai;
  const log: Exchange[] = [];
  await readFirstAnswering(provider.sources, { fetch: worldFetch(state, log) });
  return log;
}

/** The exchanges one probe of `url` costs, the target up or answering 503. */
export async function probeCost(url: string, down: boolean): Promise<Exchange[]> {
  const state = freshWorld();
  if (down) {
    state.probes[new URL(url).origin] = 'down';
    state.chatgptApi = 503;
  }
  const log: Exchange[] = [];
  await probeTarget(url, { fetch: worldFetch(state, log) });
  return log;
}
