import * as z from 'zod';
import { activityKinds, type ActivityKind, type Schedule as DomainSchedule } from '../domain/types.js';

// zod schemas for every file in data/. `.strict()` everywhere: a misspelt key is an error, not a
// silently ignored field.

const isoDate = z.iso.date({ message: 'expected a date YYYY-MM-DD' });
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');
const text = z.string().trim().min(1, 'must not be empty');
const nullableText = z.string().trim().min(1).nullable();

export const agencyIdPattern = /^[A-Za-z][A-Za-z0-9 /-]*$/;
const agencyId = z.string().regex(agencyIdPattern, 'expected an agency id such as IOM');
/** In a plan file, an agency is named as in questions: id, name, Spanish name or acronym, alias (checked against data/agencies.yaml). */
const agencyName = text;

// ---- GCM reference (data/gcm.yaml) ----

export const gcmFileSchema = z
  .object({
    objectives: z
      .array(
        z
          .object({
            number: z.number().int().min(1),
            title_en: text,
            title_es: text,
            title_es_verified: z.boolean(),
            paragraph: z.number().int(),
            short_en: text,
            short_es: text,
          })
          .strict(),
      )
      .min(1),
    guiding_principles: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z_]+$/),
            item: z.string().regex(/^[a-z]$/),
            name_en: text,
            name_es: text,
          })
          .strict(),
      )
      .min(1),
    facts: z.record(z.string(), z.string()).optional(),
  })
  .strict();
export type GcmFile = z.infer<typeof gcmFileSchema>;

// ---- Agencies (data/agencies.yaml) ----

export const agencyRoles = ['co_lead', 'member', 'excom', 'named_in_plan', 'matrix'] as const;

export const agenciesFileSchema = z
  .object({
    agencies: z
      .array(
        z
          .object({
            id: agencyId,
            roles: z.array(z.enum(agencyRoles)).min(1),
            name_en: text,
            name_es: nullableText,
            acronym_es: nullableText,
            aliases: z.array(text).default([]),
            matrix_column: nullableText.default(null),
            note: nullableText.default(null),
            profile: z
              .object({
                source_heading: text,
                mandate: text,
                migration_work: text,
                /** Spanish, translated by the project (the source is in English): answers say so. */
                mandate_es: text.optional(),
                migration_work_es: text.optional(),
              })
              .strict()
              .nullable(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type AgenciesFile = z.infer<typeof agenciesFileSchema>;

// ---- Annex matrix (data/matrix.yaml) ----

export const matrixFileSchema = z
  .object({
    columns: z.array(z.object({ heading: text, agency: agencyId }).strict()).min(1),
    issues: z
      .array(
        z
          .object({
            number: z.number().int().min(1),
            issue: text,
            /** The issue's name in Spanish: the project's translation (the source is in English). */
            issue_es: text.optional(),
            marks: z.record(agencyId, z.enum(['x', 'xx'])),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type MatrixFile = z.infer<typeof matrixFileSchema>;

// ---- The work plan (data/plan-*.yaml) ----

const scheduleText = z.string().trim();

export const scheduleSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('recurring_months'),
      text: scheduleText,
      months: z.array(z.number().int().min(1).max(12)).min(1),
    })
    .strict(),
  z.object({ type: z.literal('month'), text: scheduleText, month: isoMonth }).strict(),
  z.object({ type: z.literal('month_range'), text: scheduleText, from: isoMonth, to: isoMonth }).strict(),
  z.object({ type: z.literal('date'), text: scheduleText, date: isoDate }).strict(),
  z.object({ type: z.literal('date_range'), text: scheduleText, from: isoDate, to: isoDate }).strict(),
  z
    .object({
      type: z.literal('tentative'),
      text: scheduleText,
      month: isoMonth,
      days: z.array(z.number().int().min(1).max(31)),
    })
    .strict(),
  z.object({ type: z.literal('monthly'), text: scheduleText, per_month: z.number().int().min(1).default(1) }).strict(),
  z.object({ type: z.literal('continuous'), text: scheduleText }).strict(),
  z.object({ type: z.literal('none'), text: scheduleText }).strict(),
]);
export type Schedule = z.infer<typeof scheduleSchema>;
export type ScheduleType = Schedule['type'];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when the file's schedule and the domain's Schedule drift apart. */
export const scheduleMatchesDomain: Same<Schedule, DomainSchedule> = true;

const leadSchema = z
  .object({
    agencies: z.array(agencyName),
    wording: z.string().trim(),
  })
  .strict();

const supportSchema = z
  .object({
    network: z.boolean(),
    agencies: z.array(agencyName),
    wording: z.string().trim(),
  })
  .strict();

export { activityKinds, type ActivityKind };

export const activitySchema = z
  .object({
    id: z.string().regex(/^[BT]\d+\.\d+$/, 'expected an activity id such as B1.3 or T2.4'),
    text,
    text_es: text.optional(),
    references: z.array(text).default([]),
    workstreams: z.array(z.number().int().min(1)).default([]),
    lead: leadSchema,
    support: supportSchema,
    kind: z.enum(activityKinds),
    schedule: scheduleSchema,
    note: text.optional(),
    /** The note in Spanish (see translation_es). */
    note_es: text.optional(),
  })
  .strict();
export type ActivityInput = z.infer<typeof activitySchema>;

export const prioritySchema = z
  .object({
    id: z.string().regex(/^[BT]\d+$/, 'expected a priority id such as B1 or T3'),
    kind: z.enum(['basic', 'thematic']),
    title: text,
    /** The title and text in Spanish, when the plan file has them (see translation_es). */
    title_es: text.optional(),
    text,
    text_es: text.optional(),
    objectives: z.array(z.number().int()).default([]),
    note: text.optional(),
    /** The note in Spanish (see translation_es). */
    note_es: text.optional(),
    activities: z.array(activitySchema),
  })
  .strict();
export type PriorityInput = z.infer<typeof prioritySchema>;

export const planFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase id such as lac-2023-2024'),
    title: text,
    network: text,
    co_leads: z.array(agencyName).default([]),
    published: z.string().optional(),
    endorsed: isoDate.optional(),
    source: text.optional(),
    period: z.object({ start: isoDate, end: isoDate }).strict(),
    period_note: text.optional(),
    monitoring: text.optional(),
    /** The plan's title in Spanish (see translation_es). */
    title_es: text.optional(),
    /** Who wrote the file's Spanish texts (text_es, title_es): the plan's official version, or the project's translation. */
    translation_es: z.enum(['official', 'project']).optional(),
    priorities: z.array(prioritySchema).min(1),
  })
  .strict();
export type PlanFile = z.infer<typeof planFileSchema>;
