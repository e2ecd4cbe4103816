/** @module API shapes of correcting and withdrawing a published session (validate and document the routes). */
import { z } from '@hono/zod-openapi';
import { sessionKinds } from '../db/schema';
import { oneLineText } from '../security/one-line';

const Version = z.number().int().min(1).openapi({ description: 'the session version the manager read (409 when stale)' });

export const SessionCorrectionSchema = z
  .object({
    version: Version,
    title: oneLineText(500).optional().openapi({ type: 'string', description: 'one line: line breaks and controls become spaces' }),
    heldOn: z.string().max(40).nullable().optional().openapi({ description: 'ISO or Jalali (Persian digits accepted)', example: '1399-11-01' }),
    kind: z.enum(sessionKinds).optional(),
    series: oneLineText(200).nullable().optional().openapi({ type: 'string' }),
    organiser: oneLineText(100).nullable().optional().openapi({ type: 'string', description: 'unit code' }),
    speakers: z.array(oneLineText(200)).max(100).optional().openapi({ type: 'array', items: { type: 'string' } }),
    tags: z.array(oneLineText(100)).max(50).optional().openapi({ type: 'array', items: { type: 'string' } }),
    mediaUrl: z.string().max(2_000).nullable().optional(),
    notes: z.string().max(20_000).nullable().optional(),
    paragraphs: z
      .array(z.object({ ordinal: z.number().int().min(0), text: z.string().max(200_000) }))
      .max(5_000)
      .optional()
      .openapi({ description: 'new texts of the paragraphs that changed; directive quotes must stay as they are' }),
    reason: z.string().max(1_000).optional(),
  })
  .openapi('SessionCorrection');

export const SessionCorrectionResultSchema = z
  .object({
    slug: z.string(),
    version: z.number().int(),
    changed: z.array(z.string()).openapi({ description: 'facts that changed, and "text" when paragraphs did' }),
    paragraphs: z.number().int(),
    directivesMoved: z.number().int().openapi({ description: 'directives whose offsets moved (their quotes did not change)' }),
  })
  .openapi('SessionCorrectionResult');

export const SessionWithdrawalSchema = z.object({ version: Version, reason: z.string().max(1_000) }).openapi('SessionWithdrawal');

export const SessionWithdrawalResultSchema = z
  .object({
    slug: z.string(),
    version: z.number().int(),
    withdrawnAt: z.string(),
    reason: z.string(),
    cancelledActions: z.array(z.number().int()).openapi({ description: 'the open actions cancelled in the same write as the withdrawal' }),
  })
  .openapi('SessionWithdrawalResult');

export const SessionRestoreSchema = z.object({ version: Version, reason: z.string().max(1_000) }).openapi('SessionRestore');

export const SessionRestoreResultSchema = z
  .object({
    slug: z.string(),
    version: z.number().int(),
    restoredAt: z.string(),
    reason: z.string(),
    cancelledActions: z
      .number()
      .int()
      .openapi({ description: "actions its withdrawal cancelled: they stay cancelled, and each directive's page offers to reopen them with a new deadline" }),
  })
  .openapi('SessionRestoreResult');
