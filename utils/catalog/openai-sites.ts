import type { AlternativeKind } from './types';

/** The OpenAI sites that can carry the outage banner, as the user's settings name them. */
export const BANNER_SITES = ['chatgpt', 'sora', 'platform'] as const;
export type BannerSite = (typeof BANNER_SITES)[number];

/** An OpenAI site where people work, and the product whose outage its banner is about. */
export interface OpenAiSite {
  id: BannerSite;
  /** The catalog product this site serves. */
  productId: string;
  /** Which alternatives stand in for it. */
  kind: AlternativeKind;
  /** Its hosts (https only: OpenAI serves nothing else). */
  hosts: readonly string[];
  matches: readonly string[];
}

const site = (
  id: BannerSite,
  productId: string,
  kind: AlternativeKind,
  hosts: readonly string[],
): OpenAiSite => ({
  id,
  productId,
  kind,
  hosts,
  matches: hosts.map((host) => `https://${host}/*`),
});

/** Where the banner can show: each site about the product it serves. */
export const OPENAI_SITES: readonly OpenAiSite[] = [
  site('chatgpt', 'chatgpt', 'chat', ['chatgpt.com', 'chat.openai.com']),
  site('sora', 'sora', 'video', ['sora.chatgpt.com', 'sora.com']),
  site('platform', 'openai-api', 'api', ['platform.openai.com']),
];

/** Every page the banner can serve, as match patterns (its script's and its stylesheet's). */
export const OPENAI_SITE_MATCHES: string[] = OPENAI_SITES.flatMap((site) => [...site.matches]);

/** The site a page belongs to, by its exact host name (no subdomain of it is the site). */
export function siteForHost(hostname: string): OpenAiSite | undefined {
  const host = hostname.toLowerCase();
  return OPENAI_SITES.find((site) => site.hosts.includes(host));
}

/** The pages where people use ChatGPT: a tab open on one of them makes the radar watch closely. */
export const CHATGPT_MATCHES: readonly string[] = OPENAI_SITES.find(
  (site) => site.id === 'chatgpt',
)!.matches;
