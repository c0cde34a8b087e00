/**
 * The house's boundaries, checked in `npm run lint` (`npm run lint:deps`). What each rule protects,
 * and where a new module goes, is in docs/architecture.md.
 */
const API = '^apps/api/src/';
const WEB_FEATURES = '^apps/web/src/features/';

// An API module's private parts: other modules use its service, its events and its module class.
// demo/ and the test fixtures are composition, like the app root: they seed every module's tables
// in their own transactions, through the owners' repositories and entities.
const COMPOSITION = [`${API}demo/`, `${API}test/`, `${API}[^/]+[.]ts$`, '[.]spec[.]ts$'];
const PRIVATE_KINDS = [
  '[.]repository[.]ts$',
  '[.]controller[.]ts$',
  '[.]mappers[.]ts$',
  '[.]policy[.]ts$',
  '/dto/',
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere: a cycle makes load order, tests and reasoning fragile.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'api-module-private-parts',
      severity: 'error',
      comment:
        'An API module reaches another only through its public surface (its *.module.ts, services, ' +
        'events, ports and types): repositories, controllers, mappers, policies and DTOs stay inside.',
      from: { path: `${API}([^/]+)/`, pathNot: COMPOSITION },
      to: {
        path: [`${API}[^/]+/.*(${PRIVATE_KINDS.join('|')})`],
        // The outbox is how any module stages an event in its own transaction: events' public part.
        pathNot: [`${API}$1/`, `${API}events/event-outbox[.]repository[.]ts$`],
      },
    },
    {
      name: 'api-entities-only-for-schema',
      severity: 'error',
      comment:
        "Another module's entity may be imported only by entities (a foreign key), by the registry " +
        "at the app root and as a type (an owner's service may answer with its entity); the rest goes through its owner.",
      from: { path: `${API}([^/]+)/`, pathNot: ['[.]entity[.]ts$', ...COMPOSITION] },
      to: {
        path: `${API}[^/]+/.*[.]entity[.]ts$`,
        pathNot: [`${API}$1/`],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'sql-only-in-repositories',
      severity: 'error',
      comment:
        'Only repositories, entities, migrations, module wiring and database infrastructure import ' +
        'typeorm or pg at run time (a type-only import of EntityManager is fine).',
      from: {
        path: API,
        pathNot: [
          '[.]repository[.]ts$',
          '[.]entity[.]ts$',
          '[.]module[.]ts$',
          '[.]spec[.]ts$',
          `${API}database/`,
          `${API}test/`,
          `${API}[^/]+[.]ts$`,
        ],
      },
      to: {
        path: '(^|/)node_modules/(typeorm|pg|@nestjs/typeorm)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'database-is-infrastructure',
      severity: 'error',
      comment:
        'database/ holds the data source, migrations and the embedded PostgreSQL: it imports no product module.',
      from: { path: `${API}database/`, pathNot: '[.]spec[.]ts$' },
      to: {
        path: API,
        pathNot: [`${API}(database|common|config|logging)/`],
      },
    },
    {
      name: 'product-modules-leave-demo-alone',
      severity: 'error',
      comment:
        'Demo content lives in demo/ and is wired from there; product modules never import it.',
      from: { path: API, pathNot: [`${API}(demo|test)/`, `${API}[^/]+[.]ts$`, '[.]spec[.]ts$'] },
      to: { path: `${API}demo/` },
    },
    {
      name: 'web-features-through-index',
      severity: 'error',
      comment: "A web feature uses another feature only through that feature's index.ts.",
      from: { path: `${WEB_FEATURES}([^/]+)/` },
      to: {
        path: WEB_FEATURES,
        pathNot: [`${WEB_FEATURES}$1/`, `${WEB_FEATURES}[^/]+/index[.]tsx?$`],
      },
    },
    {
      name: 'domain-stays-pure',
      severity: 'error',
      comment: 'libs/domain is shared by the API and the web: it imports neither.',
      from: { path: '^libs/domain/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '[.]d[.]ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    reporterOptions: {
      archi: {
        collapsePattern:
          '^apps/api/src/[^/]+|^apps/web/src/features/[^/]+|^apps/web/src/[^/]+|^libs/[^/]+',
      },
    },
  },
};
