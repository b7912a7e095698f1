import type { ProviderDefinition } from '../catalog/types';
import { staleAfter } from '../cadence/cadence';
import type { SourceReads } from '../sources/reads';
import { fieldSignals } from '../field/window';
import type { FieldEvent } from '../field/classify';
import { probeSignal, type ProbeLog, type ProbeSignal } from '../probes/probe-log';
import { settleEpisodes, type Transition } from './episodes';
import { mergeVerdict } from './merge';
import { blackout, offlineVerdict } from './offline';
import { officialReading } from './official';
import type { HealthSnapshot, ServiceHealth } from './types';

/** Everything the worker has stored, from which a snapshot is computed. */
export interface RadarState {
  reads: SourceReads;
  probes: ProbeLog;
  fieldEvents: readonly FieldEvent[];
  previous: readonly ServiceHealth[];
  /** What the browser says of its connection; read from `navigator.onLine` when not given. */
  online?: boolean;
}

/** `navigator.onLine` where there is one (the worker, a page); false only when it says so. */
const browserOnline = (): boolean => typeof navigator === 'undefined' || navigator.onLine !== false;

/**
 * Below this many probed services, a few failing together can be a real shared outage (a
 * cloud region), not the user's connection.
 */
const OFFLINE_MIN_TARGETS = 4;

/**
 * Probe signals for every probed product. When nearly all of them fail at once, the likely
 * cause is the user's own connection, not a dozen providers going down together: those
 * failures say nothing (`unknown`) rather than a false "down" everywhere.
 */
export function probeSignals(
  providers: readonly ProviderDefinition[],
  probes: ProbeLog,
  now: number,
): Record<string, ProbeSignal> {
  const signals: Record<string, ProbeSignal> = {};
  for (const product of providers.flatMap((provider) => provider.products)) {
    if (product.probe) signals[product.id] = { ...probeSignal(probes[product.id], now) };
  }
  const all = Object.values(signals);
  const failing = all.filter((signal) => signal.state === 'failing');
  if (all.length >= OFFLINE_MIN_TARGETS && failing.length >= 0.8 * all.length) {
    for (const signal of failing) signal.state = 'unknown';
  }
  // Failures from while the connection was down, not yet retried since it came back.
  const down = blackout(probes, Math.max(OFFLINE_MIN_TARGETS, Math.ceil(0.8 * all.length)));
  if (down) {
    for (const [id, signal] of Object.entries(signals)) {
      const latest = probes[id]?.results.at(-1);
      if (
        signal.state === 'failing' &&
        latest &&
        latest.cause !== 'status' &&
        latest.at >= down.from &&
        latest.at <= down.to
      ) {
        signal.state = 'unknown';
      }
    }
  }
  return signals;
}

/**
 * The whole verdict engine, pure: every product's official reading, probe and field signal
 * merged into one verdict, then outage episodes carried over from the previous snapshot.
 */
export function computeSnapshot(
  providers: readonly ProviderDefinition[],
  { reads, probes, fieldEvents, previous, online = browserOnline() }: RadarState,
  now: number,
): { snapshot: HealthSnapshot; transitions: Transition[] } {
  const fields = fieldSignals([...fieldEvents], now) as Partial<
    Record<string, ReturnType<typeof fieldSignals>[keyof ReturnType<typeof fieldSignals>]>
  >;
  const probeBy = probeSignals(providers, probes, now);
  const verdicts = providers.flatMap((provider) =>
    provider.products.map((product) =>
      mergeVerdict({
        product,
        provider,
        official:
          provider.sources.length > 0
            ? officialReading(
                product,
                provider.name,
                reads[provider.id],
                now,
                staleAfter(provider.pace?.calmMs),
              )
            : null,
        probe: probeBy[product.id] ?? null,
        field: fields[product.id] ?? null,
        previous: previous.find((service) => service.id === product.id),
        now,
      }),
    ),
  );
  const { services, transitions } = settleEpisodes(previous, verdicts, now);
  const offline = offlineVerdict(reads, probes, online, now);
  // Offline, whatever changes is our connection's doing, not the services': nothing to notify.
  return {
    snapshot: { checkedAt: now, services, offline },
    transitions: offline ? [] : transitions,
  };
}
