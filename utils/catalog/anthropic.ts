import type { ProviderDefinition } from './types';

/** status.anthropic.com redirects to status.claude.com, an Atlassian Statuspage. */
export const ANTHROPIC: ProviderDefinition = {
  id: 'anthropic',
  name: 'Anthropic',
  statusPageUrl: 'https://status.claude.com',
  sources: [
    { format: 'statuspage', baseUrl: 'https://status.claude.com' },
    { format: 'feed', url: 'https://status.claude.com/history.atom' },
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
