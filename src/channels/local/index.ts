// Wiring for local mode: the chat page, the people it can speak as, and the local connector the bot
// replies (and posts to the partnership channel) through. The page's activities go to the same
// /api/messages code as Teams'.
import type { Route } from '../../http/route.js';
import type { Db } from '../../store/open-database.js';
import { createLocalConnector } from './local-connector.js';
import { localPageRoutes } from './local-page.js';
import { localPeopleRoute, type PageToday } from './local-people.js';

export { openLocalChannels } from './local-channel.js';

export function localRoutes(db: Db, today: PageToday | null): Record<string, Route> {
  return {
    ...localPageRoutes(),
    'GET /local/people': localPeopleRoute(db, today),
    ...createLocalConnector().routes,
  };
}
