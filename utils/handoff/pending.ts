import { storage } from 'wxt/utils/storage';

/** A prompt on its way to an alternative, kept until it is typed there or expires. */
export interface PendingPrompt {
  prompt: string;
  alternativeId: string;
  expiresAt: number;
}

/**
 * How long a prompt waits: for the tab we opened to load, or for the user's answer on our
 * page. Past that it is dropped; it is on the clipboard anyway.
 */
export const PENDING_TTL_MS = 10 * 60_000;

type PendingById = Record<string, PendingPrompt>;

// In storage.session (memory only, never on disk, gone with the browser session, and out of
// content scripts' reach): the worker may die while a tab loads or the user reads our page,
// and a prompt should not outlive the moment.

/** Prompts waiting for a tab we opened to finish loading, by tab id. Written by the worker. */
const pendingFills = storage.defineItem<PendingById>('session:handoffFills', { fallback: {} });

/** Prompts waiting for the user's answer on our ask page, by a random token. Worker-written. */
const pendingAsks = storage.defineItem<PendingById>('session:handoffAsks', { fallback: {} });

// Read-modify-write of one item, one after another: two tabs completing at once must not
// both take (and type) the same prompt, nor lose each other's entries.
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

const unexpired = (entries: PendingById, now: number): PendingById =>
  Object.fromEntries(Object.entries(entries).filter(([, entry]) => entry.expiresAt > now));

function hold(item: typeof pendingFills, key: string, entry: PendingPrompt, now: number) {
  return serially(async () => {
    await item.setValue({ ...unexpired(await item.getValue(), now), [key]: entry });
  });
}

/** Removes and returns the entry under `key`; null when there is none or it expired. */
function take(item: typeof pendingFills, key: string, now: number) {
  return serially(async () => {
    const entries = await item.getValue();
    const entry = entries[key];
    const rest = unexpired(entries, now);
    delete rest[key];
    await item.setValue(rest);
    return entry && entry.expiresAt > now ? entry : null;
  });
}

/** Keeps `prompt` for the tab `tabId`, to type once that tab has loaded. */
export function holdFill(tabId: number, prompt: string, alternativeId: string, now = Date.now()) {
  return hold(
    pendingFills,
    String(tabId),
    { prompt, alternativeId, expiresAt: now + PENDING_TTL_MS },
    now,
  );
}

/** The prompt waiting for tab `tabId`, taken (so it is typed once at most); null if none. */
export function takeFill(tabId: number, now = Date.now()) {
  return take(pendingFills, String(tabId), now);
}

/** Every prompt still waiting for a tab, by tab id. */
export async function waitingFills(now = Date.now()): Promise<PendingById> {
  return unexpired(await pendingFills.getValue(), now);
}

/** The prompt waiting for tab `tabId`, left in place; null if none or expired. */
export async function peekFill(tabId: number, now = Date.now()): Promise<PendingPrompt | null> {
  const entry = (await pendingFills.getValue())[String(tabId)];
  return entry && entry.expiresAt > now ? entry : null;
}

/** Keeps `prompt` while our page asks for access; returns the token that names it. */
export async function holdAsk(prompt: string, alternativeId: string, now = Date.now()) {
  const token = crypto.randomUUID();
  await hold(pendingAsks, token, { prompt, alternativeId, expiresAt: now + PENDING_TTL_MS }, now);
  return token;
}

/** The prompt our page asked about under `token`, taken; null if unknown or expired. */
export function takeAsk(token: string, now = Date.now()) {
  return take(pendingAsks, token, now);
}

/** The prompt waiting under `token`, left in place (our page shows its start); null if none. */
export async function peekAsk(token: string, now = Date.now()): Promise<PendingPrompt | null> {
  const entry = (await pendingAsks.getValue())[token];
  return entry && entry.expiresAt > now ? entry : null;
}
