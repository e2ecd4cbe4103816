/**
 * @module createApp(deps) → the whole Hono app: security headers, one error handler,
 * the per-resource API sub-apps, the OpenAPI description, and the built web app.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './app-deps';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './db/unavailable';
import { AppError, errorBody } from './errors';
import type { AppEnv } from './http/app-env';
import { requireSignedInByDefault, sessionUser } from './auth/auth.middleware';
import { createAuthRepo } from './auth/auth.repo';
import { authRoutes } from './auth/auth.routes';
import { createAuthService } from './auth/auth.service';
import { cookieSettings } from './auth/session-cookie';
import { createHashPool } from './auth/hash-pool';
import { allowedHostsOf, allowedHostsOnly } from './http/allowed-hosts';
import { NO_PROXY } from './http/client-address';
import { healthRoutes } from './health/health.routes';
import { createActionsRepo } from './actions/actions.repo';
import { actionsRoutes, carryOverRoutes, evidenceRoutes } from './actions/actions.routes';
import { createActionsService } from './actions/actions.service';
import { attachmentDisposition } from './actions/evidence-files';
import { directivesRoutes } from './directives/directives.routes';
import { createDirectivesRepo } from './directives/directives.repo';
import { createDirectivesService } from './directives/directives.service';
import { createUnitsRepo } from './units/units.repo';
import { createUnitsService } from './units/units.service';
import { createBulkActions } from './actions/bulk-actions';
import { calendarFeedRoutes, exportsRoutes } from './exports/exports.routes';
import { createNotificationsRepo } from './notifications/notifications.repo';
import { notificationsRoutes } from './notifications/notifications.routes';
import { createNotificationsService } from './notifications/notifications.service';
import { reportsRoutes } from './reports/reports.routes';
import { unitsRoutes } from './units/units.routes';
import { apiRequestGuards } from './security/request-guard';
import { createUsersRepo } from './users/users.repo';
import { usersRoutes } from './users/users.routes';
import { createCalendarTokenRepo } from './users/calendar-token.repo';
import { calendarTokenRoutes } from './users/calendar-token.routes';
import { createCalendarTokenService } from './users/calendar-token.service';
import { createUsersService } from './users/users.service';
import { createSessionsRepo } from './sessions/sessions.repo';
import { sessionsRoutes } from './sessions/sessions.routes';
import { createSessionsService } from './sessions/sessions.service';
import { createCorrectionRepo } from './sessions/correction.repo';
import { correctionRoutes } from './sessions/correction.routes';
import { createSessionCorrections } from './sessions/correction.service';
import { OPEN_STATUSES } from './actions/status-rules';
import { searchRoutes } from './search/search.routes';
import { createSearchService } from './search/search.service';
import { createEverythingSearch } from './search/everything/everything.service';
import { createDocumentImports } from './imports/document-imports';
import { createImportJobs } from './imports/import-jobs';
import { createImportsRepo } from './imports/imports.repo';
import { sessionSourceRoutes } from './imports/session-source.routes';
import { createSessionSourcesRepo } from './imports/session-sources.repo';
import { DEFAULT_OCR_ENGINE } from './ingest/readers/ocr';
import { importsRoutes } from './imports/imports.routes';
import { createRegisterRepo } from './register/register.repo';
import { registerRoutes } from './register/register.routes';
import { createRegisterService } from './register/register.service';
import { createImportsService } from './imports/imports.service';

const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'https:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const HSTS = 'max-age=15552000; includeSubDomains';

function servedOverHttps(publicUrl: string | undefined): boolean {
  try {
    return publicUrl !== undefined && new URL(publicUrl).protocol === 'https:';
  } catch {
    return false;
  }
}

export function createApp(deps: AppDeps) {
  const { db } = deps.database;
  const cookie = cookieSettings(deps.publicUrl);
  const auth = createAuthService({
    db,
    repo: createAuthRepo(db),
    clock: deps.clock,
    sessions: deps.sessionPolicy,
    throttle: deps.loginThrottle,
    addressThrottle: deps.addressThrottle,
    hashPool: createHashPool(deps.hashPool),
    scrypt: deps.scrypt,
  });
  const users = createUsersService({ db, repo: createUsersRepo(db), clock: deps.clock, scrypt: deps.scrypt });
  const actionsRepo = createActionsRepo(deps.database);
  const actions = createActionsService(actionsRepo, deps.clock);
  const calendarTokens = createCalendarTokenService(createCalendarTokenRepo(db));

  // One search service: the search routes read it, publishing indexes into it.
  const search = deps.search ?? createSearchService(deps.database);
  const unitsRepo = createUnitsRepo(db);
  const units = createUnitsService(unitsRepo);
  const directivesRepo = createDirectivesRepo(deps.database);
  const directives = createDirectivesService({
    repo: directivesRepo,
    units: unitsRepo,
    actions,
    clock: deps.clock,
    indexer: search,
  });

  const importsRepo = createImportsRepo(db);
  const sources = createSessionSourcesRepo(db, deps.database.client);
  const imports = createImportsService({
    db,
    client: deps.database.client,
    repo: importsRepo,
    clock: deps.clock,
    sources,
    directivesRepo,
    // Publishing (through the directive record) assigns the unit confirmed in review.
    directives,
  });
  // Documents (PDF, Word, scans) are read as jobs, one at a time per process: OCR takes both cores.
  const documentImports = createDocumentImports({
    imports,
    importsRepo,
    sources,
    jobs: createImportJobs({ concurrency: 1 }),
    clock: deps.clock,
    ocr: { ...DEFAULT_OCR_ENGINE, ...deps.ocr },
  });

  // Correcting or withdrawing a published session: search follows, open actions of a withdrawn one are cancelled.
  const corrections = createSessionCorrections({
    repo: createCorrectionRepo(deps.database),
    clock: deps.clock,
    indexer: search,
    openStatuses: OPEN_STATUSES,
  });

  const api = new OpenAPIHono<AppEnv>();
  // Order matters: refuse cross-site, non-JSON and oversized writes first; then find the user;
  // then close every route that is not explicitly public (see auth/public-routes.ts).
  api.use('*', apiRequestGuards(deps.publicUrl));
  api.use('*', sessionUser(auth, cookie));
  api.use('*', requireSignedInByDefault());
  api
    .route('/health', healthRoutes(deps.database))
    .route('/auth', authRoutes(auth, cookie, deps.trustProxy ?? NO_PROXY))
    .route('/users', usersRoutes(users))
    .route('/units', unitsRoutes(units))
    .route('/sessions', sessionsRoutes(createSessionsService(createSessionsRepo(db))))
    .route('/sessions', carryOverRoutes(actions))
    .route('/sessions', sessionSourceRoutes(documentImports))
    .route('/sessions', correctionRoutes(corrections))
    .route('/search', searchRoutes(search, deps.everything ?? createEverythingSearch(deps.database)))
    .route('/actions', actionsRoutes(actions))
    .route('/evidence', evidenceRoutes(actions, attachmentDisposition))
    .route('/directives', registerRoutes(createRegisterService(createRegisterRepo(deps.database), deps.clock)))
    .route('/directives', directivesRoutes(directives, createBulkActions(actionsRepo, actions, directives, deps.clock)))
    .route('/notifications', notificationsRoutes(createNotificationsService(createNotificationsRepo(db), actions, deps.clock)))
    .route('/reports', reportsRoutes(actions, directives, units))
    .route('/exports', exportsRoutes(actions))
    .route('/calendar', calendarTokenRoutes(calendarTokens, deps.publicUrl))
    .route('/calendar', calendarFeedRoutes(calendarTokens, actions, deps.publicUrl))
    .route('/imports', importsRoutes(imports, documentImports));

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Neshast API', version: '0.1.0', description: 'نشست: جلسات، رهنمودها و پیگیری اقدام‌ها' },
    servers: [{ url: '/api' }],
  });
  // Registered last: an unknown /api path is a JSON 404, never the web app's index.html.
  api.all('*', (c) => c.json(errorBody('not_found', 'این نشانی در API وجود ندارد.'), 404));

  const app = new OpenAPIHono<AppEnv>();
  // First: a request for a host we do not serve gets no page, no API and no links built from its Host.
  app.use('*', allowedHostsOnly(allowedHostsOf(deps.allowedHosts, deps.publicUrl)));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      referrerPolicy: 'same-origin',
      // HSTS over plain HTTP is meaningless at best; it is sent only when the public URL is https.
      strictTransportSecurity: servedOverHttps(deps.publicUrl) ? HSTS : false,
      // A handler's own stricter header stays (the evidence download's `default-src 'none'; sandbox`).
      overwrite: false,
    }),
  );
  app.use('*', async (c, next) => {
    // Pages and static files have no user; /api sets it from the session cookie.
    c.set('user', null);
    await next();
  });
  app.route('/api', api);

  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(errorBody(err.code, err.message, err.details), err.status);
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 413) return c.json(errorBody('payload_too_large', 'حجم درخواست بیش از حد مجاز است.'), 413);
      return c.json(errorBody('http_error', err.message || 'درخواست پذیرفته نشد.'), status);
    }
    if (isDatabaseUnavailable(err)) {
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return c.json(errorBody('unavailable', 'پایگاه داده موقتاً در دسترس نیست؛ چند لحظه دیگر دوباره تلاش کنید.'), 503);
    }
    console.error(err);
    return c.json(errorBody('internal', 'خطای داخلی رخ داد. دوباره تلاش کنید.'), 500);
  });

  if (deps.webDist && existsSync(join(deps.webDist, 'index.html'))) mountWebApp(app, deps.webDist);
  return app;
}

/** Static files, then index.html for every other path so client-side routes survive a reload. */
function mountWebApp(app: OpenAPIHono<AppEnv>, webDist: string): void {
  const indexHtml = readFileSync(join(webDist, 'index.html'), 'utf8');
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root: webDist }));
  // An asset of an older build (a tab opened before a redeploy) is a plain 404, not the page as a script.
  app.get('/assets/*', (c) => c.json(errorBody('not_found', 'این فایل در نسخهٔ کنونی نیست؛ صفحه را دوباره بارگذاری کنید.'), 404));
  app.get('*', (c) => c.html(indexHtml));
}

export type App = ReturnType<typeof createApp>;
