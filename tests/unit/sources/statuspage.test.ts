import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseStatuspageComponents,
  parseStatuspageIncidents,
  parseStatuspageIndicator,
  readStatuspage,
  statuspageComponentState,
} from '@/utils/sources/statuspage';
import { fixture, fixturesAt } from '../../helpers/fixtures';

/*
 * Every fixture here is a capture of a real Statuspage page, or a variant derived from one;
 * tests/fixtures/statuspage/<provider>/PROVENANCE.md says which, and what was changed.
 */

const CLAUDE = 'https://status.claude.com';
const GITHUB = 'https://www.githubstatus.com';
const CLOUDFLARE = 'https://www.cloudflarestatus.com';

/**
 * A fetch that answers `<origin>/api/v2/summary.json` from `statuspage/<provider>/<scenario>/`
 * (and components.json only where a capture of it exists); anything else is an HTML 404, so
 * `readStatuspage` falls back to the summary's components as it does on a live page.
 */
const pageFetch = (origin: string, provider: string, scenario: string, components = false) =>
  fixturesAt(
    {
      [`${origin}/api/v2/summary.json`]: `statuspage/${provider}/{s}/summary.json`,
      ...(components
        ? { [`${origin}/api/v2/components.json`]: `statuspage/${provider}/{s}/components.json` }
        : {}),
    },
    () => scenario,
  );

const components = (path: string) => {
  const parsed = parseStatuspageComponents(fixture(path));
  if (!parsed.ok) throw new Error(parsed.error.detail);
  return parsed.value;
};

const incidents = (path: string) => {
  const parsed = parseStatuspageIncidents(fixture(path));
  if (!parsed.ok) throw new Error(parsed.error.detail);
  return parsed.value;
};

describe('Anthropic (status.claude.com), healthy summary captured 2026-09-03', () => {
  const path = 'statuspage/anthropic/healthy/summary.json';

  it('lists its six flat components, all operational, and states its (flat) layout', () => {
    const { components: list, grouped } = components(path);
    expect(list.map((c) => c.name)).toEqual([
      'claude.ai',
      'Claude Console (platform.claude.com)',
      'Claude API (api.anthropic.com)',
      'Claude Code',
      'Claude Cowork',
      'Claude for Government',
    ]);
    expect(list.every((c) => c.state === 'operational' && c.group === undefined)).toBe(true);
    // group:false / group_id:null on every row: a real Statuspage says "no group" outright.
    expect(grouped).toBe(true);
  });

  it('has no open incident and an indicator of "none"', () => {
    expect(incidents(path)).toEqual([]);
    expect(parseStatuspageIndicator(fixture(path))).toBe('operational');
  });

  it('is read from summary.json when components.json is not served', async () => {
    const result = await readStatuspage(CLAUDE, {
      fetch: pageFetch(CLAUDE, 'anthropic', 'healthy'),
    });
    expect(result).toEqual({
      ok: true,
      value: {
        components: expect.arrayContaining([
          { id: 'rwppv331jlwc', name: 'claude.ai', state: 'operational' },
        ]),
        incidents: [],
        overall: 'operational',
        grouped: true,
      },
    });
    expect(result.ok && result.value.components).toHaveLength(6);
  });
});

