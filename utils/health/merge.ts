import type { ProductDefinition, ProviderDefinition } from '../catalog/types';
import { FIELD_FLOOD_REQUESTS, type FieldSignal } from '../field/window';
import type { ProbeSignal } from '../probes/probe-log';
import { earliestOf } from '../core/json';
import type { OfficialReading } from './official';
import { isHealthy, isTrouble, worseOf, type ComponentState } from '../core/states';
import type { Confidence, Reason, ServiceHealth } from './types';

/**
 * How long the radar's own signals must stay calm before it calls off trouble that only
 * they saw: one good request after a burst of failures is not a recovery.
 */
export const RECOVERY_HOLD_MS = 90_000;

/** Everything known about one product at one moment. */
export interface ProductSignals {
  product: ProductDefinition;
  provider: ProviderDefinition;
  /** null for products whose provider publishes no status feed. */
  official: OfficialReading | null;
  probe: ProbeSignal | null;
  field: FieldSignal | null;
  previous: ServiceHealth | undefined;
  now: number;
}

/**
 * The host a product's probe knocks on, named in its reasons: a probe of api.mistral.ai says
 * the API answers, not that Le Chat does.
 */
const probeHost = (product: ProductDefinition) =>
  // The catalog's own https URLs: a regex, not a URL parse per verdict on the hot path.
  (product.probe && /^https:\/\/([^/]+)/.exec(product.probe.url)?.[1]) ?? product.name;

/** What the radar's own signals (probe, the user's requests) say, with their reasons. */
function ownSignals({ product, probe, field }: ProductSignals): {
  state: ComponentState | null;
  reasons: Reason[];
  troubleSince: number | null;
  healthy: boolean;
} {
  const reasons: Reason[] = [];
  const fieldFailing = field?.state === 'failing';
  const fieldStruggling = field?.state === 'struggling';
  const probeFailing = probe?.state === 'failing';
  if (fieldFailing) {
    reasons.push({
      key: 'reason_fieldFailing',
      substitutions: [String(Math.max(field.consecutiveFailures, field.failures)), product.name],
    });
  }
  if (fieldStruggling && field.failedSends > 0) {
    reasons.push({
      key: 'reason_fieldSendsFailing',
      substitutions: [String(field.failedSends), String(field.sends), product.name],
    });
  }
  if (fieldStruggling && field.limited >= FIELD_FLOOD_REQUESTS) {
    reasons.push({
      key: 'reason_fieldLimited',
      substitutions: [product.name, String(field.limited)],
    });
  }
  if (probeFailing) {
    reasons.push({
      key: 'reason_probeFailing',
      substitutions: [probeHost(product), String(probe.consecutiveFailures)],
    });
  }
  if (probe?.state === 'slow' && probe.lastLatencyMs !== null && probe.baselineMs !== null) {
    reasons.push({
      key: 'reason_probeSlow',
      substitutions: [
        probeHost(product),
        String(Math.round(probe.lastLatencyMs)),
        String(Math.round(probe.baselineMs)),
      ],
    });
  }
  const starts = [
    fieldFailing || fieldStruggling ? field.firstFailureAt : null,
    probeFailing ? probe.since : null,
  ].filter((time): time is number => time !== null);
  // Two independent signals failing together is an outage; one of them is a partial one; some
  // of the user's sends failing (or a flood of 429s), or a slow probe, a degraded service.
  const state: ComponentState | null =
    fieldFailing && probeFailing
      ? 'major_outage'
      : fieldFailing || probeFailing
        ? 'partial_outage'
        : fieldStruggling || probe?.state === 'slow'
          ? 'degraded'
          : null;
  const healthy = state === null && (probe?.state === 'answering' || field?.state === 'working');
  if (healthy && probe?.state === 'answering' && probe.lastLatencyMs !== null) {
    reasons.push({
      key: 'reason_probeAnswering',
      substitutions: [probeHost(product), String(Math.round(probe.lastLatencyMs))],
    });
  }
  if (healthy && field?.state === 'working') {
    reasons.push({ key: 'reason_fieldWorking', substitutions: [product.name] });
  }
  return { state, reasons, troubleSince: earliestOf(starts), healthy };
}

/**
 * The verdict for one product: the official page's word, overruled upwards by the radar's
 * own signals (they see trouble first), with reasons, a confidence, hysteresis on the way
 * down, and the times each side first saw the trouble (for the detection lead).
 */
export function mergeVerdict(signals: ProductSignals): ServiceHealth {
  const { product, provider, official, previous, now } = signals;
  const own = ownSignals(signals);
  const officialState = official?.state ?? 'unknown';
  let state: ComponentState = officialState;
  const reasons: Reason[] = [...(official?.reasons ?? [{ key: 'reason_noOfficial' }])];

  if (own.state) {
    state = officialState === 'unknown' ? own.state : worseOf(officialState, own.state);
    if (isHealthy(officialState)) reasons.push({ key: 'reason_officialLagging' });
  } else if (officialState === 'unknown' && own.healthy) {
    // No word from the page, but the service answers: working, with low confidence.
    state = 'operational';
  }
  // Our evidence of trouble leads (it is why the verdict is worse than the page says); our
  // evidence that things work follows the page's word, as a second opinion.
  if (own.state) reasons.unshift(...own.reasons);
  else reasons.push(...own.reasons);

  // Hysteresis: trouble that only our own signals saw ends only after they stay calm.
  let calmSince: number | null = null;
  if (previous && isTrouble(previous.state) && !isTrouble(state) && state !== 'unknown') {
    const officialCleared = official !== null && isTrouble(previous.officialState ?? 'unknown');
    calmSince = previous.calmSince ?? now;
    if (!officialCleared && now - calmSince < RECOVERY_HOLD_MS) {
      state = previous.state;
      reasons.unshift({ key: 'reason_recovering' });
    } else {
      calmSince = null;
    }
  }

  const officialTrouble = isTrouble(officialState);
  const ownTrouble = own.state !== null && isTrouble(own.state);
  const officialKnown = official !== null && officialState !== 'unknown';
  // Two sources agreeing is high confidence; one alone is medium; a probe alone says little.
  const confidence: Confidence =
    (ownTrouble && officialTrouble) ||
    own.state === 'major_outage' ||
    (officialKnown && own.healthy)
      ? 'high'
      : officialKnown || ownTrouble
        ? 'medium'
        : 'low';

  // The first time, in this trouble episode, that each side said "trouble": the gap is the
  // radar's detection lead over the official page.
  const episodeOpen = previous?.troubleSince != null;
  const firstSeen = (seesNow: boolean, before: number | null | undefined) =>
    episodeOpen ? (before ?? (seesNow ? now : null)) : seesNow ? now : null;
  const detection = {
    radarAt: firstSeen(ownTrouble, previous?.detection?.radarAt),
    officialAt: firstSeen(officialTrouble, previous?.detection?.officialAt),
  };

  return {
    id: product.id,
    name: product.name,
    providerId: provider.id,
    category: product.category,
    homeUrl: product.homeUrl,
    statusPageUrl: provider.statusPageUrl,
    state,
    confidence,
    officialState,
    affected: official?.affected ?? [],
    incidents: official?.incidents ?? [],
    reasons,
    troubleSince: isTrouble(state) ? minKnown(official?.startedAt ?? null, own.troubleSince) : null,
    // Set by settleEpisodes, which knows whether this trouble continues an open episode.
    openedAt: null,
    lastReadAt: official?.readAt ?? null,
    calmSince,
    detection,
  };
}

function minKnown(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
