import type { AlternativeKind } from './catalog/types';
import type { BannerSite } from './settings';

/** An OpenAI site where people work, and the product whose outage its banner is about. */
export interface OpenAiSite {
  id: BannerSite;
  /** The catalog product this site serves. */
  productId: string;
  /** Which alternatives stand in for it. */
  kind: AlternativeKind;
  matches: readonly string[];
}

/** Where the banner can show: each site about the product it serves. */
export const OPENAI_SITES: readonly OpenAiSite[] = [
  {
    id: 'chatgpt',
    productId: 'chatgpt',
    kind: 'chat',
    matches: ['https://chatgpt.com/*', 'https://chat.openai.com/*'],
  },
  {
    id: 'sora',
    productId: 'sora',
    kind: 'video',
    matches: ['https://sora.chatgpt.com/*', 'https://sora.com/*'],
  },
  {
    id: 'platform',
    productId: 'openai-api',
    kind: 'api',
    matches: ['https://platform.openai.com/*'],
  },
];
