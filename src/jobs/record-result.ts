// Records what a send did: sent (with the platform's id), retried later with back-off (or at the
// platform's Retry-After), dead-lettered with the coordinators told, or unknown and settled by the
// per-kind policy in unknown-policy.ts.
import type { OutboxKind } from '../domain/reminders/reminder-payload.js';
import {
  recordFailed,
  recordRetry,
  recordSent,
  recordUnknown,
  releaseClaim,
  type OutboxRow,
} from '../store/outbox-store.js';
import type { Partnership } from '../domain/partnership.js';
import { backoffMs, MAX_ATTEMPTS } from './backoff.js';
import type { DeliveryDeps, DeliveryReport } from './delivery-deps.js';
import { tellCoordinators } from './failure-notice.js';
import type { Route } from './senders/route-recipient.js';
import type { SendResult } from './senders/sender.js';
import { unknownAction } from './unknown-policy.js';

export interface Sent {
  p: Partnership;
  route: Route;
  kind: OutboxKind;
  rows: OutboxRow[];
  report: DeliveryReport;
}

const later = (deps: DeliveryDeps, ms: number) => new Date(deps.clock().getTime() + ms);
const attemptsOf = (rows: OutboxRow[]) => Math.max(0, ...rows.map((r) => r.attempts)) + 1;

export async function deadLetter(deps: DeliveryDeps, s: Sent, error: string): Promise<void> {
  const now = deps.clock();
  await recordFailed(
    deps.db,
    s.rows.map((r) => r.id),
    error,
    now,
  );
  s.report.failed += s.rows.length;
  deps.log.warn({ outbox: s.rows.map((r) => r.key), error }, 'outbox message dead-lettered');
  await tellCoordinators(deps.db, s.p, s.route.address.person, s.rows, { kind: 'failed', error }, now);
}

/** Unknown outcome: look it up where the platform allows, else the kind's policy. */
export async function settleUnknown(
  deps: DeliveryDeps,
  s: Pick<Sent, 'kind' | 'rows' | 'report'>,
  error: string,
  canReconcile: boolean,
): Promise<void> {
  const ids = s.rows.map((r) => r.id);
  const attempts = attemptsOf(s.rows);
  const now = deps.clock();
  s.report.unknown += ids.length;
  switch (unknownAction(canReconcile, s.kind)) {
    case 'reconcile':
      return recordUnknown(deps.db, ids, later(deps, backoffMs(attempts, deps.random)), error, now);
    case 'resendOnce':
      if (attempts <= 1)
        return recordRetry(
          deps.db,
          ids,
          later(deps, backoffMs(1, deps.random)),
          `${error}; sending once more`,
          now,
        );
      return recordUnknown(deps.db, ids, now, `${error}; not sent again`, now);
    case 'leave':
      return recordUnknown(
        deps.db,
        ids,
        now,
        `${error}; not sent again (a duplicate is worse than a miss)`,
        now,
      );
  }
}

export async function recordResult(deps: DeliveryDeps, s: Sent, result: SendResult): Promise<void> {
  const ids = s.rows.map((r) => r.id);
  const now = deps.clock();
  switch (result.kind) {
    case 'sent':
      s.report.sent += ids.length;
      return recordSent(deps.db, ids, result.providerId, now);
    case 'retry': {
      const attempts = attemptsOf(s.rows);
      if (attempts >= MAX_ATTEMPTS)
        return deadLetter(deps, s, `gave up after ${attempts} attempts: ${result.error}`);
      if (result.retryAfterMs !== null) deps.limiter.block(s.route.conversation, result.retryAfterMs);
      s.report.retried += ids.length;
      return recordRetry(
        deps.db,
        ids,
        later(deps, backoffMs(attempts, deps.random, result.retryAfterMs)),
        result.error,
        now,
      );
    }
    case 'failed':
      return deadLetter(deps, s, result.error);
    case 'unknown':
      await settleUnknown(deps, s, result.error, s.route.sender.reconcile !== undefined);
      if (s.kind === 'summary')
        await tellCoordinators(
          deps.db,
          s.p,
          s.route.address.person,
          s.rows,
          { kind: 'uncertain', error: result.error },
          now,
        );
      return;
    case 'noRoute':
      s.report.waiting += ids.length;
      return releaseClaim(deps.db, ids, later(deps, deps.recheckMs), now);
    default: {
      const never: never = result;
      throw new Error(`unknown send result ${JSON.stringify(never)}`);
    }
  }
}
