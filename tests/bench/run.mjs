// `npm run bench`: prints JSON with (a) detection latency from a flip of the fixtures to the
// snapshot changing, measured on the built extension in Chromium, for an official-source
// flip, a probe failure and a field failure; (b) bytes per hour of health traffic in a
// healthy steady state, with and without conditional requests (on the wire of a local
// HTTPS server); (c) verdict-engine time for 50 services × 1,000 history points. Numbers to read, not assertions: nothing here fails on
// a slow machine. (d) The popup's first paint from the cached snapshot against a static
// two-line page in the same browser (paint.mjs). The three detections run side by side, each in its own browser, on the
// product's real schedule (with a ChatGPT tab open, as when a user is at work): a few minutes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT, STATUS_SOURCES, waitUntil } from '../e2e/harness.mjs';
import { measurePaint } from './paint.mjs';
import { measureCpu } from './cpu.mjs';
import { measureWakes } from './wake.mjs';

const MINUTE = 60_000;
const TROUBLE = new Set(['degraded', 'partial_outage', 'major_outage']);

const service = (snapshot, id) => snapshot?.services.find((s) => s.id === id);

/** Launches a radar, waits for its first all-clear, and opens a ChatGPT tab. */
async function atWork() {
  const radar = await launch();
  await waitUntil(radar.snapshot, (s) => s?.services.every((x) => x.state === 'operational'), {
    what: 'every service operational',
    timeout: 20_000,
  });
  const chatgpt = await radar.context.newPage();
  await chatgpt.goto('https://chatgpt.com/');
  await chatgpt.locator('#prompt-textarea').waitFor();
  return { radar, chatgpt };
}

/** status.openai.com flips to an outage at a moment unrelated to the radar's schedule. */
async function officialFlip() {
  const { radar } = await atWork();
  try {
    const flippedAt = Date.now();
    radar.state.openai = 'outage';
    const snapshot = await waitUntil(
      radar.snapshot,
      (s) => TROUBLE.has(service(s, 'chatgpt')?.officialState),
      { what: 'the official flip', timeout: 8 * MINUTE, interval: 200 },
    );
    const reads = radar.state.requests.filter(
      (r) =>
        r.providerId === 'openai' &&
        r.at >= flippedAt &&
        r.url.endsWith('/proxy/status.openai.com'),
    );
    return {
      seconds: (service(snapshot, 'chatgpt').detection.officialAt - flippedAt) / 1_000,
      polls: reads.length,
    };
  } finally {
    await radar.close();
  }
}

/** api.openai.com stops answering (5xx) for good. */
async function probeFailure() {
  const { radar } = await atWork();
  try {
    const failedAt = Date.now();
    radar.state.probes['https://api.openai.com'] = 'down';
    const snapshot = await waitUntil(
      radar.snapshot,
      (s) => TROUBLE.has(service(s, 'openai-api')?.state),
      { what: 'the probe failure', timeout: 10 * MINUTE, interval: 200 },
    );
    const probes = radar.state.requests.filter(
      (r) => r.probe === 'https://api.openai.com' && r.at >= failedAt,
    );
    return {
      seconds: (service(snapshot, 'openai-api').detection.radarAt - failedAt) / 1_000,
      probesAfterFailure: probes.length,
    };
  } finally {
    await radar.close();
  }
}

/**
 * ChatGPT's backend starts answering 503 to the user's own requests. Timed from the click
 * that sends the second failing request (so the request's own round trip is included) to
 * the snapshot saying ChatGPT is in trouble.
 */
async function fieldFailure() {
  const { radar, chatgpt } = await atWork();
  try {
    radar.state.chatgptApi = 503;
    const send = chatgpt.locator('#send');
    await send.click();
    await waitUntil(
      () => send.getAttribute('data-last'),
      (last) => last === '503',
      {
        what: 'the first failed request',
        interval: 10,
      },
    );
    const clickedAt = Date.now();
    await send.click();
    await waitUntil(radar.snapshot, (s) => TROUBLE.has(service(s, 'chatgpt')?.state), {
      what: 'the field failure',
      timeout: 30_000,
      interval: 10,
    });
    return { secondsAfterSecondFailedRequest: (Date.now() - clickedAt) / 1_000 };
  } finally {
    await radar.close();
  }
}

