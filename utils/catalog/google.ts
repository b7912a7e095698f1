import type { ProviderDefinition } from './types';

/**
 * The Gemini app is a Google Workspace service; the Gemini API is on Google Cloud's status
 * dashboard. Both publish only an incidents.json (no component list): a product is in
 * trouble when an active incident names it among its affected products. Those files hold
 * weeks of incidents of every Google product: Cloud's weighed 120–190 KB in 2026 captures
 * (20 KB gzipped), Workspace's is reported at ~400 KB, and nothing shows that Google answers
 * them with a 304. Read at the default pace they alone would cost more than the radar's whole
 * healthy-traffic budget (200 KB/hour, docs/PERFORMANCE.md), so they are read hourly while all
 * is well (the Gemini API's probe watches in between), every 10 minutes while Gemini is
 * needed as a way out of a ChatGPT outage, and every 5 while Gemini itself is in trouble.
 */
const GOOGLE_PACE = { calmMs: 60 * 60_000, watchingMs: 10 * 60_000, troubleMs: 5 * 60_000 };
export const GOOGLE_WORKSPACE: ProviderDefinition = {
  id: 'google-workspace',
  name: 'Google',
  statusPageUrl: 'https://www.google.com/appsstatus/dashboard/',
  pace: GOOGLE_PACE,
  sources: [
    { format: 'google', url: 'https://www.google.com/appsstatus/dashboard/incidents.json' },
  ],
  products: [
    {
      id: 'gemini',
      name: 'Gemini',
      category: 'chat',
      homeUrl: 'https://gemini.google.com/app',
      // Workspace lists the app as the product "Gemini" (unverified: no Workspace capture).
      match: { incidentProducts: [/^gemini$/i] },
      standsInFor: ['chat', 'image', 'video'],
    },
  ],
};

/**
 * People read the Gemini API's health on AI Studio's status page, which publishes no feed
 * anyone has found. Google Cloud's dashboard covers only the Gemini API served through
 * Vertex AI, as the product "Vertex Gemini API": that one product counts, not every Vertex
 * AI product (a Vertex AI Search incident says nothing of Gemini). The probe is the API
 * itself (generativelanguage.googleapis.com), so AI Studio's API is watched either way.
 */
export const GOOGLE_CLOUD: ProviderDefinition = {
  id: 'google-cloud',
  name: 'Google Cloud',
  statusPageUrl: 'https://aistudio.google.com/status',
  pace: GOOGLE_PACE,
  sources: [{ format: 'google', url: 'https://status.cloud.google.com/incidents.json' }],
  products: [
    {
      id: 'gemini-api',
      name: 'Gemini API',
      category: 'api',
      homeUrl: 'https://ai.google.dev',
      // Its `title` stays "Vertex Gemini API"; its `current_title` became "Gemini on Agent
      // Platform" in 2026 (tests/fixtures/google/PROVENANCE.md): either name counts.
      match: { incidentProducts: [/^vertex gemini api$/i, /^gemini on agent platform$/i] },
      probe: { url: 'https://generativelanguage.googleapis.com/v1beta/models' },
      standsInFor: ['api'],
    },
  ],
};
