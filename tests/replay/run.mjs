// `npm run replay`: every incident timeline in tests/replay/incidents through the worker's own
// code under a virtual clock (tests/replay/engine.ts, run by vitest with WXT's fake browser),
// for each user profile. Prints one row per incident and profile, the median and worst lead per
// profile, and last one JSON line. docs/REPLAY.md says how to read it and how to add an incident.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const started = Date.now();
const run = spawnSync(
  join(ROOT, 'node_modules/.bin/vitest'),
  ['run', '--config', 'vitest.replay.config.ts'],
  { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } },
);
if (run.status !== 0) {
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  process.exit(run.status ?? 1);
}
const read = (name) =>
  JSON.parse(readFileSync(join(ROOT, `test-results/replay-${name}.json`), 'utf8'));
const results = [...read('tab-in-use'), ...read('other')].sort(
  (a, b) =>
    a.incident.localeCompare(b.incident) ||
    ['tab-in-use', 'tab-idle', 'no-tab'].indexOf(a.profile) -
      ['tab-in-use', 'tab-idle', 'no-tab'].indexOf(b.profile),
);
writeFileSync(join(ROOT, 'test-results/replay.json'), JSON.stringify(results, null, 2));
const healthy = read('healthy-days');

const clock = (ms) => (ms === null ? '—' : new Date(ms).toISOString().slice(11, 16));
const median = (values) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

console.log(
  [
    'incident',
    'profile',
    'noticed',
    'official',
    'badge',
    'notified',
    'banner',
    'lead min',
    'best',
    'blamed',
    'right',
    'notifs',
    'alts up',
    'why late',
  ].join('\t'),
);
for (const r of results) {
  console.log(
    [
      r.incident,
      r.profile,
      clock(r.usersNoticedAt),
      clock(r.officialAt),
      clock(r.badgeAt),
      clock(r.notifiedAt),
      clock(r.bannerAt),
      r.leadMin ?? '—',
      r.bestLeadMin ?? '—',
      r.firstBlamed.join(',') || '—',
      r.rightProduct ? 'yes' : 'no',
      r.notifications,
      r.alternativesUp === null ? '—' : r.alternativesUp ? 'yes' : 'NO',
      r.lateBecause ?? '',
    ].join('\t'),
  );
}
const profiles = [...new Set(results.map((r) => r.profile))];
const summary = {};
for (const profile of profiles) {
  const rows = results.filter((r) => r.profile === profile);
  const leads = rows.map((r) => r.leadMin).filter((lead) => lead !== null);
  summary[profile] = {
    median: median(leads),
    worst: leads.length ? Math.min(...leads) : null,
    missed: rows.filter((r) => !r.rightProduct).map((r) => r.incident),
    // The issue's no-tab target counts the incidents a probe can see.
    best: median(rows.map((r) => r.bestLeadMin).filter((lead) => lead !== null)),
    probeVisible: median(
      rows.filter((r) => r.probeVisible && r.leadMin !== null).map((r) => r.leadMin),
    ),
  };
  console.log(
    `${profile}: median lead ${summary[profile].median ?? '—'} min (${summary[profile].probeVisible ?? '—'} over the incidents a probe can see; ${summary[profile].best ?? '—'} at best), worst ${summary[profile].worst ?? '—'} min, missed ${summary[profile].missed.length}`,
  );
}

// The healthy days: what the radar told while nothing was wrong anywhere.
let healthyDays = 0;
let falseNotifications = 0;
for (const week of healthy) {
  const days = Math.round((week.windowTo - week.windowFrom) / 86_400_000);
  healthyDays += days;
  falseNotifications += week.notifications;
  console.log(
    `${week.incident}: ${days} days, ${week.sends} sends (${week.requests} requests), ${(week.checks / (week.browserMinutes / 60)).toFixed(1)} checks per hour the browser ran, badge in trouble ${week.troubleMinutes} min (red ${week.redMinutes} min), notifications ${week.notifications}${week.told.length ? `: ${week.told.join('; ')}` : ''}`,
  );
  // What wakes the worker: the check alarm's wakes an hour, and our requests an hour, by what
  // the user was doing (npm run bench prices the no-tab hour in CPU).
  for (const [use, spent] of Object.entries(week.byUse)) {
    const hours = spent.minutes / 60;
    console.log(
      `  ${use}: ${hours.toFixed(0)} h, ${(spent.checks / hours).toFixed(1)} checks an hour, ${(spent.requests / hours).toFixed(1)} page reads and probes an hour`,
    );
  }
}

console.log(
  JSON.stringify({
    incidents: new Set(results.map((r) => r.incident)).size,
    median_lead_min_tab: summary['tab-in-use']?.median ?? null,
    median_lead_min_idle_tab: summary['tab-idle']?.median ?? null,
    median_lead_min_no_tab: summary['no-tab']?.median ?? null,
    median_lead_min_no_tab_probe_visible: summary['no-tab']?.probeVisible ?? null,
    missed: profiles.flatMap((profile) =>
      summary[profile].missed.map((incident) => `${incident} (${profile})`),
    ),
    late: results
      .filter((r) => r.leadMin !== null && r.leadMin < 0)
      .map((r) => `${r.incident} (${r.profile}): ${r.leadMin} min, ${r.lateBecause}`),
    healthy_days: healthyDays,
    false_notifications: falseNotifications,
    seconds: Math.round((Date.now() - started) / 1000),
  }),
);