/**
 * Google's two feeds at their real size (tests/fixtures/google/PROVENANCE.md): Cloud's full
 * 2026-08-20 capture, and for Workspace (never captured) a Cloud capture of Workspace's
 * reported weight. Every other page is a trimmed capture: small, like the real ones.
 */
const REAL_SIZES = { 'google-cloud': 'full', 'google-workspace': 'full' };

/**
 * Healthy traffic an hour, measured on the wire of a real local HTTPS server: one round of
 * reads of every status page and probe with a cold cache (full bodies), then one with the
 * browser's cache (ETag → If-None-Match → 304), each times the schedule's rates. Four
 * figures, because two things about the real pages are not known here: whether each
 * compresses (browsers ask for gzip; the world answers uncompressed, and the gzip figure
 * counts each body gzipped instead), and whether each answers 304 (the world sends ETags; no
 * evidence shows Google does, so Google's feeds are counted in full on every read whenever
 * 304s are counted for the others).
 */
async function trafficPerHour(schedule) {
  const radar = await launch({ world: REAL_SIZES });
  try {
    await waitUntil(radar.snapshot, (s) => s?.services.every((x) => x.state !== 'unknown'), {
      what: 'every service read',
      timeout: 20_000,
    });
    const cold = [...radar.wire];
    const since = Date.now();
    const popup = await radar.openPopup();
    await popup.getByRole('button', { name: 'Check now' }).click();
    const statusReads = cold.filter((e) => e.kind === 'status').length;
    await waitUntil(
      () => radar.wire.filter((e) => e.kind === 'status' && e.at >= since),
      (warm) => warm.length >= statusReads,
      { what: 'a second round of reads' },
    );
    const warm = radar.wire.filter((e) => e.at >= since);
    const status = (exchanges) => exchanges.filter((e) => e.kind === 'status');
    const plain = (e) => e.requestBytes + e.responseBytes;
    // A gzipped answer: its body gzipped, plus a "content-encoding: gzip" header.
    const gzip = (e) => plain(e) - e.bodyBytes + (e.bodyBytes ? e.gzipBodyBytes + 24 : 0);
    const origins = Object.fromEntries(
      Object.entries(STATUS_SOURCES).flatMap(([id, source]) =>
        [source.origin, source.mirror].filter(Boolean).map((origin) => [origin, id]),
      ),
    );
    const pace = Object.fromEntries(schedule.statusPages.map((p) => [p.id, p.readsPerHour]));
    const providerOf = (e) => origins[new URL(e.href).origin];
    const neverNotModified = new Set(['google-cloud', 'google-workspace']);
    // Each page's cost an hour: the first read's bytes (cold) or the revalidation's (warm),
    // times its calm reads an hour.
    const hourly = (cost, conditional) => {
      const round = conditional ? status(warm) : status(cold);
      return round.reduce((total, e) => {
        const id = providerOf(e);
        const read =
          conditional && neverNotModified.has(id)
            ? (status(cold).find((c) => c.href === e.href) ?? e)
            : e;
        return total + cost(read) * pace[id];
      }, 0);
    };
    const probes = cold.filter((e) => e.kind === 'probe');
    const perProbe = probes.reduce((t, e) => t + plain(e), 0) / Math.max(1, probes.length);
    const probeBytesPerHour = perProbe * schedule.probesPerHour;
    const kb = (bytes) => Math.round(bytes / 1_000);
    const perPage = {};
    for (const e of status(cold)) {
      const id = providerOf(e);
      perPage[id] ??= { readsPerHour: pace[id], bodyBytes: 0, gzipBodyBytes: 0 };
      perPage[id].bodyBytes += e.bodyBytes;
      perPage[id].gzipBodyBytes += e.gzipBodyBytes;
    }
    return {
      measuredOn: 'HTTP/1.1 over TLS: request and response lines, headers, bodies',
      statusPages: new Set(status(cold).map((e) => new URL(e.href).host)).size,
      requestsPerRound: status(cold).length,
      notModifiedInConditionalRound: status(warm).filter((e) => e.status === 304).length,
      perPage,
      bytesPerProbe: Math.round(perProbe),
      probeKBPerHour: kb(probeBytesPerHour),
      kbPerHour: {
        uncompressedNo304: kb(hourly(plain, false) + probeBytesPerHour),
        uncompressedWith304ExceptGoogle: kb(hourly(plain, true) + probeBytesPerHour),
        gzipNo304: kb(hourly(gzip, false) + probeBytesPerHour),
        gzipWith304ExceptGoogle: kb(hourly(gzip, true) + probeBytesPerHour),
      },
      target: '≤ 200 KB/hour, judged on gzipWith304ExceptGoogle (browsers ask for gzip)',
    };
  } finally {
    await radar.close();
  }
}

