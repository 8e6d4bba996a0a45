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
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const name = String(first?.path[0] ?? 'environment');
  throw new ConfigError(`${name} is not valid: ${first?.message ?? 'check .env.example'} (see .env.example)`);
}
