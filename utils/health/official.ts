import type { ComponentMatcher, ProductDefinition } from '../catalog/types';
import type { SourceComponent, SourceIncident, SourceReport } from '../sources/types';
import { staleAfter } from '../check/cadence';
import type { SourceRead } from '../check/source-reads';
import { isTrouble, worstState, type ComponentState } from './states';
import type { IncidentSummary, Reason } from './types';

/**
 * How long the last good read of a status page stands for it when later reads fail, for a
 * page read at the default calm pace: two polls and a little. Past this the page is silent,
 * and a silent page says `unknown` — never a stale "operational".
 */
export const STALE_AFTER_MS = staleAfter();

/** What a provider's official status page says about one product. */
export interface OfficialReading {
  state: ComponentState;
  affected: { name: string; state: ComponentState }[];
  incidents: IncidentSummary[];
  reasons: Reason[];
  /** When the page's own incidents say the trouble began. */
  startedAt: number | null;
  /** When the page was last read successfully. */
  readAt: number | null;
}

const matchesComponent = (component: SourceComponent, match: ComponentMatcher) => {
  const group = component.group?.toLowerCase();
  if (group && match.groups?.some((name) => name.toLowerCase() === group)) return true;
  return match.names?.some((pattern) => pattern.test(component.name)) ?? false;
};

const namesProduct = (incident: SourceIncident, match: ComponentMatcher) =>
  (incident.componentNames ?? []).some((name) =>
    match.incidentProducts?.some((pattern) => pattern.test(name)),
  );

const summarize = ({ id, title, impact, status, startedAt, url }: SourceIncident) => ({
  id,
  title,
  impact,
  status,
  startedAt,
  url,
});

/** A product's reading from one good report, or null when the report does not cover it. */
export function readProduct(
  match: ComponentMatcher,
  report: SourceReport,
): Omit<OfficialReading, 'reasons' | 'readAt'> | null {
  const mine = match.wholePage
    ? report.components
    : report.components.filter((component) => matchesComponent(component, match));
  const ids = new Set(mine.map((component) => component.id));
  const incidents = report.incidents.filter(
    (incident) =>
      match.wholePage ||
      incident.componentIds.some((id) => ids.has(id)) ||
      namesProduct(incident, match),
  );
  // A page that lists components but none of ours does not cover this product...
  const listsComponents = report.components.length > 0 && !report.componentsPartial;
  if (!match.wholePage && mine.length === 0 && listsComponents && incidents.length === 0) {
    return null;
  }
  // ...while a feed of incidents only (or of affected components only) is all-clear for a
  // product none of its incidents names.
  const state = worstState([
    'operational',
    ...mine.map((component) => component.state),
    ...(match.wholePage && report.overall ? [report.overall] : []),
    ...(mine.length === 0 ? incidents.map((incident) => incident.impact) : []),
  ]);
  const starts = incidents.map((incident) => incident.startedAt ?? Infinity);
  return {
    state,
    // A component the page does not monitor (`unknown`) is not affected.
    affected: mine
      .filter((component) => component.state !== 'operational' && component.state !== 'unknown')
      .map(({ name, state: componentState }) => ({ name, state: componentState })),
    incidents: incidents.map(summarize),
    startedAt: isTrouble(state) && starts.length ? finiteOrNull(Math.min(...starts)) : null,
  };
}

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

/**
 * What the official page says of a product now: its last good read while that is fresh
 * (saying so when the latest read failed), `unknown` with the reason once it is not.
 */
export function officialReading(
  product: ProductDefinition,
  read: SourceRead | undefined,
  now: number,
  staleAfterMs: number = STALE_AFTER_MS,
): OfficialReading {
  const unknown = (reasons: Reason[]): OfficialReading => ({
    state: 'unknown',
    affected: [],
    incidents: [],
    reasons,
    startedAt: null,
    readAt: read?.okAt ?? null,
  });
  if (!read) return unknown([{ key: 'reason_notReadYet' }]);
  const errorReason: Reason[] = read.error
    ? [
        {
          key: `reason_source_${read.error.code}`,
          ...(read.error.code === 'http' ? { substitutions: [read.error.detail] } : {}),
        },
      ]
    : [];
  if (!read.report || read.okAt === null) return unknown(errorReason);
  if (now - read.okAt > staleAfterMs) {
    return unknown([...errorReason, { key: 'reason_stale', substitutions: [`time:${read.okAt}`] }]);
  }
  const reading = readProduct(product.match ?? { wholePage: true }, read.report);
  if (!reading) return unknown([{ key: 'reason_notListed' }]);
  const reasons: Reason[] = [{ key: 'reason_official', substitutions: [`state:${reading.state}`] }];
  if (reading.affected.length > 0) {
    reasons.push({
      key: 'reason_affected',
      substitutions: [`list:${reading.affected.map((c) => c.name).join('\n')}`],
    });
  }
  if (read.error) {
    reasons.push(...errorReason, {
      key: 'reason_keptLastRead',
      substitutions: [`time:${read.okAt}`],
    });
  }
  return { ...reading, reasons, readAt: read.okAt };
}