/** The check alarm's wakes and our requests an hour, over the healthy week's hours with no tab. */
function healthyWeekWithoutTab() {
  execFileSync(
    join(ROOT, 'node_modules/.bin/vitest'),
    ['run', '--config', 'vitest.replay.config.ts', 'tests/replay/healthy.replay.ts'],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const weeks = JSON.parse(
    readFileSync(join(ROOT, 'test-results/replay-healthy-days.json'), 'utf8'),
  );
  const spent = weeks.map((week) => week.byUse['no-tab']).filter(Boolean);
  const hours = spent.reduce((sum, use) => sum + use.minutes, 0) / 60;
  const round = (value) => Math.round(value * 10) / 10;
  return {
    hours: round(hours),
    checksPerHour: round(spent.reduce((sum, use) => sum + use.checks, 0) / hours),
    requestsPerHour: round(spent.reduce((sum, use) => sum + use.requests, 0) / hours),
  };
}

const engine = JSON.parse(
  execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'tests/bench/engine.ts')], {
    encoding: 'utf8',
  }),
);
const healthyTraffic = await trafficPerHour(engine.schedule);
// Alone, before the three detections share the machine: paint times are what they measure.
const popupFirstPaint = await measurePaint();
const cpuPerCheck = await measureCpu();
const cpuPerWake = await measureWakes();
// An hour with no ChatGPT tab and all well, on the product's own schedule: its wakes and its
// requests an hour come from the replayed healthy week (the worker's code under a virtual
// clock, tests/replay), each wake priced as a real one with nothing due (Chrome starting the
// worker's process, the check, the process ending) and each request at its measured share of a
// real wake where every page and probe was due.
const calm = healthyWeekWithoutTab();
const cpuPerCalmHour = {
  wakes: calm.checksPerHour,
  requests: calm.requestsPerHour,
  seconds:
    Math.round(
      calm.checksPerHour * cpuPerWake.wakeWithNothingDueMs +
        calm.requestsPerHour * cpuPerWake.perRequestMs,
    ) / 1000,
  target: 1,
};
// Each closes its own browser, whatever happens: one that fails must not end the process
// while the other two are still running (their browsers killed, their profiles left behind).
const detections = await Promise.allSettled([officialFlip(), probeFailure(), fieldFailure()]);
const failed = detections.filter((outcome) => outcome.status === 'rejected');
if (failed.length > 0) {
  throw new AggregateError(
    failed.map((outcome) => outcome.reason),
    'a detection latency could not be measured',
  );
}
const [official, probe, field] = detections.map((outcome) => outcome.value);

console.log(
  JSON.stringify(
    {
      detectionLatency: {
        schedule:
          'a ChatGPT tab open and idle: OpenAI page and probes every 5 min (±20 %), 2 in trouble; the worker wakes when one falls due, every minute in trouble',
        officialFlip: official,
        probeFailure: probe,
        fieldFailure: field,
      },
      healthyTraffic,
      popupFirstPaint,
      cpuPerCheck,
      cpuPerWake,
      cpuPerCalmHour,
      verdictEngine: engine.verdictEngine,
      schedule: engine.schedule,
    },
    null,
    2,
  ),
);
