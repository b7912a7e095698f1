// What the pages may use of utils/history/: its public face.
export { hourStrip, uptime } from './rollup';
export type { HourRecord } from './rollup';
export type { DetectionRecord } from './store';

/**
 * The history as recorded, read from IndexedDB: the last week's hourly roll-ups and the
 * outages of the last 90 days. Its code (IndexedDB's client among it) is loaded on the first
 * call only: the popup reads it after its first paint, which it is no part of.
 */
export async function readHistory(now: number) {
  const { readHours, readDetections } = await import('./store');
  const [hours, detections] = await Promise.all([readHours(now), readDetections()]);
  return { hours, detections };
}
