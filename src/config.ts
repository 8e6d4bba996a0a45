// Every environment variable the bot reads, parsed once. A bad value stops start-up with a message
// that names the variable and says how to fix it.
import { z } from 'zod';

const ConfigSchema = z.object({
  DATABASE_URL: z
    .string()
    .default('file:./data/bot.db')
    .refine((v) => v.startsWith('file:'), 'use a SQLite file URL such as file:./data/bot.db'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PLAN_FILE: z.string().default('examples/stockton-2015-16.yaml'),
  PUBLIC_BASE_URL: z.string().url().optional(),
  TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
    .optional(),
  // Teams (Bot Framework). With no MicrosoftAppId the bot runs in local mode: no authentication,
  // allowed only on a loopback HOST.
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  /** Microsoft Entra tenant ids whose Teams users may talk to the bot; empty means any tenant. */
  ALLOWED_TENANTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t !== ''),
    ),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (parsed.success) {
    const problem = teamsProblem(parsed.data);
    if (problem) throw new ConfigError(problem);
    return parsed.data;
  }
  const first = parsed.error.issues[0];
  const name = String(first?.path[0] ?? 'environment');
  throw new ConfigError(`${name} is not valid: ${first?.message ?? 'check .env.example'} (see .env.example)`);
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/** The Microsoft credentials must be complete, and local mode (none) is only for a loopback HOST. */
function teamsProblem(c: Config): string | null {
  if (!c.MicrosoftAppId) {
    return isLoopback(c.HOST)
      ? null
      : `MicrosoftAppId is not set and HOST is ${c.HOST}: set MicrosoftAppId/MicrosoftAppPassword to serve Teams, or HOST=127.0.0.1 to run in local mode (no authentication)`;
  }
  if (c.MicrosoftAppType !== 'UserAssignedMSI' && !c.MicrosoftAppPassword) {
    return "MicrosoftAppPassword is missing: set it to the bot's client secret, or unset MicrosoftAppId to run in local mode";
  }
  if (c.MicrosoftAppType !== 'MultiTenant' && !c.MicrosoftAppTenantId) {
    return `MicrosoftAppTenantId is missing: a ${c.MicrosoftAppType} bot needs its tenant id`;
  }
  return null;
}
