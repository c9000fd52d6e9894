import { IANAZone } from 'luxon';
import * as z from 'zod';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInstant } from './clock.js';
import { languages, type Language } from './domain/types.js';
import type { QuarterlyReport } from './domain/brief-draft.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The project's root folder (where package.json and data/ are): above src/, or above dist/src/ in the compiled build (docs/decisions/compiled-build.md). */
export const projectRoot = path.resolve(here, path.basename(path.dirname(here)) === 'dist' ? '../..' : '..');

export const defaultDataDir = path.join(projectRoot, 'data');
export const defaultPlanFile = path.join(defaultDataDir, 'plan-2023-2024.yaml');
export const defaultDatabasePath = path.join(projectRoot, 'var', 'gcm.sqlite');

/**
 * America/Santiago: the Regional Network is co-led from ECLAC's headquarters in Santiago de Chile, where
 * the plan's meetings are convened. Any IANA zone may be set instead.
 */
export const defaultTimezone = 'America/Santiago';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());

const userIdList = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'each co-chair must be a Slack user ID such as U012ABCDEF'))),
);

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM, 24-hour clock');

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** `GCM_DIGEST` as written from a loaded setting (`monday 09:00`, or `off`): what `loadConfig` reads back to the same digest. */
export const digestSetting = (digest: Config['digest']): string => (digest === 'off' ? 'off' : `${weekdays[digest.weekday - 1]} ${digest.time}`);

const envSchema = z
  .object({
    SLACK_BOT_TOKEN: z.preprocess(blankToUndefined, z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
    SLACK_APP_TOKEN: z.preprocess(blankToUndefined, z.string().startsWith('xapp-', 'must start with xapp-').optional()),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_API_URL: z.preprocess(
      blankToUndefined,
      z
        .url({ message: 'must be a URL such as http://127.0.0.1:4000/api/' })
        .optional()
        .transform((v) => (v === undefined || v.endsWith('/') ? v : `${v}/`)),
    ),
    PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
    HOST: optionalText,
    SLACK_APP_ID: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^A[A-Z0-9]{2,}$/, 'must be a Slack app ID such as A0123ABCD')
        .optional(),
    ),
    SLACK_TEAM_ID: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[TE][A-Z0-9]{2,}$/, 'must be a Slack workspace ID such as T0123ABCD')
        .optional(),
    ),
    HEALTH_PORT: z.preprocess(blankToUndefined, z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).optional()),
    GCM_BACKUP_DIR: optionalText,
    GCM_BACKUP_KEEP: z.preprocess(blankToUndefined, z.coerce.number({ message: 'must be a whole number' }).int().min(1).max(1000).default(14)),
    GCM_CO_CHAIRS: userIdList,
    GCM_CO_CHAIRS_USERGROUP: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^S[A-Z0-9]{2,}$/, 'must be a Slack user group ID such as S0123ABCD')
        .optional(),
    ),
    GCM_REMINDER_CHANNEL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a channel ID such as C0123ABCD (not a #name)')
        .optional(),
    ),
    GCM_TIMEZONE: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default(defaultTimezone)
        .refine((z) => IANAZone.isValidZone(z), 'must be an IANA time zone such as America/Santiago'),
    ),
    GCM_LANGUAGE: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
      z.enum(languages, { message: 'must be en or es' }).default('en'),
    ),
    GCM_NOW: optionalText,
    GCM_REMINDER_DAYS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default('7,1')
        .transform((v) => v.split(',').map((s) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN)))
        .pipe(z.array(z.number({ message: 'expected whole numbers of days, such as 7,1' }).int().min(0).max(60)).min(1))
        .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
    ),
    GCM_REMINDER_TIME: z.preprocess(blankToUndefined, timeOfDay.default('09:00')),
    GCM_DIGEST: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default('monday 09:00')
        .transform((v) => v.trim().toLowerCase())
        .refine(
          (v) => v === 'off' || new RegExp(`^(${weekdays.join('|')}) ([01]\\d|2[0-3]):[0-5]\\d$`).test(v),
          'expected "off" or a weekday and a time, such as "monday 09:00"',
        ),
    ),
    GCM_REPORT: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
      // `on` is the setting's old word for `auto`, kept so that existing deployments keep working.
      z
        .enum(['draft', 'auto', 'off', 'on'], { message: 'must be draft, auto or off' })
        .default('draft')
        .transform((v) => (v === 'on' ? 'auto' : v)),
    ),
    GCM_PLAN: optionalText,
    GCM_CALENDAR_TOKEN: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,200}$/, 'must be 16 to 200 letters, digits, - or _ (it goes in the address), such as the output of openssl rand -hex 24')
        .optional(),
    ),
    CALENDAR_PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).optional()),
    GCM_PUBLIC_URL: z.preprocess(
      blankToUndefined,
      z
        .url({ message: 'must be the address people reach the bot at, such as https://gcm.example.org' })
        .refine((v) => /^https?:\/\//i.test(v), 'must start with http:// or https://')
        .optional()
        .transform((v) => v?.replace(/\/+$/, '')),
    ),
    DATABASE_PATH: optionalText,
    GCM_NEW_DATABASE: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
      z.enum(['1', '0', 'true', 'false', 'yes', 'no'], { message: 'must be 1 or 0' }).optional(),
    ),
    LOG_LEVEL: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
      z.enum(['info', 'debug'], { message: 'must be info or debug' }).default('info'),
    ),
    LOG_FORMAT: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
      z.enum(['text', 'json'], { message: 'must be text or json' }).default('text'),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.GCM_NOW !== undefined && parseInstant(env.GCM_NOW, env.GCM_TIMEZONE) === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['GCM_NOW'],
        message: 'must be an ISO date-time such as 2024-04-24T10:00:00 (read in GCM_TIMEZONE) or 2024-04-24T14:00:00Z',
      });
    }
  });

