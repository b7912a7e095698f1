// `npm run fleet`: requests/s and bytes/s per host for 1 M installs, calm and in the first
// 10 minutes of a big ChatGPT outage, from the product's own cadence (docs/SCALE.md). Last
// line: one JSON object.
import { fleetLoad, type HostLoad } from './model';
import { BROWSER_RUNNING, CHATGPT_TAB_OPEN, INSTALLS, TAB_IN_USE } from './mix';

const MB = 1_000_000;
const calm = await fleetLoad(false);
const outage = await fleetLoad(true);
const outageOf = (host: string) => outage.find((load) => load.host === host);
const hosts = [...new Set([...calm, ...outage].map((load) => load.host))].sort(
  (a, b) => (outageOf(b)?.rps ?? 0) - (outageOf(a)?.rps ?? 0) || a.localeCompare(b),
);
const calmOf = (host: string): HostLoad | undefined => calm.find((load) => load.host === host);
const fixed = (value: number | undefined, digits = 0) => (value ?? 0).toFixed(digits);

console.log(
  `${INSTALLS.toLocaleString('en')} installs; browser running ${BROWSER_RUNNING}, ChatGPT tab open ${CHATGPT_TAB_OPEN} of those, in use ${TAB_IN_USE} of the tabs; every product watched`,
);
console.log(
  [
    'host',
    'calm req/s',
    'calm MB/s gzip',
    'calm MB/s raw',
    'outage req/s',
    'outage MB/s gzip',
  ].join('\t'),
);
for (const host of hosts) {
  console.log(
    [
      host,
      fixed(calmOf(host)?.rps),
      fixed((calmOf(host)?.gzipBps ?? 0) / MB, 2),
      fixed((calmOf(host)?.rawBps ?? 0) / MB, 2),
      fixed(outageOf(host)?.rps),
      fixed((outageOf(host)?.gzipBps ?? 0) / MB, 2),
    ].join('\t'),
  );
}
const max = (loads: HostLoad[], pick: (load: HostLoad) => number) => Math.max(...loads.map(pick));
console.log(
  JSON.stringify({
    calm_max_rps_per_host: Math.round(max(calm, (load) => load.rps)),
    outage_max_rps_per_host: Math.round(max(outage, (load) => load.rps)),
    calm_max_mbps_per_host: Number((max(calm, (load) => load.gzipBps) / MB).toFixed(2)),
    calm_max_mbps_per_host_uncompressed: Number((max(calm, (load) => load.rawBps) / MB).toFixed(2)),
  }),
);
