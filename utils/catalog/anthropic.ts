import type { ProviderDefinition } from './types';

/**
 * status.anthropic.com redirects to status.claude.com, an Atlassian Statuspage. Since
 * 2026-09-17 status.claude.com has been reported to answer some non-browser clients with a
 * CloudFront 405 challenge while the page's own Statuspage host, anthropic.statuspage.io,
 * serves the same JSON: that host is the first fallback, the Atom history the last. A public
 * Statuspage answers any origin (Atlassian allows CORS on every page but private and trial
 * ones), so these need no host permission.
 */
export const ANTHROPIC: ProviderDefinition = {
  id: 'anthropic',
  name: 'Anthropic',
  statusPageUrl: 'https://status.claude.com',
  sources: [
    { format: 'statuspage', baseUrl: 'https://status.claude.com', cors: true },
    { format: 'statuspage', baseUrl: 'https://anthropic.statuspage.io', cors: true },
    { format: 'feed', url: 'https://status.claude.com/history.atom', cors: true },
  ],
  products: [
    {
      id: 'claude',
      name: 'Claude',
      category: 'chat',
      homeUrl: 'https://claude.ai',
      // Component "claude.ai"; the feed fallback only names products in prose.
      match: { names: [/^claude\.ai\b/i], incidentProducts: [/claude\.ai/i] },
      standsInFor: ['chat'],
    },
    {
      id: 'claude-api',
      name: 'Claude API',
      category: 'api',
      homeUrl: 'https://platform.claude.com',
      match: { names: [/claude api|api\.anthropic\.com/i], incidentProducts: [/\bAPI\b/] },
      probe: { url: 'https://api.anthropic.com/v1/models' },
      standsInFor: ['api'],
    },
    {
      id: 'claude-code',
      name: 'Claude Code',
      category: 'code',
      homeUrl: 'https://claude.com/product/claude-code',
      match: { names: [/claude code/i], incidentProducts: [/claude code/i] },
      standsInFor: ['code'],
    },
  ],
};
