/**
 * The layering rules, checked by tests/layering.test.ts in `npm test` (and by
 * `npx depcruise server web/src scripts tests` for a report). Each rule says why it exists.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A module and what it imports never lead back to it: each layer can be read, tested and moved on its own.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'repair-not-ingest',
      comment: 'Text repair is pure and sits below ingest: ingest uses repair, never the other way round.',
      severity: 'error',
      from: { path: '^server/repair/' },
      to: { path: '^server/ingest/' },
    },
    {
      name: 'auth-not-app-deps',
      comment: 'app-deps assembles the app from auth and the rest; auth takes what it needs (clock, policies) as arguments.',
      severity: 'error',
      from: { path: '^server/auth/' },
      to: { path: '^server/app-deps\\.ts$' },
    },
    {
      name: 'detector-not-schema',
      comment: 'Directive detection is pure Persian-language logic: its enums come from server/domain.ts, not the database schema.',
      severity: 'error',
      from: { path: '^server/detection/' },
      to: { path: '^server/db/' },
    },
    {
      name: 'directive-record-types-from-detection',
      comment: 'The directive record (server/directives/) stores and presents what detection suggested: it takes only types from the detector, and what a stored cue id means (cue-description) for the review; detection runs in the import pipeline.',
      severity: 'error',
      from: { path: '^server/directives/' },
      to: { path: '^server/detection/', pathNot: '^server/detection/cue-description\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'directive-record-not-imports',
      comment: 'Imports create drafts and hand publishing to the directive record; the record never calls back into the import pipeline (types of the review shapes only).',
      severity: 'error',
      from: { path: '^server/directives/' },
      to: { path: '^server/imports/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-rules-not-db',
      comment: 'Text repair, the format readers and the action rules (status transitions, due dates) are pure: their closed sets come from server/domain.ts, not the database schema (a stored JSON shape may be shared as a type).',
      severity: 'error',
      from: { path: '^server/(repair/|ingest/readers/|actions/(status-rules|due-dates)\\.ts$)' },
      to: { path: '^server/db/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-modules-at-the-bottom',
      comment: 'domain.ts (the closed sets), session-body.ts (composeBody, used by both repair and ingest) and clock.ts sit below every layer: they import nothing of the server.',
      severity: 'error',
      from: { path: '^server/(domain|session-body|clock)\\.ts$' },
      to: { path: '^server/' },
    },
    {
      name: 'pure-persian',
      comment: 'The Persian text core knows nothing of HTTP, the database or the domain.',
      severity: 'error',
      from: { path: '^server/persian/' },
      to: { path: '^server/(?!persian/)' },
    },
    {
      name: 'web-only-server-types',
      comment: 'The web app imports types from the server (the API shapes), never its code: the server is not bundled into pages.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    // Type-only imports are dependencies too (a type-only loop still ties two modules together).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] },
  },
};
