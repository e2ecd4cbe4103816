/** @module API shapes of reports: completion figures, the dashboard, the print report and their period filter (validate and document the routes). */
import { z } from '@hono/zod-openapi';
import { ActionSummarySchema, DateInput } from '../actions/actions.schemas';
import { dueStates } from '../actions/due-dates';
import { actionStatuses } from '../db/schema';

export const FiguresSchema = z.object({
  total: z.number().int(),
  done: z.number().int(),
  doneOnTime: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
  completionRate: z.number().nullable().openapi({ description: 'done ÷ (total − cancelled), 0..1' }),
  onTimeRate: z.number().nullable().openapi({ description: 'done on time ÷ (done + overdue), 0..1' }),
});

export const DashboardSchema = z
  .object({
    today: z.string(),
    filters: z.object({ from: z.string().nullable(), to: z.string().nullable(), series: z.string().nullable() }),
    totals: FiguresSchema,
    provinces: z.array(FiguresSchema.extend({ unit: z.object({ code: z.string(), name: z.string() }) })),
    matrix: z.object({
      units: z.array(z.object({ code: z.string(), name: z.string() })).openapi({ description: 'rows: every province, then other units holding actions' }),
      directives: z
        .array(
          z.object({
            id: z.number().int(),
            anchor: z.string(),
            quote: z.string(),
            sessionSlug: z.string(),
            sessionTitle: z.string(),
            heldOn: z.string().nullable(),
            link: z.string(),
          }),
        )
        .openapi({ description: 'columns, oldest session first' }),
      cells: z.array(
        z.object({
          unitCode: z.string(),
          directiveId: z.number().int(),
          actionId: z.number().int(),
          status: z.enum(actionStatuses),
          dueState: z.enum(dueStates),
          progress: z.number().int(),
        }),
      ),
    }),
    overdue: z.array(ActionSummarySchema),
  })
  .openapi('Dashboard');

export const PeriodQuery = z.object({
  from: DateInput.optional().openapi({ description: 'sessions held on or after (ISO or Jalali)' }),
  to: DateInput.optional().openapi({ description: 'sessions held on or before (ISO or Jalali)' }),
  series: z.string().max(300).optional(),
});

export const PrintReportSchema = z
  .object({
    title: z.string(),
    generatedAt: z.string(),
    generatedAtJalali: z.string(),
    scope: z.object({ directiveId: z.number().int().nullable(), unitCode: z.string().nullable() }),
    figures: FiguresSchema,
    actions: z.array(ActionSummarySchema),
  })
  .openapi('PrintReport');

export type Figures = z.infer<typeof FiguresSchema>;
export type Dashboard = z.infer<typeof DashboardSchema>;
export type PrintReport = z.infer<typeof PrintReportSchema>;