export type Transport = 'socket' | 'http' | 'none';

export interface Config {
  slack: {
    botToken: string | undefined;
    appToken: string | undefined;
    signingSecret: string | undefined;
    apiUrl: string | undefined;
    transport: Transport;
    /** SLACK_APP_ID / SLACK_TEAM_ID: when set, requests for another app or workspace are refused. */
    appId: string | undefined;
    teamId: string | undefined;
  };
  port: number;
  /** HOST: the interface HTTP mode listens on (every interface when not set). */
  host: string | undefined;
  /** HEALTH_PORT: in Socket Mode, GET /health is served on this port when set (HTTP mode serves it on PORT). */
  healthPort: number | undefined;
  /** GCM_BACKUP_DIR: the nightly backups' folder (absolute); none when unset. Also where the automatic backup before a migration goes. */
  backupDir: string | undefined;
  /** GCM_BACKUP_KEEP: how many nightly backups are kept. */
  backupKeep: number;
  coChairs: string[];
  coChairsUsergroup: string | undefined;
  reminderChannel: string | undefined;
  timezone: string;
  language: Language;
  /** GCM_NOW as written; parse with parseInstant(now, timezone). */
  now: string | undefined;
  reminderDays: number[];
  reminderTime: string;
  digest: { weekday: number; time: string } | 'off';
  /**
   * GCM_REPORT, the quarter's update: `draft` (to each co-chair's direct messages, posted to the channel when
   * one publishes it), `auto` (the progress report posted to GCM_REMINDER_CHANNEL unreviewed; `on` means this), `off`.
   */
  quarterlyReport: QuarterlyReport;
  planFile: string;
  /** The calendar's subscription: its secret (GCM_CALENDAR_TOKEN; else one kept in the database), the side server's port in Socket Mode (CALENDAR_PORT), the public address (GCM_PUBLIC_URL, no trailing slash). */
  calendar: { token: string | undefined; port: number | undefined; publicUrl: string | undefined };
  dataDir: string;
  databasePath: string;
  /** DATABASE_PATH was given (the playground uses a fresh in-memory database otherwise). */
  databasePathSet: boolean;
  /**
   * GCM_NEW_DATABASE=1: start on a new, empty database although DATABASE_PATH is missing and GCM_BACKUP_DIR
   * holds backups (otherwise that start is refused with the restore command).
   */
  newDatabase: boolean;
  /** LOG_LEVEL: `debug` logs Bolt's and the bot's details. */
  logLevel: 'info' | 'debug';
  /** LOG_FORMAT: `json` writes one JSON object per line (for a log collector); `text` readable lines. */
  logFormat: 'text' | 'json';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment once (the entry points pass `process.env`). Throws ConfigError listing every bad variable (its name and
 * what is expected, never its value: some are secrets).
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push(
      'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: one is needed with SLACK_BOT_TOKEN (SLACK_APP_TOKEN for Socket Mode, the default; SLACK_SIGNING_SECRET for HTTP mode)',
    );
  }
  if (!e.SLACK_BOT_TOKEN && (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET)) {
    problems.push('SLACK_BOT_TOKEN: required (xoxb-…) when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const transport: Transport = !e.SLACK_BOT_TOKEN ? 'none' : e.SLACK_APP_TOKEN ? 'socket' : 'http';
  const [day, time] = e.GCM_DIGEST === 'off' ? [] : e.GCM_DIGEST.split(' ');
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL,
      transport,
      appId: e.SLACK_APP_ID,
      teamId: e.SLACK_TEAM_ID,
    },
    port: e.PORT,
    host: e.HOST,
    healthPort: e.HEALTH_PORT,
    backupDir: e.GCM_BACKUP_DIR === undefined ? undefined : path.resolve(e.GCM_BACKUP_DIR),
    backupKeep: e.GCM_BACKUP_KEEP,
    coChairs: e.GCM_CO_CHAIRS,
    coChairsUsergroup: e.GCM_CO_CHAIRS_USERGROUP,
    reminderChannel: e.GCM_REMINDER_CHANNEL,
    timezone: e.GCM_TIMEZONE,
    language: e.GCM_LANGUAGE,
    now: e.GCM_NOW,
    reminderDays: e.GCM_REMINDER_DAYS,
    reminderTime: e.GCM_REMINDER_TIME,
    digest: e.GCM_DIGEST === 'off' ? 'off' : { weekday: weekdays.indexOf(day as (typeof weekdays)[number]) + 1, time: time ?? '09:00' },
    quarterlyReport: e.GCM_REPORT,
    planFile: path.resolve(e.GCM_PLAN ?? defaultPlanFile),
    calendar: { token: e.GCM_CALENDAR_TOKEN, port: e.CALENDAR_PORT, publicUrl: e.GCM_PUBLIC_URL },
    dataDir: defaultDataDir,
    databasePath: e.DATABASE_PATH === ':memory:' ? ':memory:' : path.resolve(e.DATABASE_PATH ?? defaultDatabasePath),
    databasePathSet: e.DATABASE_PATH !== undefined,
    newDatabase: ['1', 'true', 'yes'].includes(e.GCM_NEW_DATABASE ?? ''),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
  };
}
