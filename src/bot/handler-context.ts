// What every handler is given: the bot's dependencies and the turn it is answering (who, which
// partnership, when, on which channel).
import type { BotDeps, Turn } from './conversation.js';

export interface Ctx {
  deps: BotDeps;
  turn: Turn;
}
