// Requests and bytes per second per host for the whole fleet, from the product's own cadence
// (sourceInterval, the probe's interval, attentionFor) and the measured cost of each read.
import { PROVIDERS } from '../../utils/catalog';
import type { ProviderDefinition } from '../../utils/catalog/types';
import { attentionFor, watchesChatGpt } from '../../utils/check/attention';
import {
  COALESCE_SHARE,
  jittered,
  probeInterval,
  sourceInterval,
} from '../../utils/cadence/cadence';

import { BROWSER_RUNNING, CHATGPT_TAB_OPEN, CHOOSING, INSTALLS, TAB_IN_USE } from './mix';
import { HEADER_BYTES, type Exchange } from './world-fetch';
import { probeCost, readCost } from './measure';

/** A slice of the fleet that behaves alike. */
interface Slice {
  name: string;
  share: number;
  tabOpen: boolean;
  /** What the user's own ChatGPT requests say: working while the tab is in use. */
  field: 'working' | 'quiet';
  troubled: ReadonlySet<string>;
}

const slices = (troubled: ReadonlySet<string>): Slice[] => [
  {
    name: 'tab in use',
    share: BROWSER_RUNNING * CHATGPT_TAB_OPEN * TAB_IN_USE,
    tabOpen: true,
    field: 'working',
    troubled,
  },
  {
    name: 'tab idle',
    share: BROWSER_RUNNING * CHATGPT_TAB_OPEN * (1 - TAB_IN_USE),
    tabOpen: true,
    field: 'quiet',
    troubled,
  },
  {
    name: 'no tab',
    share: BROWSER_RUNNING * (1 - CHATGPT_TAB_OPEN),
    tabOpen: false,
    field: 'quiet',
    troubled,
  },
];

/**
 * The mean factor the product's jitter puts on an interval, drawn over a day of read times a
 * few seconds apart: a fleet's rate is 1 / the mean interval. Taken short by the whole of a
 * check's reach (`COALESCE_SHARE`): a read may be taken that much early, to share a wake with
 * another; as if every read were (the bound: the replayed week shows about 1 % for a calm page).
 */
function meanJitter(): number {
  const draws = 100_000;
  let sum = 0;
  for (let i = 0; i < draws; i++) sum += jittered(1_000_000, 1_765_000_000_000 + i * 863) / 1e6;
  return (sum / draws) * (1 - COALESCE_SHARE);
}

export interface HostLoad {
  host: string;
  rps: number;
  /** Bytes per second served, bodies gzipped (what browsers get), and as served. */
  gzipBps: number;
  rawBps: number;
}

function add(loads: Map<string, HostLoad>, exchanges: Exchange[], perSecond: number) {
  for (const exchange of exchanges) {
    const load = loads.get(exchange.host) ?? { host: exchange.host, rps: 0, gzipBps: 0, rawBps: 0 };
    load.rps += perSecond;
    load.gzipBps += perSecond * (HEADER_BYTES + exchange.gzip);
    load.rawBps += perSecond * (HEADER_BYTES + exchange.body);
    loads.set(exchange.host, load);
  }
}

/**
 * The fleet's steady load per host: each slice's installs reading each provider at the
 * interval the product gives its attention, and knocking on each probe target likewise. In
 * an outage every running install is taken to be in trouble from its first minute (the
 * bound: in truth installs notice over their own next read, probe or send).
 */
export async function fleetLoad(outage: boolean): Promise<HostLoad[]> {
  const troubled: ReadonlySet<string> = new Set(outage ? ['chatgpt'] : []);
  const loads = new Map<string, HostLoad>();
  const jitter = meanJitter();
  for (const provider of PROVIDERS) {
    const reads = await readCost(provider, outage ? 'outage' : 'healthy');
    const probes = await Promise.all(
      provider.products.flatMap((product) =>
        product.probe ? [probeCost(product.probe.url, outage && provider.id === 'openai')] : [],
      ),
    );
    for (const slice of slices(troubled)) {
      const installs = INSTALLS * slice.share * watchedShare(provider);
      const attention = attentionFor(
        provider,
        slice.troubled,
        watchesChatGpt(slice.tabOpen, { state: slice.field }),
      );
      const readEvery = (sourceInterval(attention, provider.pace) * jitter) / 1000;
      add(loads, reads, installs / readEvery);
      const probeEvery = (probeInterval(attention) * jitter) / 1000;
      for (const probe of probes) add(loads, probe, installs / probeEvery);
    }
  }
  return [...loads.values()].sort((a, b) => b.rps - a.rps);
}

/** The share of installs that read a provider: those watching any of its products. */
const watchedShare = (provider: ProviderDefinition) =>
  Math.max(...provider.products.map((product) => CHOOSING(product.id)));
