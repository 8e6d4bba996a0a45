// Slack's documented Block Kit limits, in one place so every renderer and test uses the same numbers.
export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  sectionField: 2000,
  sectionFields: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  imageUrl: 3000,
  altText: 2000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  placeholder: 150,
  plainTextInput: 3000,
  /** The top-level `text` of a message: Slack truncates long ones; notifications show far less. */
  fallbackText: 3000,
} as const;
