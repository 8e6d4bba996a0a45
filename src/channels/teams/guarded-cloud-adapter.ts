// botbuilder's CloudAdapter.process answers a failed turn with the error's own message (a 500 reading
// "connect ECONNREFUSED 127.0.0.1:80") and prints the whole error with console.error, past our logger's
// scrubber. This adapter catches the failure one step earlier, in processActivity: it logs it through our
// logger and gives process() a plain answer instead, so process() neither prints nor leaks anything.
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Logger } from '../../log.js';

// botbuilder does not re-export these two types of botframework-connector's.
type Authentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
/** The bearer header, or a request already authenticated. */
type Authorization = Parameters<CloudAdapter['processActivityDirect']>[0];

const TURN_FAILED_TEXT = 'Something went wrong on our side; it has been logged.\n';

/**
 * botbuilder's AuthenticationError (a bad or missing bearer token) carries a status code; it is not
 * exported, and the connector's own failures (RestError) may carry one too.
 */
function isAuthenticationFailure(err: unknown): boolean {
  return (
    err instanceof Error &&
    err.name !== 'RestError' &&
    typeof (err as { statusCode?: unknown }).statusCode === 'number'
  );
}

export class GuardedCloudAdapter extends CloudAdapter {
  constructor(
    auth: Authentication,
    private readonly log: Logger,
  ) {
    super(auth);
  }

  protected override async processActivity(
    auth: Authorization,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    try {
      return await (typeof auth === 'string'
        ? super.processActivity(auth, activity, logic)
        : super.processActivity(auth, activity, logic));
    } catch (err) {
      if (isAuthenticationFailure(err)) {
        this.log.warn({ err }, 'activity refused: not authenticated');
        return { status: 401, body: 'Unauthorized\n' };
      }
      this.log.error({ err, activityType: activity.type }, 'activity failed');
      return { status: 500, body: TURN_FAILED_TEXT };
    }
  }
}