describe('Anthropic outage (derived: healthy summary + the captured incident, made unresolved)', () => {
  const path = 'statuspage/anthropic/outage/summary.json';

  it('reads claude.ai as a partial outage and the rest as operational', () => {
    const { components: list } = components(path);
    expect(list.find((c) => c.id === 'rwppv331jlwc')?.state).toBe('partial_outage');
    expect(list.filter((c) => c.state === 'operational')).toHaveLength(5);
  });

  it('reads the open incident with its times, impact, shortlink and component ids', () => {
    expect(incidents(path)).toEqual([
      {
        id: '461yvfrzpwtt',
        title: 'Elevated errors for multiple models',
        impact: 'partial_outage', // impact "major"
        status: 'investigating',
        startedAt: Date.parse('2026-09-03T13:26:04.191Z'),
        updatedAt: Date.parse('2026-09-03T15:25:20.192Z'),
        url: 'https://stspg.io/9xz4hhmd1jzn',
        componentIds: ['rwppv331jlwc'],
      },
    ]);
    expect(parseStatuspageIndicator(fixture(path))).toBe('partial_outage');
  });

  it('is read whole by readStatuspage', async () => {
    const result = await readStatuspage(CLAUDE, {
      fetch: pageFetch(CLAUDE, 'anthropic', 'outage'),
    });
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.value.overall).toBe('partial_outage');
    expect(result.value.incidents.map((i) => i.componentIds)).toEqual([['rwppv331jlwc']]);
    expect(result.value.grouped).toBe(true);
  });
});

describe('a resolved incident', () => {
  it('is not news, though it names a component (GitHub Copilot incident, as captured: resolved)', () => {
    // The captured incidents.json object was resolved; the fixture made it unresolved. Undo that.
    const copilot = JSON.parse(fixture('statuspage/github/copilot-incident/summary.json'));
    const resolved = {
      ...copilot.incidents[0],
      status: 'resolved',
      resolved_at: '2026-09-03T17:11:47.860Z',
    };
    expect(parseStatuspageIncidents(JSON.stringify({ incidents: [resolved] }))).toEqual({
      ok: true,
      value: [],
    });
  });
});

describe('Cloudflare, grouped summary with open incidents captured 2026-09-03', () => {
  const path = 'statuspage/cloudflare/active-grouped/summary.json';

  it('drops the group rows and names each child with its group', () => {
    const { components: list, grouped } = components(path);
    expect(grouped).toBe(true);
    // 7 rows: 2 groups ("Cloudflare Sites and Services", "Africa") and 5 children.
    expect(list).toEqual([
      {
        id: 'bjvy4v384csg',
        name: 'WARP',
        group: 'Cloudflare Sites and Services',
        state: 'degraded',
      },
      {
        id: '0hs0rl6hzmvx',
        name: 'Abuse Reports',
        group: 'Cloudflare Sites and Services',
        state: 'operational',
      },
      {
        id: 'rfkpkllgfmrq',
        name: 'Algiers, Algeria - (ALG)',
        group: 'Africa',
        state: 'maintenance',
      },
      {
        id: 'p2w5bf74rw6p',
        name: 'Annaba, Algeria - (AAE)',
        group: 'Africa',
        state: 'partial_outage',
      },
      { id: '8h9sn12x310t', name: 'Accra, Ghana - (ACC)', group: 'Africa', state: 'operational' },
    ]);
  });

  it('reads both unresolved incidents with their component ids and page links', () => {
    expect(incidents(path)).toEqual([
      {
        id: '8x66bpk6p9kk',
        title: 'HTTP/3 issue affecting R2 custom domains',
        impact: 'degraded',
        status: 'monitoring',
        startedAt: Date.parse('2026-08-31T18:47:05.000Z'),
        updatedAt: Date.parse('2026-09-03T15:14:39.000Z'),
        url: 'https://www.cloudflarestatus.com/incidents/8x66bpk6p9kk',
        // R2 is not in the (trimmed) component list: the id is kept as the page says it.
        componentIds: ['hb7g5sq2zz0h'],
      },
      {
        id: '9g65dxfbcjln',
        title: 'Incorrect geo location for some Cloudflare WARP users',
        impact: 'degraded',
        status: 'identified',
        startedAt: Date.parse('2026-08-27T18:46:19.000Z'),
        updatedAt: Date.parse('2026-09-01T08:29:56.000Z'),
        url: 'https://www.cloudflarestatus.com/incidents/9g65dxfbcjln',
        componentIds: ['bjvy4v384csg'],
      },
    ]);
  });

  it('leaves out a maintenance that is only scheduled, and reads indicator "minor"', () => {
    expect(incidents(path).map((i) => i.id)).not.toContain('ms2z1jv180vq');
    expect(parseStatuspageIndicator(fixture(path))).toBe('degraded');
  });

  it('reports a maintenance once it is in progress (derived: status set to in_progress)', () => {
    const maintenance = incidents(
      'statuspage/cloudflare/maintenance-in-progress/summary.json',
    ).find((i) => i.id === 'ms2z1jv180vq');
    expect(maintenance).toEqual({
      id: 'ms2z1jv180vq',
      title: 'KHH (Kaohsiung City) on 2026-09-03',
      impact: 'maintenance',
      status: 'in_progress',
      startedAt: Date.parse('2026-09-03T09:10:32.000Z'),
      updatedAt: Date.parse('2026-09-03T09:10:32.000Z'),
      url: 'https://www.cloudflarestatus.com/incidents/ms2z1jv180vq',
      componentIds: ['byh0gc9t4g6m'],
    });
  });

  it('is read whole by readStatuspage', async () => {
    const result = await readStatuspage(CLOUDFLARE, {
      fetch: pageFetch(CLOUDFLARE, 'cloudflare', 'active-grouped'),
    });
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.value).toMatchObject({ overall: 'degraded', grouped: true });
    expect(result.value.components).toHaveLength(5);
    expect(result.value.incidents).toHaveLength(2);
  });
});

