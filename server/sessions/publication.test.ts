import { describe, expect, it } from 'vitest';
import type { DirectiveStatus, Role, SessionStatus } from '../db/schema';
import { isReadableDirective, readsWithdrawn } from './publication';

describe('who reads a directive', () => {
  const roles: Role[] = ['admin', 'manager', 'director', 'staff'];
  const cases: Array<[DirectiveStatus, SessionStatus, Role[]]> = [
    ['published', 'published', roles],
    ['published', 'withdrawn', ['admin', 'manager']],
    ['published', 'draft', []],
    ['draft', 'draft', []],
    ['rejected', 'published', []],
    ['rejected', 'withdrawn', []],
  ];
  it.each(cases)('a %s directive of a %s session is read by %j', (directive, session, readers) => {
    expect(roles.filter((role) => isReadableDirective({ status: directive }, { status: session }, role))).toEqual(readers);
  });

  it('lets only managers and admins read what was withdrawn', () => {
    expect(roles.filter(readsWithdrawn)).toEqual(['admin', 'manager']);
  });
});
