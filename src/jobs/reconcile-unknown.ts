// Messages whose outcome is unknown: claims a stopped process left behind, and Slack messages to look
// up in the person's DM (by the outbox ids in their metadata) before anything is sent again.
import type { OutboxKind } from '../domain/reminders/reminder-payload.js';
import {
  claimUnknown,
  recordFailed,
  recordRetry,
  recordSent,
  recordUnknown,
  recoverStale as recoverStaleRows,
  unknownToCheck,
  type OutboxRow,
} from '../store/outbox-store.js';
import type { Partnership } from '../domain/partnership.js';
import { backoffMs, MAX_ATTEMPTS } from './backoff.js';
import type { DeliveryDeps, DeliveryReport } from './delivery-deps.js';
import { settleUnknown } from './record-result.js';
import { senderOf } from './senders/route-recipient.js';
import { personAddress } from './senders/sender.js';

/** After a crash between send and record: settled like any unknown outcome, never simply resent. */
export async function recoverStale(deps: DeliveryDeps, report: DeliveryReport) {
  const now = deps.clock();
  const before = new Date(now.getTime() - deps.leaseMs);
  const rows = await recoverStaleRows(deps.db, before, deps.newToken(), now);
  if (rows.length > 0)
    deps.log.warn({ outbox: rows.map((r) => r.key) }, 'outcome unknown after a stop mid-send');
  for (const kind of new Set<OutboxKind>(rows.map((r) => r.kind))) {
    for (const channel of new Set(rows.map((r) => r.channel))) {
      const group = rows.filter((r) => r.kind === kind && r.channel === channel);
      const canReconcile = senderOf(deps.senders, channel ?? '')?.reconcile !== undefined;
      if (group.length > 0)
        await settleUnknown(
          deps,
          { kind, rows: group, report },
          'the process stopped between sending and recording',
          canReconcile,
        );
    }
  }
}

async function reconcileOne(deps: DeliveryDeps, p: Partnership, row: OutboxRow, report: DeliveryReport) {
  const slack = senderOf(deps.senders, 'slack');
  const person = p.people.find((x) => x.id === row.recipient);
  if (!slack?.reconcile || !person) return;
  if (!(await claimUnknown(deps.db, row.id, deps.newToken(), deps.clock()))) return;
  const address = personAddress(p.id, person);
  // From when the row was written: claims are renewed, so the send itself may be older than the last claim.
  const found = await slack.reconcile(address, { outboxIds: [row.id] }, row.createdAt);
  const now = deps.clock();
  switch (found.kind) {
    case 'found':
      report.reconciled++;
      return recordSent(deps.db, [row.id], found.providerId, now);
    case 'absent':
      // It did not arrive: sending it again cannot make a duplicate.
      return recordRetry(
        deps.db,
        [row.id],
        now,
        'not in the DM after an unknown outcome: sending again',
        now,
      );
    case 'unknown':
      if (row.attempts >= MAX_ATTEMPTS)
        return recordFailed(deps.db, [row.id], `could not tell whether it arrived: ${found.error}`, now);
      return recordUnknown(
        deps.db,
        [row.id],
        new Date(now.getTime() + backoffMs(row.attempts, deps.random)),
        found.error,
        now,
      );
  }
}

export async function reconcileUnknown(
  deps: DeliveryDeps,
  partnerships: () => Promise<Map<number, Partnership>>,
  report: DeliveryReport,
) {
  if (!senderOf(deps.senders, 'slack')?.reconcile) return;
  for (const row of await unknownToCheck(deps.db, 'slack', deps.clock())) {
    const p = (await partnerships()).get(row.partnershipId);
    if (p) await reconcileOne(deps, p, row, report);
  }
}
