/**
 * @module The app: the route table and the site navigation, in one place.
 * Adding a page is one line in `routes` (and one in `navigation` if it belongs in the header).
 */
import { lazy } from 'solid-js';
import { Router, type RouteDefinition } from '@solidjs/router';
import { SiteLayout, type NavLink } from './components/site-layout';
import { NotFound } from './routes/not-found';
import { getSession, getSessionPage } from './api/sessions';
import { parsePage } from './components/pagination';

/**
 * Every page of the app. Pages load their code on first visit (`lazy`) and `preload` starts
 * their data while it loads (the page reads the same cached query).
 */
export const routes: RouteDefinition[] = [
  {
    path: '/',
    // By role (issue 14): a director's desk or a manager's queue above the latest sessions.
    component: lazy(() => import('./routes/home-page').then((m) => ({ default: m.HomePage }))),
    preload: ({ location }) => void getSessionPage(parsePage(location.query.page)),
  },
  {
    path: '/sessions/:slug',
    component: lazy(() => import('./routes/session-page').then((m) => ({ default: m.SessionPage }))),
    preload: ({ params }) => void getSession(params.slug ?? ''),
  },
  { path: '/login', component: lazy(() => import('./routes/login-page').then((m) => ({ default: m.LoginPage }))) },
  { path: '/account', component: lazy(() => import('./routes/account-page').then((m) => ({ default: m.AccountPage }))) },
  { path: '/admin/users', component: lazy(() => import('./routes/admin-users').then((m) => ({ default: m.AdminUsers }))) },
  { path: '/actions', component: lazy(() => import('./routes/actions-list').then((m) => ({ default: m.ActionsList }))) },
  { path: '/actions/:id', component: lazy(() => import('./routes/action/action-page').then((m) => ({ default: m.ActionPage }))) },
  { path: '/directives', component: lazy(() => import('./routes/register-page').then((m) => ({ default: m.RegisterPage }))) },
  { path: '/directives/summaries', component: lazy(() => import('./routes/register-summaries').then((m) => ({ default: m.RegisterSummariesPage }))) },
  { path: '/directives/:id', component: lazy(() => import('./routes/directive/directive-page').then((m) => ({ default: m.DirectivePage }))) },
  { path: '/verification', component: lazy(() => import('./routes/verification-queue').then((m) => ({ default: m.VerificationQueue }))) },
  { path: '/dashboard', component: lazy(() => import('./routes/dashboard-page').then((m) => ({ default: m.DashboardPage }))) },
  { path: '/notifications', component: lazy(() => import('./routes/notifications-page').then((m) => ({ default: m.NotificationsPage }))) },
  { path: '/exports', component: lazy(() => import('./routes/exports-page').then((m) => ({ default: m.ExportsPage }))) },
  { path: '/reports/print', component: lazy(() => import('./routes/print-report').then((m) => ({ default: m.PrintReportPage }))) },
  { path: '/imports', component: lazy(() => import('./routes/drafts-page').then((m) => ({ default: m.DraftsPage }))) },
  { path: ['/imports/new', '/imports/:slug'], component: lazy(() => import('./routes/import/import-page').then((m) => ({ default: m.ImportPage }))) },
  { path: '/search', component: lazy(() => import('./routes/search').then((m) => ({ default: m.SearchPage }))) },
  { path: '*404', component: NotFound },
];

/** Links in the site header, in order. */
export const navigation: NavLink[] = [
  { href: '/', label: 'نشست‌ها', end: true },
  { href: '/directives', label: 'رهنمودها' },
  { href: '/actions', label: 'اقدام‌ها' },
  { href: '/search', label: 'جست‌وجو' },
  { href: '/imports/new', label: 'نشست جدید', roles: ['manager', 'admin'] },
  { href: '/admin/users', label: 'کاربران', roles: ['admin'] },
];

export function App() {
  return <Router root={(props) => <SiteLayout navigation={navigation}>{props.children}</SiteLayout>}>{routes}</Router>;
}
