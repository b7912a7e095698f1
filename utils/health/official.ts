import type { ComponentMatcher, ProductDefinition } from '../catalog/types';
import type { SourceComponent, SourceIncident, SourceReport } from '../sources/types';
import { staleAfter } from '../cadence/cadence';
import type { ComponentLayout, SourceRead } from '../sources/reads';
import { earliestOf, lookup } from '../core/json';
import { isTrouble, worstState, type ComponentState } from '../core/states';
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
  if (match.except?.some((pattern) => pattern.test(component.name))) return false;
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

/** A product's reading, or why the report cannot give one. */
export type ProductLookup =
  | { found: Omit<OfficialReading, 'reasons' | 'readAt'> }
  /** The page answered, but lists nothing of this product: renamed, moved, or gone. */
  | { missing: 'not_on_page' }
  /** The product is a group, and no source that knows the page's groups has answered yet. */
  | { missing: 'layout_unknown' };

/** The layout a flat report borrows from the last grouped read: each component's group by id. */
function withLayout(report: SourceReport, layout: ComponentLayout | null): SourceReport {
  if (report.grouped || !layout) return report;
  return {
    ...report,
    grouped: true,
    components: report.components.map((component) => {
      const group = lookup(layout.groupOf, component.id);
      return group ? { ...component, group } : component;
    }),
  };
}

/** The state a component's trouble gives its product: capped at degraded off the core. */
const weigh = (state: ComponentState, name: string, match: ComponentMatcher): ComponentState =>
  match.core && isTrouble(state) && !match.core.some((pattern) => pattern.test(name))
    ? 'degraded'
    : state;

/** What the report says of one product, or why it says nothing. */
export function readProduct(match: ComponentMatcher, report: SourceReport): ProductLookup {
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
  const listsComponents = report.components.length > 0;
  if (!match.wholePage && mine.length === 0 && listsComponents && incidents.length === 0) {
    // A flat list cannot say what is in a group: that is not knowing, not the product gone.
    const needsLayout = (match.groups?.length ?? 0) > 0 && !report.grouped;
    return { missing: needsLayout ? 'layout_unknown' : 'not_on_page' };
  }
  // A component the page does not monitor (`unknown`) is not affected.
  const troubled = mine.filter((component) => isTrouble(component.state));
  const belowShare =
    match.minTroubledShare !== undefined &&
    troubled.length < match.minTroubledShare * mine.filter((c) => c.state !== 'unknown').length;
  // An open incident weighs on the components it names, by its impact on each where the page
  // says (incident.io), else by its own (Statuspage leaves component states as they were:
  // GitHub kept "Copilot" operational under an open incident). A feed of incidents only
  // (Google, RSS) names products, not components: there the incident is the product's state.
  const incidentStates = incidents.flatMap((incident) => {
    if (belowShare && incident.componentIds.length > 0) return [];
    // A Set: a page listing 100,000 components under one incident must not cost 10^10 steps.
    const names = new Set(incident.componentIds);
    const named = mine.filter((component) => names.has(component.id));
    if (named.length === 0) return [incident.impact];
    return named.map((component) =>
      weigh(
        lookup(incident.impactOn ?? {}, component.id) ?? incident.impact,
        component.name,
        match,
      ),
    );
  });
  const state = worstState([
    'operational',
    ...(belowShare ? [] : mine.map((component) => weigh(component.state, component.name, match))),
    ...(match.wholePage && report.overall && !belowShare ? [report.overall] : []),
    ...incidentStates,
  ]);
  const starts = incidents.map((incident) => incident.startedAt ?? Infinity);
  return {
    found: {
      state,
      affected: mine
        .filter((component) => component.state !== 'operational' && component.state !== 'unknown')
        .map(({ name, state: componentState }) => ({ name, state: componentState })),
      incidents: incidents.map(summarize),
      startedAt: isTrouble(state) ? finiteOrNull(earliestOf(starts) ?? Infinity) : null,
    },
  };
}

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

/**
 * What the official page says of a product now: its last good read while that is fresh
 * (saying so when the latest read failed), `unknown` with the reason once it is not.
 */
export function officialReading(
  product: ProductDefinition,
  providerName: string,
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
  const lookup = readProduct(
    product.match ?? { wholePage: true },
    withLayout(read.report, read.layout ?? null),
  );
  if ('missing' in lookup) {
    return unknown([
      lookup.missing === 'layout_unknown'
        ? { key: 'reason_layoutUnknown', substitutions: [product.name] }
        : { key: 'reason_notOnPage', substitutions: [product.name, providerName] },
    ]);
  }
  const reading = lookup.found;
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
