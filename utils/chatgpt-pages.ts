/** The pages where people use ChatGPT: where the banner shows. */
export const CHATGPT_MATCHES = ['https://chatgpt.com/*', 'https://chat.openai.com/*'];
