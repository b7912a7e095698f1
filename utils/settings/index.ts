// What the pages and the banner may use of utils/settings/: its public face.
export {
  normalizeSettings,
  readSettings,
  settings,
  updateSettings,
  userOrder,
  withMember,
} from './settings';
export type { CustomStatusPage, Settings } from './settings';
