// First: starts the storage read before the rest of the popup's code is even evaluated.
import './popup/first-read';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPopup } from './popup/main';

/**
 * The popup's code as one classic script (entrypoints/popup/index.html loads it deferred):
 * one file to fetch and compile, not a graph of module chunks discovered one after another,
 * which is what its first paint waited for (tests/bench/paint.mjs measures it).
 */
export default defineUnlistedScript(() => startPopup());