describe('GitHub (derived summaries: Anthropic envelope + GitHub captured objects)', () => {
  it('healthy: Git Operations, Webhooks and Copilot AI Model Providers, all operational', async () => {
    const result = await readStatuspage(GITHUB, { fetch: pageFetch(GITHUB, 'github', 'healthy') });
    expect(result).toEqual({
      ok: true,
      value: {
        components: [
          { id: '8l4ygp009s5s', name: 'Git Operations', state: 'operational' },
          { id: '4230lsnqdsld', name: 'Webhooks', state: 'operational' },
          { id: 'cnnb39dkkk82', name: 'Copilot AI Model Providers', state: 'operational' },
        ],
        incidents: [],
        overall: 'operational',
        grouped: true,
      },
    });
  });

  it('copilot-incident: indicator "none", every component operational, yet an incident is open on Copilot', async () => {
    const result = await readStatuspage(GITHUB, {
      fetch: pageFetch(GITHUB, 'github', 'copilot-incident'),
    });
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.value.overall).toBe('operational');
    expect(result.value.components.every((c) => c.state === 'operational')).toBe(true);
    expect(result.value.incidents).toEqual([
      {
        id: 'ktdr5t0xwnhp',
        title: 'Incident with Grok Copilot AI Model Provider',
        impact: 'degraded', // impact "minor"
        status: 'investigating',
        startedAt: Date.parse('2026-09-03T14:17:27.478Z'),
        updatedAt: Date.parse('2026-09-03T14:22:44.366Z'),
        url: 'https://stspg.io/p217h6l54208',
        componentIds: ['cnnb39dkkk82'],
      },
    ]);
    const named = result.value.components.find(
      (c) => c.id === result.value.incidents[0]?.componentIds[0],
    );
    expect(named?.name).toBe('Copilot AI Model Providers');
  });

  it('reads a real components.json (2024, compact) and does without summary.json', async () => {
    const path = 'statuspage/github/2024-09-17-components/components.json';
    expect(components(path)).toEqual({
      components: [
        { id: '8l4ygp009s5s', name: 'Git Operations', state: 'operational' },
        { id: '4230lsnqdsld', name: 'Webhooks', state: 'operational' },
      ],
      grouped: true,
    });
    const onlyComponents = fixturesAt(
      { [`${GITHUB}/api/v2/components.json`]: path },
      () => 'unused',
    );
    // summary.json answers 404: states without titles, and no page-wide indicator.
    expect(await readStatuspage(GITHUB, { fetch: onlyComponents })).toEqual({
      ok: true,
      value: { components: components(path).components, incidents: [], grouped: true },
    });
  });
});

