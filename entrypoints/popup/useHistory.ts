import { useEffect, useState } from 'preact/hooks';
import { readHistory, type DetectionRecord, type HourRecord } from '@/utils/history';

export interface PopupHistory {
  hours: HourRecord[];
  detections: DetectionRecord[];
}

/**
 * The worker's history (hourly roll-ups and outage records), read after the first paint: the
 * snapshot is on screen before IndexedDB is even opened. Null until read; a failed read
 * leaves the strips grey rather than the popup broken. Read again when the snapshot changes.
 */
export function useHistory(checkedAt: number | null): PopupHistory | null {
  const [history, setHistory] = useState<PopupHistory | null>(null);
  useEffect(() => {
    let active = true;
    // Loaded after the first paint too: IndexedDB's client is no part of it.
    const read = () =>
      readHistory(Date.now())
        .then((read) => active && setHistory(read))
        .catch((error) => console.error('history', error));
    // After the first frame is painted, not before.
    const frame = requestAnimationFrame(() => setTimeout(read, 0));
    return () => {
      active = false;
      cancelAnimationFrame(frame);
    };
  }, [checkedAt]);
  return history;
}

const WEEK_MS = 7 * 24 * 60 * 60_000;

/** Outages of `serviceId` opened in the last 7 days (the current one included). */
export function outagesThisWeek(
  detections: readonly DetectionRecord[],
  serviceId: string,
  now: number,
): number {
  return detections.filter(
    (record) => record?.serviceId === serviceId && record.openedAt >= now - WEEK_MS,
  ).length;
}
