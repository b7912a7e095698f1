import type { ProviderDefinition } from './types';

/**
 * The Gemini app is a Google Workspace service; the Gemini API is on Google Cloud's status
 * dashboard. Both publish only an incidents.json (no component list): a product is in
 * trouble when an active incident names it among its affected products.
 */
export const GOOGLE_WORKSPACE: ProviderDefinition = {
  id: 'google-workspace',
  name: 'Google',
  statusPageUrl: 'https://www.google.com/appsstatus/dashboard/',
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
