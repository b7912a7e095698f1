// What the pages and the banner may use of utils/handoff/: its public face.
export { peekAsk } from './pending';
export type { PendingPrompt } from './pending';
export { originPattern } from './plan';
export type { HandoffOutcome } from './plan';
export { alternativeById } from './request';
