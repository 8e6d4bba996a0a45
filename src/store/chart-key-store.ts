// The server's own secrets (the chart-link signing key): made once, on first start, and kept in the
// database so that what they signed stays valid across restarts and instances.
import type { Db } from './open-database.js';
import { isUniqueClash } from './unique-clash.js';
import { prismaOf } from './db.js';

export const CHART_KEY_NAME = 'chart-signing-key';

/**
 * The stored secret called `name`; when there is none yet, `candidate` is stored and returned. Two
 * instances starting at once agree: the second's insert fails on the key and it reads the first's.
 */
export async function keepServerSecret(db: Db, name: string, candidate: string, at: Date): Promise<string> {
  const found = await prismaOf(db).serverSecret.findUnique({ where: { name } });
  if (found) return found.value;
  try {
    await prismaOf(db).serverSecret.create({ data: { name, value: candidate, createdAt: at } });
    return candidate;
  } catch (e) {
    if (!isUniqueClash(e)) throw e;
    const winner = await prismaOf(db).serverSecret.findUnique({ where: { name } });
    if (!winner) throw e;
    return winner.value;
  }
}
