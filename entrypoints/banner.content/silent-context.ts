import { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT's content-script context without its announcement to the page. At every start WXT's
 * context dispatches a DOM event named `<extension id>:<script>:wxt:content-script-started`
 * on the page's `document` (and, unless told not to, posts the same to `window`): any script
 * of ChatGPT's page that listens for that name learns the extension is there, and which.
 * The banner must be undetectable, so this context announces nothing and listens for
 * nothing; the banner retires an older copy of itself by its own host element instead
 * (entrypoints/banner.content/index.tsx). wxt.config.ts makes WXT's content-script entry use
 * this class; every other import of WXT's context is untouched.
 */
export class ContentScriptContext extends WxtContentScriptContext {
  override stopOldScripts(): void {}
  override listenForNewerScripts(): void {}
}
