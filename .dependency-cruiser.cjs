// The layers of utils/, lowest first: a folder imports only folders of lower layers (never one
// beside it or above it), so the data flows one way. docs/ARCHITECTURE.md opens with this map;
// `npm run check` enforces it (`depcruise`), and a back-edge fails `npm test`.
/** @type {string[][]} */
const LAYERS = [
  ['core'], // i18n, JSON readers, the state scale
  ['sources'], // status-page adapters and what is remembered of each read
  ['cadence'], // how often each source and probe is read
  ['catalog'], // providers, products, alternatives, OpenAI's sites
  ['settings'], // the user's choices
  ['custom-pages', 'probes', 'field'], // pages the user added; our probes; the user's requests
  ['health'], // the verdict and the snapshot
  ['history', 'alternatives', 'badge'], // IndexedDB history; which alternatives to offer; badge
  ['notify', 'banner', 'handoff'], // what the snapshot makes the worker show and do
  ['check'], // a check: sources, probes and the user's requests into one published snapshot
];
const FEATURES = LAYERS.flat();
const folders = (names) => `^utils/(${names.join('|')})/`;

const layerRules = LAYERS.flatMap((layer, rank) => {
  const notBelow = LAYERS.slice(rank).flat();
  return layer.map((feature) => ({
    name: `layer-${feature}`,
    comment: `utils/${feature}/ imports only folders of lower layers (see docs/ARCHITECTURE.md)`,
    severity: 'error',
    from: { path: `^utils/${feature}/`, pathNot: '/background\\.ts$' },
    to: { path: folders(notBelow.filter((other) => other !== feature)) },
  }));
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No module reaches itself through its imports, types included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'listeners-from-the-worker-only',
      comment:
        "A feature's background.ts registers its listeners: only the background entrypoint " +
        'and other features’ listeners import it.',
      severity: 'error',
      from: { pathNot: ['^entrypoints/background/', '^utils/[^/]+/background\\.ts$'] },
      to: { path: '^utils/[^/]+/background\\.ts$' },
    },
    {
      name: 'messages-at-the-edges',
      comment:
        'The protocol between the pages and the worker (utils/messaging.ts) is spoken by ' +
        'entrypoints and listeners, never by a feature’s logic.',
      severity: 'error',
      from: {
        path: '^utils/',
        pathNot: ['^utils/[^/]+/background\\.ts$', '^utils/messaging\\.ts$'],
      },
      to: { path: '^utils/messaging\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'messaging-types-only',
      comment: 'utils/messaging.ts takes only types from the features it carries.',
      severity: 'error',
      from: { path: '^utils/messaging\\.ts$' },
      to: { path: folders(FEATURES), dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'utils-below-the-ui',
      comment: 'utils/ knows nothing of the pages and components that render it.',
      severity: 'error',
      from: { path: '^utils/' },
      to: { path: '^(entrypoints|components)/' },
    },
    {
      name: 'components-below-the-pages',
      comment: 'Shared components know no page.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'pages-use-public-faces',
      comment:
        'Pages, the banner and shared components use a feature through its index.ts only; ' +
        'the background entrypoint also registers its background.ts.',
      severity: 'error',
      from: { path: '^(entrypoints|components)/' },
      to: { path: '^utils/[^/]+/', pathNot: '^utils/[^/]+/(index|background)\\.ts$' },
    },
    {
      name: 'pages-apart',
      comment:
        'An entrypoint never imports another one’s files: what two share lives in components/ or utils/.',
      severity: 'error',
      // popup-app.ts is the popup's own script, built as one classic file (wxt.config.ts).
      from: { path: '^entrypoints/([^/.]+)', pathNot: '^entrypoints/popup-app\\.ts$' },
      to: { path: '^entrypoints/', pathNot: '^entrypoints/$1' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^(utils|entrypoints|components)/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
