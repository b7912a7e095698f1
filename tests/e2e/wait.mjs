// Polling helpers shared by the Chromium and Firefox end-to-end harnesses.

/** Polls until `read()` satisfies `accept`, or fails with the last value seen. */
export async function waitUntil(
  read,
  accept,
  { timeout = 10_000, interval = 100, what = 'condition' } = {},
) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** The state of one product in a snapshot. */
export const stateOf = (snapshot, id) =>
  snapshot?.services.find((service) => service.id === id)?.state;
