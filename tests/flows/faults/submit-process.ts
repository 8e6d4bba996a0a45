// A bot process storing Dan's 2.2 return for 2015/16 Q4 (figure 489) through the store, as the card
// does, under a request key. With a stop point it writes a marker file there and waits to be killed:
// "in-transaction" (the revision written, not committed) or "after-commit" (stored, not yet answered).
// Usage: node --import tsx tests/flows/faults/submit-process.ts <database url> <marker dir> <stop point|none> <request key>
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../src/store/open-database.js';
import { submitQ4 } from '../../helpers/submit-q4.js';

const [url = '', dir = '', stop = 'none', requestKey = ''] = process.argv.slice(2);
const forever = () => new Promise<never>(() => setInterval(() => undefined, 60_000));
const reached = async (point: string) => {
  if (stop !== point) return;
  writeFileSync(join(dir, point), '');
  await forever();
};

const db = await openDatabase(url);
const outcome = await submitQ4(db.prisma, {
  figure: 489,
  narrative: 'Night-time economy.',
  source: 'teams',
  requestKey,
  submittedAt: new Date('2016-05-02T09:30:00Z'),
  afterStore: () => reached('in-transaction'),
});
await reached('after-commit');
await db.close();
process.stdout.write(`${JSON.stringify(outcome)}\n`);
