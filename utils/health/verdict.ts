import type { ComponentMatcher, ProductDefinition, ProviderDefinition } from '../catalog/types';
import type { SourceComponent, SourceIncident, SourceResult } from '../sources/types';
import { isTrouble, worstState } from './states';
import type { IncidentSummary, Reason, ServiceHealth } from './types';

/** How long a last good read stands in for a status page that stopped answering. */
export const STALE_AFTER_MS = 5 * 60_000;

function matches(component: SourceComponent, match: ComponentMatcher): boolean {
  const group = component.group?.toLowerCase();
  if (group && match.groups?.some((name) => name.toLowerCase() === group)) return true;
  return match.names?.some((pattern) => pattern.test(component.name)) ?? false;
}

/**
 * The verdict for each product of a provider from one read of its status source. A failed
 * read keeps the last good verdict for a short while (saying so), then turns `unknown`:
 * never a fresh "operational" from a page we could not read, never a "down" from it either.
 */
export function providerVerdicts(
  provider: ProviderDefinition,
  result: SourceResult,
  previous: readonly ServiceHealth[],
  now: number,
): ServiceHealth[] {
  return provider.products.map((product) => {
    const base = {
      id: product.id,
      name: product.name,
      providerId: provider.id,
      category: product.category,
      homeUrl: product.homeUrl,
      statusPageUrl: provider.statusPageUrl,
    };
    const before = previous.find((health) => health.id === product.id);
    if (!result.ok) {
      const reason: Reason = {
        key: `reason_source_${result.error.code}`,
        ...(result.error.code === 'http' ? { substitutions: [result.error.detail] } : {}),
      };
      if (
        before?.lastReadAt &&
        now - before.lastReadAt <= STALE_AFTER_MS &&
        before.state !== 'unknown'
      ) {
        return {
          ...before,
          ...base,
          reasons: [
            reason,
            { key: 'reason_keptLastRead', substitutions: [`time:${before.lastReadAt}`] },
          ],
        };
      }
      return {
        ...base,
        state: 'unknown',
        affected: [],
        incidents: [],
        reasons: [reason],
        // Not knowing does not end an outage: the episode stays open until a healthy read.
        troubleSince: before?.troubleSince ?? null,
        lastReadAt: before?.lastReadAt ?? null,
      };
    }
    return {
      ...base,
      ...productReading(product, result.value.components, result.value.incidents, now),
    };
  });
}

function productReading(
  product: ProductDefinition,
  components: readonly SourceComponent[],
  allIncidents: readonly SourceIncident[],
  now: number,
): Omit<ServiceHealth, 'id' | 'name' | 'providerId' | 'category' | 'homeUrl' | 'statusPageUrl'> {
  const mine = components.filter((component) => matches(component, product.match));
  if (mine.length === 0) {
    return {
      state: 'unknown',
      affected: [],
      incidents: [],
      reasons: [{ key: 'reason_notListed' }],
      troubleSince: null,
      lastReadAt: now,
    };
  }
  const state = worstState(mine.map((component) => component.state));
  const ids = new Set(mine.map((component) => component.id));
  const incidents: IncidentSummary[] = allIncidents
    .filter((incident) => incident.componentIds.some((id) => ids.has(id)))
    .map(({ id, title, impact, status, startedAt, url }) => ({
      id,
      title,
      impact,
      status,
      startedAt,
      url,
    }));
  const affected = mine
    .filter((component) => component.state !== 'operational')
    .map(({ name, state: componentState }) => ({ name, state: componentState }));
  const reasons: Reason[] = [{ key: 'reason_official', substitutions: [`state:${state}`] }];
  if (affected.length > 0) {
    reasons.push({
      key: 'reason_affected',
      substitutions: [`list:${affected.map((c) => c.name).join('\n')}`],
    });
  }
  const officialStart = Math.min(...incidents.map((incident) => incident.startedAt ?? Infinity));
  return {
    state,
    affected,
    incidents,
    reasons,
    troubleSince: isTrouble(state) && Number.isFinite(officialStart) ? officialStart : null,
    lastReadAt: now,
  };
}
