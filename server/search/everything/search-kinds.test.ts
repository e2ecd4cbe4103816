import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { parseSearchKinds } from './search-kinds';

describe('parseSearchKinds', () => {
  it('reads kinds in page order, whatever order they were named in', () => {
    expect(parseSearchKinds('followups, actions,directives')).toEqual(['directives', 'actions', 'followups']);
    expect(parseSearchKinds('all')).toEqual(['sessions', 'directives', 'actions', 'followups']);
  });

  it('refuses an unknown kind with a stable code instead of ignoring it', () => {
    expect(() => parseSearchKinds('directives,acts')).toThrow(AppError);
    try {
      parseSearchKinds('acts');
    } catch (error) {
      expect(error instanceof AppError && error.code).toBe('invalid_kind');
    }
  });
});
