// Claims an inbound activity for this process, so a platform's redelivery is handled once. A claim held
// by a process that is no longer running must not block the retry: platforms redeliver within seconds of
// a crash (Teams after a failed or slow answer), so the retry takes the claim over as soon as its
// claimant is seen to be gone: its BotInstance row is missing (it stopped), its process is not running
// on this host, its last heartbeat is long past, or its heartbeat stops while the retry waits. A claimant
// still at work is given a few seconds to finish first.
import type { Db } from '../store/open-database.js';
import {
  claimInbound,
  finishInbound,
  inboundState,
  releaseInbound,
  takeOverInbound,
  type InboundState,
} from '../store/inbound-store.js';
import { findInstance, type InstanceIdentity } from '../store/instance-store.js';

/** How often a running process beats (src/server/bot-instance.ts). */
export const HEARTBEAT_MS = 1_000;
/** A claimant whose heartbeat has not moved for this long while we watched is gone. */
export const SILENT_FOR_MS = 3 * HEARTBEAT_MS;
/** A claimant whose last heartbeat is this old (on its clock) is gone; generous, for clock skew. */
export const STALE_AFTER_MS = 30_000;

export type ClaimOutcome = 'mine' | 'handled' | 'busy';

export interface InboundClaims {
  /**
   * 'mine': handle it, then `finish` (or `release` when handling failed). 'handled': it was, answer
   * once. 'busy': a live process is still at it after `waitMs`.
   */
  claim(key: string, waitMs: number): Promise<ClaimOutcome>;
  finish(key: string): Promise<void>;
  release(key: string): Promise<void>;
}

export interface ClaimsDeps {
  db: Db;
  self: InstanceIdentity;
  /** The turn's clock (when the activity was received and handled). */
  clock: () => Date;
  /** Real time, to compare with heartbeats. */
  wallClock: () => Date;
  sleep(ms: number): Promise<void>;
  /** Whether a process with this id runs on this host. */
  isRunning(pid: number): boolean;
  pollMs?: number;
}

interface Watched {
  beats: number;
  /** Polls since the beats last moved. */
  still: number;
}

export function createInboundClaims(d: ClaimsDeps): InboundClaims {
  const pollMs = d.pollMs ?? 250;

  /** Whether the claimant is gone; `watch` remembers its beats across the polls of one claim. */
  const gone = async (by: string, watch: Map<string, Watched>): Promise<boolean> => {
    if (by === d.self.id) return false;
    const seen = await findInstance(d.db, by);
    if (!seen) return true;
    if (seen.host === d.self.host && !d.isRunning(seen.pid)) return true;
    if (d.wallClock().getTime() - seen.seenAt.getTime() > STALE_AFTER_MS) return true;
    const w = watch.get(by);
    if (!w || w.beats !== seen.beats) {
      watch.set(by, { beats: seen.beats, still: 0 });
      return false;
    }
    w.still += 1;
    return w.still * pollMs >= SILENT_FOR_MS;
  };

  return {
    claim: async (key, waitMs) => {
      const watch = new Map<string, Watched>();
      let state: InboundState = await claimInbound(d.db, key, d.clock(), d.self.id);
      for (let waited = 0; ; waited += pollMs) {
        if (state.kind === 'claimed') return 'mine';
        if (state.kind === 'handled') return 'handled';
        // Claimed before instances were recorded: nobody to watch, only its age tells (claimInbound).
        if (state.by === null) return 'busy';
        if (
          (await gone(state.by, watch)) &&
          (await takeOverInbound(d.db, key, state.by, d.self.id, d.clock()))
        )
          return 'mine';
        if (waited >= waitMs) return 'busy';
        await d.sleep(pollMs);
        // Released meanwhile (its handling failed): claim it afresh.
        state = (await inboundState(d.db, key)) ?? (await claimInbound(d.db, key, d.clock(), d.self.id));
      }
    },
    finish: (key) => finishInbound(d.db, key, d.clock()),
    release: (key) => releaseInbound(d.db, key),
  };
}
