// This process as a BotInstance: registered at start, a heartbeat every second while it runs, removed
// at a graceful stop. A killed process leaves its row, with a pid that no longer runs and a heartbeat
// that stopped: that is how a redelivery knows the claim it finds was abandoned (app/inbound-claims.ts).
import { HEARTBEAT_MS } from '../app/inbound-claims.js';
import type { Logger } from '../log.js';
import {
  beatInstance,
  pruneInstances,
  registerInstance,
  removeInstance,
  type InstanceIdentity,
} from '../store/instance-store.js';
import type { Db } from '../store/open-database.js';

export interface RunningInstance {
  /** Stops the heartbeat and removes the row: claims this process still holds are free to take over. */
  stop(): Promise<void>;
}

/** Rows of processes not seen for a day are removed at start. */
const FORGET_AFTER_MS = 24 * 3600 * 1000;

export async function startInstance(
  db: Db,
  self: InstanceIdentity,
  wallClock: () => Date,
  log: Logger,
): Promise<RunningInstance> {
  await registerInstance(db, self, wallClock());
  const pruned = await pruneInstances(db, new Date(wallClock().getTime() - FORGET_AFTER_MS));
  if (pruned > 0) log.info({ pruned }, 'rows of stopped bot instances removed');
  let beating: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    beating = beatInstance(db, self, wallClock()).catch((err: unknown) => {
      log.warn({ err }, 'instance heartbeat failed');
    });
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await beating;
      await removeInstance(db, self.id);
    },
  };
}

/** Whether a process with this id runs on this host (signal 0 only checks; EPERM: it runs as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
