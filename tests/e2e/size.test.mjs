import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUDGETS, measure } from '../size/measure.mjs';
import { EXTENSION } from './harness.mjs';

// Byte counts of the built extension: deterministic, unlike timings, so they can gate.
describe('the built extension', () => {
  it('keeps each bundle within its gzip budget', async () => {
    const sizes = await measure(EXTENSION);
    for (const [entry, budget] of Object.entries(BUDGETS)) {
      assert.ok(sizes[entry], `${entry} was built`);
      assert.ok(
        sizes[entry].gzip <= budget,
        `${entry}: ${sizes[entry].gzip} B gzip > budget ${budget} B`,
      );
    }
  });

  it('asks for no more than it uses', async () => {
    const manifest = JSON.parse(await readFile(join(EXTENSION, 'manifest.json'), 'utf8'));
    assert.deepEqual(manifest.permissions.sort(), [
      'alarms',
      'notifications',
      'scripting',
      'storage',
      'webRequest',
    ]);
    // Status pages and probe targets of the catalog, ChatGPT for the banner, and the OpenAI
    // hosts whose request outcomes the radar watches: nothing else.
    assert.deepEqual(manifest.host_permissions.sort(), [
      'https://anthropic.statuspage.io/*',
      'https://api.anthropic.com/*',
      'https://api.cohere.com/*',
      'https://api.deepseek.com/*',
      'https://api.groq.com/*',
      'https://api.mistral.ai/*',
      'https://api.openai.com/*',
      'https://api.x.ai/*',
      'https://auth.openai.com/*',
      'https://chat.openai.com/*',
      'https://chatgpt.com/*',
      'https://copilot.microsoft.com/*',
      'https://generativelanguage.googleapis.com/*',
      'https://groqstatus.com/*',
      'https://huggingface.co/*',
      'https://sora.chatgpt.com/*',
      'https://sora.com/*',
      'https://status.claude.com/*',
      'https://status.cloud.google.com/*',
      'https://status.cohere.com/*',
      'https://status.huggingface.co/*',
      'https://status.openai.com/*',
      'https://status.perplexity.com/*',
      'https://status.x.ai/*',
      'https://www.githubstatus.com/*',
      'https://www.google.com/appsstatus/dashboard/*',
    ]);
    // No test hook ships: no localhost, no broad host access, no remote code.
    assert.ok(!JSON.stringify(manifest).match(/localhost|127\.0\.0\.1|<all_urls>|\*:\/\/\*\//));
    assert.equal(manifest.content_scripts, undefined);
  });
});