describe('a summary with no open incident', () => {
  const healthy = () => JSON.parse(fixture('statuspage/anthropic/healthy/summary.json'));

  it.each([
    ['leaves `incidents` out (as incident.io’s compatible summary does)', undefined],
    ['says `incidents: null`', null],
  ])('%s: no incidents, not an error', (_, value) => {
    const summary = healthy();
    if (value === undefined) delete summary.incidents;
    else summary.incidents = value;
    expect(parseStatuspageIncidents(JSON.stringify(summary))).toEqual({ ok: true, value: [] });
  });

  it('still fails on an `incidents` of the wrong type', () => {
    const summary = { ...healthy(), incidents: 'none' };
    expect(parseStatuspageIncidents(JSON.stringify(summary))).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'bad_shape' }),
    });
  });
});

describe('hostile variant of the Anthropic outage', () => {
  const path = 'statuspage/anthropic/hostile/summary.json';

  it('keeps an HTML title as inert text and drops a javascript: shortlink', () => {
    const [incident] = incidents(path);
    expect(incident?.title).toBe(
      "<img src=x onerror=alert(1)>Elevated errors for multiple models <script>alert('pwned')</script>",
    );
    expect(incident?.url).toBeNull();
  });

  it('reads built-in names as unknown states, and wrong types as absent', () => {
    const { components: list } = components(path);
    // "Claude API" has `name: 42`: not a component.
    expect(list.map((c) => c.id)).not.toContain('k8w3r06qmzrp');
    expect(list.find((c) => c.id === 'rwppv331jlwc')?.state).toBe('unknown'); // "constructor"
    expect(list.find((c) => c.id === '0qbwn08sd68x')?.state).toBe('unknown'); // "__proto__"
    const [incident] = incidents(path);
    expect(incident).toMatchObject({
      impact: 'degraded', // impact "__proto__"
      startedAt: Date.parse('2026-09-03T13:26:04.201Z'), // numeric started_at → created_at
      componentIds: [], // `components` is a string
    });
    // `scheduled_maintenances` is a string: ignored; `status.indicator` "constructor": none.
    expect(incidents(path)).toHaveLength(1);
    expect(parseStatuspageIndicator(fixture(path))).toBeUndefined();
  });
});

describe('Statuspage component states', () => {
  it.each([
    ['operational', 'operational'],
    ['degraded_performance', 'degraded'],
    ['partial_outage', 'partial_outage'],
    ['major_outage', 'major_outage'],
    ['full_outage', 'major_outage'],
    ['under_maintenance', 'maintenance'],
    ['on_fire', 'unknown'],
    [42, 'unknown'],
  ])('maps status %j to %s', (status, state) => {
    const text = JSON.stringify({ components: [{ id: 'a', name: 'A', status }] });
    const parsed = parseStatuspageComponents(text);
    expect(parsed.ok && parsed.value.components[0]?.state).toBe(state);
  });

  it('is not `grouped` when the rows carry no layout fields', () => {
    const text = JSON.stringify({ components: [{ id: 'a', name: 'A', status: 'operational' }] });
    expect(parseStatuspageComponents(text)).toMatchObject({ ok: true, value: { grouped: false } });
  });

  it.each([
    ['an HTML bot challenge', fixture('bot-challenge.html'), 'not_json'],
    [
      'truncated JSON',
      fixture('statuspage/anthropic/healthy/summary.json').slice(0, 500),
      'not_json',
    ],
    ['a JSON array', '[]', 'bad_shape'],
    ['no components', '{"page":{}}', 'bad_shape'],
    ['wrong-typed components', '{"components":"all good"}', 'bad_shape'],
    [
      'components without ids or names',
      '{"components":[{"status":"operational"},{"id":5,"name":null}]}',
      'bad_shape',
    ],
  ])('turns %s into a typed error', (_, text, code) => {
    const parsed = parseStatuspageComponents(text);
    expect(parsed).toEqual({ ok: false, error: expect.objectContaining({ code }) });
  });
});

