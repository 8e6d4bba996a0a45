// The HTTP status a Bot Framework connector call failed with (botbuilder's RestError carries it as
// `statusCode`), looking through an error's cause; null when it did not answer.
export function connectorStatus(e: unknown): number | null {
  for (let at: unknown = e, depth = 0; at && depth < 3; at = (at as { cause?: unknown }).cause, depth++) {
    const status = (at as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number') return status;
  }
  return null;
}

/** 403 (the bot was removed) or 404 ("Conversation not found"): nothing more can be posted there. */
export const conversationGone = (status: number | null): boolean => status === 403 || status === 404;
