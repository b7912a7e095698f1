// What the pages and the banner may use of utils/banner/: its public face.
export { readComposer } from './composer';
export { BANNER_STATUS_PAGE_URL, bannerService } from './decision';
export { alternativeLink, statusLink } from './links';
export { normalizeSnoozes } from './snooze';
export { bannerPrefs, bannerSnoozes } from './store';
