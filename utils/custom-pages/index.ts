// What the pages and the banner may use of utils/custom-pages/: its public face.
export type { StatusPageDetection } from './detect';
export { customId } from './providers';
export { alreadyAdded, sourceOrigin, withPage } from './edits';
