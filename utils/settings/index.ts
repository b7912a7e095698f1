// What the pages and the banner may use of utils/settings/: its public face.
export { normalizeSettings } from './normalize';
export { userOrder, withMember } from './order';
export { readSettings, settings, updateSettings } from './settings';
export type { CustomStatusPage, Settings } from './types';
