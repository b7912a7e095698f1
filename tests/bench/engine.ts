// Verdict-engine timing and the schedule's steady-state request rates, printed as JSON for
// `npm run bench` (run with tsx: the engine is plain TypeScript with no browser API).
import { performance } from 'node:perf_hooks';
import { PROVIDERS } from '../../utils/catalog';
import type { ProviderDefinition } from '../../utils/catalog/types';
import type { SourceReads } from '../../utils/sources/reads';
import { CADENCE } from '../../utils/cadence/cadence';
import type { FieldEvent } from '../../utils/field/classify';
import { computeSnapshot } from '../../utils/health/snapshot';
import type { ServiceHealth } from '../../utils/health/types';
import { recordProbe, type ProbeLog } from '../../utils/probes/probe-log';

const SERVICES = 50;
const HISTORY_POINTS = 1_000;
const MINUTE = 60_000;

/**
 * 50 products: the catalog, then its providers again under new ids until there are enough
 * (the first copy keeps the real ids, so the user's ChatGPT requests count for ChatGPT).
 */
function benchCatalog(): ProviderDefinition[] {
  const providers: ProviderDefinition[] = [];
  let count = 0;
  for (let copy = 0; count < SERVICES; copy++) {
    for (const provider of PROVIDERS) {
      const products = provider.products
        .slice(0, SERVICES - count)
        .map((product) => ({ ...product, id: copy === 0 ? product.id : `${product.id}-${copy}` }));
      if (products.length === 0) break;
      providers.push({
        ...provider,
        id: copy === 0 ? provider.id : `${provider.id}-${copy}`,
        products,
      });
      count += products.length;
    }
  }
  return providers;
}

/**
 * Replays HISTORY_POINTS checks, one a minute, each merging every product's official
 * reading, probe and field signal with the previous snapshot: an outage comes and goes every
 * 100 checks so episodes, hysteresis and detection leads all do real work.
 */
function verdictEngine() {
  const providers = benchCatalog();
  const start = Date.parse('2025-06-10T00:00:00Z');
  let previous: ServiceHealth[] = [];
  let probes: ProbeLog = {};
  const durations: number[] = [];
  for (let point = 0; point < HISTORY_POINTS; point++) {
    const now = start + point * MINUTE;
    const outage = point % 100 >= 60 && point % 100 < 80;
    const reads: SourceReads = {};
    for (const provider of providers) {
      reads[provider.id] = {
        attemptedAt: now,
        okAt: now,
        error: null,
        failures: 0,
        nextDueAt: now + CADENCE.calmMs,
        report: {
          components: provider.products.map((product, index) => ({
            id: `${product.id}-c`,
            name: product.name,
            group: product.match?.groups?.[0],
            state: outage && index === 0 && point % 100 >= 65 ? 'partial_outage' : 'operational',
          })),
          incidents: [],
          overall: 'operational',
          grouped: true,
        },
        layout: null,
      };
      for (const product of provider.products) {
        if (!product.probe) continue;
        probes = recordProbe(probes, product.id, {
          at: now,
          outcome: outage ? 'failing' : 'answered',
          cause: outage ? 'timeout' : 'status',
          latencyMs: outage ? null : 80 + (point % 7) * 10,
        });
      }
    }
    const fieldEvents: FieldEvent[] = Array.from({ length: 40 }, (_, index) => ({
      at: now - index * 5_000,
      productId: 'chatgpt',
      pathClass: 'conversation',
      outcome: outage ? 'failed' : 'ok',
      ...(outage ? { status: 503 } : { status: 200 }),
    }));
    const began = performance.now();
    const { snapshot } = computeSnapshot(providers, { reads, probes, fieldEvents, previous }, now);
    durations.push(performance.now() - began);
    previous = snapshot.services;
  }
  durations.sort((a, b) => a - b);
  const total = durations.reduce((sum, ms) => sum + ms, 0);
  return {
    services: SERVICES,
    historyPoints: HISTORY_POINTS,
    totalMs: round(total),
    perCheckMs: {
      median: round(durations[Math.floor(durations.length / 2)]!),
      p95: round(durations[Math.floor(durations.length * 0.95)]!),
      max: round(durations.at(-1)!),
    },
    perVerdictUs: round((total * 1_000) / (SERVICES * HISTORY_POINTS)),
  };
}

/** How many status-page reads and probes an hour cost while all is well, by the schedule. */
function steadyStateSchedule() {
  const perHour = (intervalMs: number) => (60 * MINUTE) / intervalMs;
  const statusPages = PROVIDERS.filter((provider) => provider.sources.length > 0).map(
    (provider) => ({
      id: provider.id,
      readsPerHour: round(perHour(provider.pace?.calmMs ?? CADENCE.calmMs)),
    }),
  );
  const probeTargets = PROVIDERS.flatMap((provider) => provider.products).filter((p) => p.probe);
  return {
    statusPages,
    statusPageReadsPerHour: round(statusPages.reduce((sum, page) => sum + page.readsPerHour, 0)),
    probeTargets: probeTargets.map((product) => product.probe!.url),
    probesPerHour: round(probeTargets.length * perHour(CADENCE.probeCalmMs)),
    cadence: CADENCE,
  };
}

const round = (value: number) => Math.round(value * 1_000) / 1_000;

console.log(JSON.stringify({ verdictEngine: verdictEngine(), schedule: steadyStateSchedule() }));
