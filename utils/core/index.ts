// What the pages and the banner may use of utils/core/: its public face.
export { STATE_COLORS, isComponentState, isTrouble } from './states';
export type { ComponentState } from './states';
export { formatAgo, formatDuration, formatList, t, tAt, uiLanguage } from './i18n';
export type { MessageKey } from './i18n';
