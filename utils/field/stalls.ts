import type { FieldEvent, UserRequest } from './classify';

/**
 * A send with no answer (no response headers) this long has failed for the user, whatever
 * comes later: an answer streams from its first second, and users gave up on the 30 s stalls
 * of 2024-12-05 (../shared/incidents.md). `webRequest` reports a request only when it ends,
 * so without this a hung send says nothing until it times out, minutes later, or never.
 */
export const SEND_STALL_MS = 30_000;
/** A send still pending after this long is forgotten (its tab closed, the browser dropped it). */
const FORGET_AFTER_MS = 10 * 60_000;

/** A send the user started, until it ends; stored, so a worker that sleeps meanwhile loses none. */
export interface PendingSend {
  /** The browser's request id. */
  id: string;
  productId: UserRequest['productId'];
  at: number;
  /** When its response headers came; absent while it hangs. */
  answeredAt?: number;
  /** Already counted as a stall: its end must not count it again. */
  stalled?: boolean;
}

const stallOf = (send: PendingSend): FieldEvent => ({
  at: send.at + SEND_STALL_MS,
  productId: send.productId,
  pathClass: 'send',
  outcome: 'failed',
  error: 'stalled',
});

/**
 * The sends that have waited SEND_STALL_MS without an answer at `now`, as failed sends, and
 * the pending list with them marked counted and the forgotten ones dropped. Pure.
 */
export function findStalls(
  pending: readonly PendingSend[],
  now: number,
): { stalls: FieldEvent[]; pending: PendingSend[] } {
  const stalls: FieldEvent[] = [];
  const kept = pending
    .filter((send) => now - send.at < FORGET_AFTER_MS)
    .map((send) => {
      if (send.stalled || send.answeredAt !== undefined || now - send.at < SEND_STALL_MS) {
        return send;
      }
      stalls.push(stallOf(send));
      return { ...send, stalled: true };
    });
  return { stalls, pending: kept };
}

/**
 * What a send's end says, given what was seen of it before: nothing more when it was already
 * counted as a stall; a stall when its answer came too late (the worker slept through the
 * wait); else the end itself (a broken stream is its error, an answer its status). Pure.
 */
export function settleSend(
  pending: readonly PendingSend[],
  id: string,
  end: FieldEvent,
): { event: FieldEvent | null; pending: PendingSend[] } {
  const send = pending.find((candidate) => candidate.id === id);
  const rest = pending.filter((candidate) => candidate.id !== id);
  if (!send) return { event: end, pending: rest };
  if (send.stalled) return { event: null, pending: rest };
  // Without its answer's time (never seen), the end is taken as it comes: a long answer is
  // no stall, and a false failure is worse than a late one.
  const late = send.answeredAt !== undefined && send.answeredAt - send.at >= SEND_STALL_MS;
  // A send that hung and then failed is one failure: its own.
  if (late && end.outcome !== 'failed') return { event: stallOf(send), pending: rest };
  return { event: end, pending: rest };
}
