// What the pages and the banner may use of utils/alternatives/: its public face.
export { offerAlternatives } from './offer';
