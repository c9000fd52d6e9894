/**
 * The layers of src/ and the one-way rules between them (docs/architecture.md). `npm run lint` checks
 * them in CI: a violation fails the run. Type-only imports count too (tsPreCompilationDeps).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules form no cycle: every layer can be read, and tested, from the bottom up.',
      from: { path: '^(src|dev)/' },
      to: { circular: true },
    },
    {
      name: 'domain-depends-on-itself',
      severity: 'error',
      comment: 'domain/ holds the rules and the types they share; it reads and writes through its own ports (domain/ports.ts), never a store, the config, a view, Slack or the scheduler. luxon is its date type.',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', 'node_modules/luxon/', '^node:', '^data/thesaurus[.]json$'] },
    },
    {
      name: 'plan-below-the-stores',
      severity: 'error',
      comment:
        'The plan file (src/plan: schema, load, import) sits below the stores, which import its types. An import reads and writes the stores through its own port (plan/import-port.ts), which they implement: plan/ never imports src/db or stores.ts.',
      from: { path: '^src/plan/' },
      to: { path: ['^src/db/', '^src/stores\\.ts$'] },
    },
    {
      name: 'i18n-on-domain',
      severity: 'error',
      comment: 'The catalogs word domain results: they import the domain and nothing else of the app.',
      from: { path: '^src/i18n/' },
      to: { pathNot: ['^src/i18n/', '^src/domain/', 'node_modules/luxon/'] },
    },
    {
      name: 'views-on-domain-and-i18n',
      severity: 'error',
      comment:
        "Views are pure functions from domain results to Block Kit or text: domain, i18n and Slack's Block Kit types only, and ical-generator, which writes iCalendar text (no I/O).",
      from: { path: '^src/views/' },
      to: { pathNot: ['^src/views/', '^src/domain/', '^src/i18n/', 'node_modules/luxon/', 'node_modules/@slack/types/', 'node_modules/ical-generator/'] },
    },
    {
      name: 'use-cases-above-domain-and-views',
      severity: 'error',
      comment: 'Use cases (src/commands) run domain rules and pick views; Slack, the stores and the config reach them through their context.',
      from: { path: '^src/commands/' },
      to: { pathNot: ['^src/commands/', '^src/domain/', '^src/views/', '^src/documents/', '^src/i18n/', 'node_modules/luxon/', 'node_modules/@slack/types/'] },
    },
    {
      name: 'documents-between-use-cases-and-views',
      severity: 'error',
      comment:
        "Documents (src/documents: the update's charts as PNG, the Word file, the workbook) turn domain results and the views' charts and words into files' bytes: below commands, slack and cli, above views, i18n and domain; their libraries (echarts, resvg, docx, exceljs, jszip) and node: only. Nothing under them imports them.",
      from: { path: '^src/documents/' },
      to: {
        pathNot: [
          '^src/documents/',
          '^src/views/',
          '^src/domain/',
          '^src/i18n/',
          '^(node:)?(fs|path)$',
          'node_modules/luxon/',
          'node_modules/@slack/types/',
          'node_modules/(echarts|zrender|tslib)/',
          'node_modules/@resvg/',
          'node_modules/docx/',
          'node_modules/exceljs/',
          'node_modules/jszip/',
        ],
      },
    },
    {
      name: 'only-db-runs-sql',
      severity: 'error',
      comment: 'SQL lives in the stores of src/db only.',
      from: { path: '^(src|dev)/', pathNot: '^src/db/' },
      to: { path: 'node_modules/better-sqlite3/' },
    },
    {
      name: 'no-slack-in-the-core',
      severity: 'error',
      comment: 'Nothing below the Slack side (db, plan, domain, i18n, views, commands) imports Bolt or the Web API client.',
      from: { path: '^src/(db|plan|domain|i18n|views|commands|documents)/' },
      to: { path: 'node_modules/@slack/(bolt|web-api|socket-mode)/' },
    },
    {
      name: 'nothing-imports-the-entry-points',
      severity: 'error',
      comment: 'main.ts and the CLI scripts are entry points: nothing imports them (tests may).',
      from: { path: '^(src|dev)/' },
      to: { path: '^src/(main\\.ts|cli/(ask|backup|brief|calendar|plan-check|plan-export|plan-import|report|restore|templates)\\.ts)$' },
    },
    {
      name: 'stand-in-outside-production',
      severity: 'error',
      comment: "The local stand-in of Slack and the playground (dev/) are never part of the production bot's module graph: main.ts loads the playground with a dynamic import(), only when no token is set.",
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^dev/' },
    },
    {
      name: 'playground-loaded-lazily',
      severity: 'error',
      comment: 'main.ts may load dev/ only through a dynamic import().',
      from: { path: '^src/main\\.ts$' },
      to: { path: '^dev/', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'Every import resolves to a file or an installed package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.json'] },
    exclude: { path: ['^test/', '^bench/'] },
  },
};
