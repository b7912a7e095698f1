// What the pages and the banner may use of utils/custom-pages/: its public face.
export type { StatusPageDetection } from './detect';
export { customId } from './providers';
export { alreadyAdded, withPage } from './edits';
export { sourceOrigin } from '../sources';
