/**
 * The one vocabulary every source is normalized into. Order matters: it is the severity
 * ranking used to pick the worst state (unknown ranks lowest so that a silent source never
 * masks a real outage elsewhere, and is never mistaken for one).
 */
export const COMPONENT_STATES = [
  'unknown',
  'operational',
  'maintenance',
  'degraded',
  'partial_outage',
  'major_outage',
] as const;

export type ComponentState = (typeof COMPONENT_STATES)[number];

const SEVERITY: Record<ComponentState, number> = {
  unknown: 0,
  operational: 1,
  maintenance: 2,
  degraded: 3,
  partial_outage: 4,
  major_outage: 5,
};

/**
 * The one palette of the states, for the badge, the state dots and the history strip: the
 * status-page convention users already read (green, blue, amber, orange, red; grey for not
 * knowing).
 */
export const STATE_COLORS: Record<ComponentState, string> = {
  operational: '#1e8e3e',
  maintenance: '#1a73e8',
  degraded: '#f29900',
  partial_outage: '#e8710a',
  major_outage: '#d93025',
  unknown: '#80868b',
};

/** The more severe of two states. */
export function worseOf(a: ComponentState, b: ComponentState): ComponentState {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** The most severe state of a list; `unknown` for an empty list. */
export function worstState(states: Iterable<ComponentState>): ComponentState {
  let worst: ComponentState = 'unknown';
  for (const state of states) worst = worseOf(worst, state);
  return worst;
}

/** Users feel these: they are what raises a notification and the ChatGPT banner. */
export function isTrouble(state: ComponentState): boolean {
  return state === 'degraded' || state === 'partial_outage' || state === 'major_outage';
}

/** A state we know to be fine (as opposed to trouble, or not knowing). */
export function isHealthy(state: ComponentState): boolean {
  return state === 'operational' || state === 'maintenance';
}

export function isComponentState(value: unknown): value is ComponentState {
  return typeof value === 'string' && (COMPONENT_STATES as readonly string[]).includes(value);
}
