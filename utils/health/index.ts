// What the pages and the banner may use of utils/health/: its public face.
export { ownEvidence } from './evidence';
export { reasonText, stateLabel } from './reason-text';
export { healthSnapshot } from './store';
export type { HealthSnapshot, IncidentSummary, ServiceHealth } from './types';
