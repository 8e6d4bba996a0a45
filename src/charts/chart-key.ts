// The key that signs chart links, derived from a stable secret: CHART_SIGNING_KEY when the operator
// sets one (several instances, or keys kept outside the database), else a random secret made on first
// start and kept in the database. A link handed out yesterday still draws after a restart.
import { createHmac, randomBytes } from 'node:crypto';
import { CHART_KEY_NAME, keepServerSecret } from '../store/chart-key-store.js';
import type { Db } from '../store/open-database.js';

export async function chartSigningKey(db: Db, configured: string | undefined, now: Date): Promise<Buffer> {
  const secret =
    configured ?? (await keepServerSecret(db, CHART_KEY_NAME, randomBytes(32).toString('base64url'), now));
  // A key for this one purpose, so the secret could sign something else without links being forged.
  return createHmac('sha256', secret).update('perfbot chart links v1').digest();
}
