// Someone the plan does not know: a polite refusal that reveals nothing of any partnership.
export const SLACK_STRANGER_TEXT =
  "Sorry, I can only help the people named in a partnership's performance plan, and I don't recognise " +
  "your Slack account. If you report on a measure, ask your partnership's coordinator to add your Slack " +
  'member id (or email address) to the plan.';