describe('readStatuspage failures', () => {
  const answer =
    (response: () => Response): typeof fetch =>
    async () =>
      response();

  it.each([
    [429, { 'retry-after': '120' }, { retryAfterMs: 120_000 }],
    [503, {}, {}],
  ])(
    'fails with a reason on HTTP %i, keeping the status for backoff',
    async (status, headers, extra) => {
      const result = await readStatuspage(CLAUDE, {
        fetch: answer(() => new Response('slow down', { status, headers })),
      });
      expect(result).toEqual({
        ok: false,
        error: { code: 'http', detail: `HTTP ${status}`, status, ...extra },
      });
    },
  );

  it('reports the components.json failure when both endpoints fail', async () => {
    const result = await readStatuspage(CLAUDE, {
      fetch: answer(() => new Response(fixture('bot-challenge.html'))),
    });
    expect(result.ok === false && result.error.code).toBe('not_json');
  });

  it('fails with "timeout" when the page never answers', async () => {
    const never: typeof fetch = (_input, init) =>
      new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    const result = await readStatuspage(CLAUDE, { fetch: never, timeoutMs: 20 });
    expect(result.ok === false && result.error.code).toBe('timeout');
  });

  it('fails with "network" when the request cannot be made', async () => {
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const result = await readStatuspage(CLAUDE, { fetch: offline });
    expect(result.ok === false && result.error.code).toBe('network');
  });

  it('refuses a multi-megabyte body without reading it all', async () => {
    const huge = `{"components":[${'{"id":"a","name":"A","status":"operational"},'.repeat(60_000)}]}`;
    const result = await readStatuspage(CLAUDE, { fetch: async () => new Response(huge) });
    expect(result.ok === false && result.error.code).toBe('too_large');
  });
});

describe('Statuspage parsers on arbitrary input', () => {
  const anyJson = fc.jsonValue().map((value) => JSON.stringify(value));
  const componentsLike = fc
    .record({
      components: fc.array(
        fc.record({
          id: fc.anything(),
          name: fc.anything(),
          status: fc.anything(),
          group: fc.anything(),
          group_id: fc.anything(),
        }),
      ),
      incidents: fc.array(fc.dictionary(fc.string(), fc.anything())),
    })
    .map((value) => JSON.stringify(value));

  it('never throw, and always answer a value or a typed error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyJson, componentsLike), (text) => {
        for (const parsed of [parseStatuspageComponents(text), parseStatuspageIncidents(text)]) {
          expect(typeof parsed.ok).toBe('boolean');
          if (!parsed.ok) expect(['not_json', 'bad_shape']).toContain(parsed.error.code);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never call an incident of a captured shape, with any status or impact, operational', () => {
    const base = JSON.parse(fixture('statuspage/anthropic/outage/summary.json'));
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (status, impact) => {
        const summary = { ...base, incidents: [{ ...base.incidents[0], status, impact }] };
        const parsed = parseStatuspageIncidents(JSON.stringify(summary));
        if (!parsed.ok) throw new Error(parsed.error.detail);
        for (const incident of parsed.value) expect(incident.impact).not.toBe('operational');
      }),
      { numRuns: 300 },
    );
  });
});

describe('names from the network that are also JavaScript built-ins', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'reads a component status of "%s" as unknown, and an incident impact as degraded',
    (name) => {
      expect(statuspageComponentState(name)).toBe('unknown');
      const parsed = parseStatuspageIncidents(
        JSON.stringify({
          incidents: [{ id: 'i', name: 'Errors', status: 'investigating', impact: name }],
        }),
      );
      expect(parsed.ok && parsed.value[0]?.impact).toBe('degraded');
    },
  );
});
