import { describe, expect, it } from 'vitest';
import type { ActionSummary } from '../api/action-types';
import { ApiError } from '../api/client';
import { useVersionedWrite } from './use-versioned-write';

const current = { id: 7, version: 4, status: 'in_progress', progress: 40, statusReason: null } as unknown as ActionSummary;
const stale = () => new ApiError(409, 'version_conflict', 'این اقدام در این فاصله تغییر کرده است.', { current });

describe('the 409 guard of versioned writes', () => {
  it('returns what the write returned and shows no conflict', async () => {
    const refreshed: string[] = [];
    const write = useVersionedWrite(async () => void refreshed.push('refresh'));
    await expect(write.guard(async () => 'saved')).resolves.toBe('saved');
    expect(write.conflict()).toBeNull();
    expect(refreshed).toEqual([]);
  });

  it('turns a stale version into the action as it is now, refreshes the page once and throws nothing', async () => {
    const refreshed: string[] = [];
    const write = useVersionedWrite(async () => void refreshed.push('refresh'));
    await expect(write.guard(() => Promise.reject(stale()))).resolves.toBeUndefined();
    expect(write.conflict()).toEqual(current);
    expect(refreshed).toEqual(['refresh']);
  });

  it('clears the conflict when a later write goes through, or when the user dismisses it', async () => {
    const write = useVersionedWrite(async () => undefined);
    await write.guard(() => Promise.reject(stale()));
    await write.guard(async () => 1);
    expect(write.conflict()).toBeNull();
    await write.guard(() => Promise.reject(stale()));
    write.dismiss();
    expect(write.conflict()).toBeNull();
  });

  it('hands any other failure to the caller, a 409 of another kind included, without refreshing', async () => {
    const refreshed: string[] = [];
    const write = useVersionedWrite(async () => void refreshed.push('refresh'));
    const refused = new ApiError(422, 'reason_required', 'دلیل را بنویسید.');
    await expect(write.guard(() => Promise.reject(refused))).rejects.toBe(refused);
    const duplicate = new ApiError(409, 'conflict', 'تکراری است.');
    await expect(write.guard(() => Promise.reject(duplicate))).rejects.toBe(duplicate);
    const bulkStale = new ApiError(409, 'version_conflict', '۲ اقدام تغییر کرده است.', { stale: [{ id: 1, version: 3 }] });
    await expect(write.guard(() => Promise.reject(bulkStale))).rejects.toBe(bulkStale);
    expect(write.conflict()).toBeNull();
    expect(refreshed).toEqual([]);
  });
});
