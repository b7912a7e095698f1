/**
 * Asks the worker for a check now. The messaging library is loaded on first use, not with the
 * popup: nothing needs it before the user clicks (or the connection returns), and the first
 * paint should not wait for it to be parsed.
 */
export async function askForCheck(): Promise<void> {
  const { sendMessage } = await import('@/utils/messaging');
  await sendMessage('checkNow');
}
