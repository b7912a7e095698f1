// A week of history for the popup's tests and the demo, written where the worker writes it.
const HOUR = 60 * 60_000;

/**
 * Seven days of hourly roll-ups for every service, written where the worker writes them:
 * mostly operational, ChatGPT down for two hours yesterday and for three hours 4 h ago, no
 * record at all for 6 to 8 hours ago (the browser was closed), and two earlier ChatGPT
 * outages this week in the outage records.
 */
export function seedHistory(radar, serviceIds) {
  return radar.evaluate(
    async ({ serviceIds, HOUR }) => {
      const open = (name, store) =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onupgradeneeded = () => request.result.createObjectStore(store);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const put = (db, store, entries) =>
        new Promise((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          for (const [key, value] of entries) tx.objectStore(store).put(value, key);
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      const current = Math.floor(Date.now() / HOUR) * HOUR;
      const hours = [];
      for (let back = 1; back <= 7 * 24; back++) {
        if (back >= 6 && back <= 8) continue;
        const hour = current - back * HOUR;
        const minutes = {};
        for (const id of serviceIds) {
          const down = id === 'chatgpt' && ((back >= 2 && back <= 4) || back === 30 || back === 31);
          minutes[id] = down ? { major_outage: 45, operational: 15 } : { operational: 60 };
        }
        hours.push([hour, { hour, minutes, lastMinute: hour, lastStates: {} }]);
      }
      await put(await open('ai-outage-radar-hours', 'hours'), 'hours', hours);
      const outages = [30, 4].map((back) => {
        const openedAt = current - back * HOUR;
        return [
          `chatgpt:${openedAt}`,
          {
            serviceId: 'chatgpt',
            openedAt,
            troubleSince: openedAt,
            radarAt: openedAt,
            officialAt: openedAt + 5 * 60_000,
            leadMs: 5 * 60_000,
          },
        ];
      });
      await put(await open('ai-outage-radar-detections', 'detections'), 'detections', outages);
    },
    { serviceIds, HOUR },
  );
}
