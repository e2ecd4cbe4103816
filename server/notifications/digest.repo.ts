/**
 * @module The daily digest's rows: who receives it, and the claim on (user, day) that lets exactly
 * one of several instances send it. A claim is a row in `email_digests`: 'sending' while an instance
 * holds it, 'sent' for good, 'failed' to be claimed again by a later run (up to `maxAttempts`).
 * A 'sending' claim older than the lease is taken over: its instance died mid-send.
 */
import type { Client } from '@libsql/client';
import type { Role } from '../db/schema';

export interface DigestRecipient {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  email: string;
}

export interface DigestClaim {
  userId: number;
  day: string;
  /** The claim's time: only the holder of this claim marks it sent or failed. */
  claimedAt: string;
}

export function createDigestRepo(client: Client) {
  return {
    /** Enabled accounts with an e-mail address that have not turned e-mail off. */
    async recipients(): Promise<DigestRecipient[]> {
      const rs = await client.execute(
        `SELECT id, username, display_name, role, unit_code, email FROM users
         WHERE disabled = 0 AND email_enabled = 1 AND email IS NOT NULL AND trim(email) <> '' ORDER BY id`,
      );
      return rs.rows.map((r) => ({
        id: Number(r.id),
        username: String(r.username),
        displayName: String(r.display_name),
        role: String(r.role) as Role,
        unitCode: r.unit_code === null ? null : String(r.unit_code),
        email: String(r.email),
      }));
    },

    /** Whether the user's digest of `day` was sent already (the cheap check before composing it). */
    async isSent(userId: number, day: string): Promise<boolean> {
      const rs = await client.execute({ sql: `SELECT 1 FROM email_digests WHERE user_id = ? AND day = ? AND status = 'sent'`, args: [userId, day] });
      return rs.rows.length > 0;
    },

    /**
     * Claim the user's digest of `day`: one statement, so of two instances racing exactly one gets it.
     * Undefined when another holds it, it was sent, or it failed `maxAttempts` times.
     */
    async claim(userId: number, day: string, now: string, staleBefore: string, maxAttempts: number): Promise<DigestClaim | undefined> {
      const rs = await client.execute({
        sql: `INSERT INTO email_digests (user_id, day, status, attempts, claimed_at) VALUES (?, ?, 'sending', 1, ?)
              ON CONFLICT (user_id, day) DO UPDATE SET status = 'sending', attempts = email_digests.attempts + 1,
                claimed_at = excluded.claimed_at, error = NULL
              WHERE (email_digests.status = 'failed' AND email_digests.attempts < ?)
                 OR (email_digests.status = 'sending' AND email_digests.claimed_at < ?)`,
        args: [userId, day, now, maxAttempts, staleBefore],
      });
      return rs.rowsAffected === 1 ? { userId, day, claimedAt: now } : undefined;
    },

    async markSent(claim: DigestClaim, now: string): Promise<void> {
      await client.execute({
        sql: `UPDATE email_digests SET status = 'sent', sent_at = ? WHERE user_id = ? AND day = ? AND status = 'sending' AND claimed_at = ?`,
        args: [now, claim.userId, claim.day, claim.claimedAt],
      });
    },

    /** Leave the claim for a later run to take again. */
    async markFailed(claim: DigestClaim, error: string): Promise<void> {
      await client.execute({
        sql: `UPDATE email_digests SET status = 'failed', error = ? WHERE user_id = ? AND day = ? AND status = 'sending' AND claimed_at = ?`,
        args: [error.slice(0, 500), claim.userId, claim.day, claim.claimedAt],
      });
    },
  };
}

export type DigestRepo = ReturnType<typeof createDigestRepo>;
