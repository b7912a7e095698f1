// `npm run bench`: prints JSON with (a) detection latency from a flip of the fixtures to the
// snapshot changing, measured on the built extension in Chromium, for an official-source
// flip, a probe failure and a field failure; (b) bytes per hour of health traffic in a
// healthy steady state, with and without conditional requests; (c) verdict-engine time for
// 50 services × 1,000 history points. Numbers to read, not assertions: nothing here fails on
// a slow machine. The three detections run side by side, each in its own browser, on the
// product's real schedule (with a ChatGPT tab open, as when a user is at work): a few minutes.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, ROOT, waitUntil } from '../e2e/harness.mjs';

const MINUTE = 60_000;
/**
 * Request line and headers plus response status line and headers of one HTTPS exchange, for
 * the traffic estimate: a generous figure (HTTP/2 compresses repeated headers far below it).
 */
const HEADER_BYTES = 1_000;
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
      (r) => r.providerId === 'openai' && r.at >= flippedAt && r.url.endsWith('/summary.json'),
    );
    return {
      seconds: (service(snapshot, 'chatgpt').detection.officialAt - flippedAt) / 1_000,
      polls: reads.length,
      firstRound: radar.state.requests.filter((r) => r.at < flippedAt),
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
      { what: 'the probe failure', timeout: 8 * MINUTE, interval: 200 },
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

/** ChatGPT's backend starts answering 503 to the user's own requests. */
async function fieldFailure() {
  const { radar, chatgpt } = await atWork();
  try {
    radar.state.chatgptApi = 503;
    let secondFailureAt = 0;
    for (let attempt = 0; attempt < 2; attempt++) {
      await chatgpt.locator('#send').evaluate((button) => delete button.dataset.last);
      await chatgpt.locator('#send').click();
      await waitUntil(
        () => chatgpt.locator('#send').getAttribute('data-last'),
        (last) => last === '503',
        { what: 'the failed request', interval: 10 },
      );
      secondFailureAt = Date.now();
    }
    const snapshot = await waitUntil(
      radar.snapshot,
      (s) => TROUBLE.has(service(s, 'chatgpt')?.state),
      { what: 'the field failure', timeout: 30_000, interval: 20 },
    );
    return {
      secondsAfterSecondFailure: Math.max(
        0,
        (service(snapshot, 'chatgpt').detection.radarAt - secondFailureAt) / 1_000,
      ),
    };
  } finally {
    await radar.close();
  }
}

/** Healthy traffic an hour: what one round of reads costs, times the schedule's rates. */
function trafficPerHour(firstRound, schedule) {
  const statusReads = firstRound.filter((r) => r.providerId);
  // One read of every status page (primary endpoints only: fallbacks are read on failure).
  const roundBodies = statusReads.reduce((sum, r) => sum + r.bytes, 0);
  const roundRequests = statusReads.length;
  const readsPerHourPerPage = (60 * MINUTE) / schedule.cadence.calmMs;
  const probesPerHourPerTarget = (60 * MINUTE) / schedule.cadence.probeCalmMs;
  // A probe reads the status line and headers only, then cancels the body.
  const probeBytes = schedule.probeTargets.length * probesPerHourPerTarget * HEADER_BYTES;
  const full = readsPerHourPerPage * (roundBodies + roundRequests * HEADER_BYTES) + probeBytes;
  // Unchanged pages answer 304 Not Modified to If-None-Match / If-Modified-Since: headers only.
  const conditional = readsPerHourPerPage * roundRequests * HEADER_BYTES + probeBytes;
  return {
    statusPages: new Set(statusReads.map((r) => r.providerId)).size,
    requestsPerRound: roundRequests,
    bodyBytesPerRound: roundBodies,
    byEndpoint: Object.fromEntries(statusReads.map((r) => [r.url, r.bytes])),
    probeTargets: schedule.probeTargets.length,
    headerBytesPerExchange: HEADER_BYTES,
    withoutConditionalRequestsBytesPerHour: Math.round(full),
    withConditionalRequestsBytesPerHour: Math.round(conditional),
  };
}

const engine = JSON.parse(
  execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'tests/bench/engine.ts')], {
    encoding: 'utf8',
  }),
);
const [official, probe, field] = await Promise.all([
  officialFlip(),
  probeFailure(),
  fieldFailure(),
]);
const { firstRound, ...officialResult } = official;

console.log(
  JSON.stringify(
    {
      detectionLatency: {
        schedule: 'a ChatGPT tab open: OpenAI page and probes every 2 min, checks every minute',
        officialFlip: officialResult,
        probeFailure: probe,
        fieldFailure: field,
      },
      healthyTraffic: trafficPerHour(firstRound, engine.schedule),
      verdictEngine: engine.verdictEngine,
      schedule: engine.schedule,
    },
    null,
    2,
  ),
);
