// The modal's input block_ids are the names the card path uses for its inputs (a field's key, such as
// `figure.value`, then `narrative`...), so a view submission reads into the same typed map as a card.
export const FORM_BLOCK_IDS = {
  narrative: 'narrative',
  notAvailable: 'notAvailable',
  notAvailableReason: 'notAvailableReason',
  expected: 'expected',
  correctiveAction: 'correctiveAction',
  /** The send-back modal's comment: the name the review card's comment box has. */
  comment: 'comment',
} as const;

/** Every input's element has this action_id; the block_id says which input it is. */
export const INPUT_ACTION_ID = 'value';
