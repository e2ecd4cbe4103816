/** The whole domain schema, one file per domain; the domain's enums (server/domain.ts) with it. */
export * from '../../domain';
export * from './units';
export * from './people';
export * from './users';
export * from './sessions';
export * from './directives';
export * from './actions';
export * from './notifications';
export * from './search';
export * from './session-sources';
export * from './import-repairs';
