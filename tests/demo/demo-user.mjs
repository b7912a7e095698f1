// The user the demo and the store's screenshots show: ChatGPT, Claude and Gemini are their
// tools, Claude their first way out, quiet hours at night.
export const DEMO_SETTINGS = {
  myTools: ['chatgpt', 'claude', 'gemini'],
  hiddenServices: [],
  preferredAlternatives: ['claude', 'gemini-veo'],
  mutedServices: [],
  quietHours: { enabled: true, from: '22:00', to: '07:00' },
  banner: { enabled: true, sites: { chatgpt: true, sora: true, platform: true } },
  customPages: [],
};
