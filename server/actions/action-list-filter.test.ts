import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { actionFilterOf, parseStatuses } from './action-list-filter';

describe('action list filters', () => {
  it('reads a comma-separated status filter, spaces allowed', () => {
    expect(parseStatuses('open, in_progress')).toEqual(['open', 'in_progress']);
    expect(parseStatuses(undefined)).toBeUndefined();
  });

  it('refuses an unknown status (422 unknown_status) rather than widening the list', () => {
    const refusal = (() => {
      try {
        return parseStatuses('open,finished');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal instanceof AppError && [refusal.status, refusal.code]).toEqual([422, 'unknown_status']);
  });

  it('turns «overdue» into due before today, and a unit into a one-unit list', () => {
    expect(actionFilterOf({ unit: 'prov-tehran', overdue: '1', from: '2021-01-01' }, '2021-03-01')).toEqual({
      unitCodes: ['prov-tehran'],
      directiveId: undefined,
      statuses: undefined,
      heldFrom: '2021-01-01',
      heldTo: undefined,
      series: undefined,
      overdueBefore: '2021-03-01',
    });
    expect(actionFilterOf({}, '2021-03-01').overdueBefore).toBeUndefined();
  });
});
