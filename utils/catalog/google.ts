import type { ProviderDefinition } from './types';

/**
 * The Gemini app is a Google Workspace service; the Gemini API is on Google Cloud's status
 * dashboard. Both publish only an incidents.json (no component list): a product is in
 * trouble when an active incident names it among its affected products. Those files hold
 * weeks of incidents of every Google product (reported at 170–600 KB), so they are read every
 * 15 minutes while all is well, not 5; faster in trouble or when Gemini is needed as a way out.
 */
const GOOGLE_CALM_INTERVAL_MS = 15 * 60_000;
export const GOOGLE_WORKSPACE: ProviderDefinition = {
  id: 'google-workspace',
  name: 'Google',
  statusPageUrl: 'https://www.google.com/appsstatus/dashboard/',
  calmIntervalMs: GOOGLE_CALM_INTERVAL_MS,
  sources: [
    { format: 'google', url: 'https://www.google.com/appsstatus/dashboard/incidents.json' },
  ],
  products: [
    {
      id: 'gemini',
      name: 'Gemini',
      category: 'chat',
      homeUrl: 'https://gemini.google.com/app',
      match: { incidentProducts: [/gemini/i] },
      standsInFor: ['chat', 'image'],
    },
  ],
};

export const GOOGLE_CLOUD: ProviderDefinition = {
  id: 'google-cloud',
  name: 'Google Cloud',
  statusPageUrl: 'https://status.cloud.google.com',
  calmIntervalMs: GOOGLE_CALM_INTERVAL_MS,
  sources: [{ format: 'google', url: 'https://status.cloud.google.com/incidents.json' }],
  products: [
    {
      id: 'gemini-api',
      name: 'Gemini API',
      category: 'api',
      homeUrl: 'https://ai.google.dev',
      match: { incidentProducts: [/gemini/i, /vertex ai/i] },
      probe: { url: 'https://generativelanguage.googleapis.com/v1beta/models' },
      standsInFor: ['api'],
    },
  ],
};
