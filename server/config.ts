import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * The environment, parsed once at start-up. Every key is documented in .env.example.
 * Absent DATABASE_URL means "start the embedded PostgreSQL"; absent REDIS_URL means
 * "run BullMQ on its PostgreSQL backend".
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().optional(),
  EMBEDDED_PG_DIR: z.string().default('.data/postgres'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(5433),
  STORAGE_DIR: z.string().default('.data/files'),
  /** Largest attachment, MiB; capped because size_bytes is an integer column. */
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).default(12 * 60),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).default(7),
  COOKIE_SECURE: bool.optional(),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  REGISTER_RATE_PER_HOUR: z.coerce.number().int().min(1).default(20),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Password reset requests (and link uses) per IP per hour. */
  PASSWORD_RESET_RATE_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /**
   * Other origins (scheme://host[:port], comma-separated) whose pages may call the API with the
   * user's cookies. Empty: CORS is closed, only the app's own pages call the API.
   */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url().refine((o) => URL.canParse(o) && new URL(o).origin === o, 'each origin is scheme://host[:port], without a path or a trailing slash'))),
  /** 公示: working days an award stays in public notice (Monday–Friday; public holidays are not known). */
  NOTICE_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(7),
  INVITATION_DAYS: z.coerce.number().int().min(1).max(60).default(14),
  /** 配套资金: the bureau's funding rule, checked when a contract is drafted and when its split changes. */
  FUNDING_MAX_SUBSIDY_PERCENT: z.coerce.number().int().min(0).max(100).default(50),
  FUNDING_ENTERPRISE_LEAD_MULTIPLE: z.coerce.number().min(0).max(10).default(2),
  FUNDING_ACADEMIC_LEAD_MULTIPLE: z.coerce.number().min(0).max(10).default(1),
  /** 信用: years a terminated contract's credit penalty bars the team from bidding. */
  CREDIT_BAR_YEARS: z.coerce.number().int().min(0).max(20).default(3),
  /** 年度目标: deals (signed contracts) a year, for years without a target set in the app. */
  DEALS_TARGET_DEFAULT: z.coerce.number().int().min(1).max(100_000).default(50),
  /** The bureau running the platform: it issues the quarterly report and publishes the open data. */
  BUREAU_NAME: z.string().trim().min(1).max(100).default('扬州市科技局'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('揭榜挂帅平台 <noreply@jiebang.local>'),
  SEED_DEMO: bool.default(true),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /**
   * How long a worker's hold on a job lasts without renewal, and how often workers look for
   * jobs whose worker died: a killed worker's jobs run again within about twice this. Longer
   * than any pause of the worker's event loop (it renews at half this).
   */
  JOB_LOCK_SECONDS: z.coerce.number().int().min(2).max(600).default(30),
  WEB_DIST_DIR: z.string().default('web/dist'),
});

export type Config = z.infer<typeof configSchema> & {
  /** Resolved: Secure cookies unless explicitly turned off or running over plain http. */
  cookieSecure: boolean;
  publicUrl: string;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const publicUrl = c.PUBLIC_URL ?? `http://localhost:${c.PORT}`;
  return { ...c, publicUrl, cookieSecure: c.COOKIE_SECURE ?? publicUrl.startsWith('https://') };
}
