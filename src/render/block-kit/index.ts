// Slack's Block Kit renderings of the conversation's replies.
export { escapeMrkdwn } from './escape-mrkdwn.js';
export { FORM_BLOCK_IDS, INPUT_ACTION_ID } from './form-block-ids.js';
export { LINK_ACTION } from './link-button.js';
export { modalErrors } from './modal-errors.js';
export { renderMessages, type SlackMessage } from './render-messages.js';
export { RETURN_SUBMIT_CALLBACK, returnFormModal } from './return-form-modal.js';
export { OPEN_RETURN, isSubmitSay } from './say-button.js';
export { SEND_BACK_CALLBACK, asksForComment, sendBackModal } from './send-back-modal.js';
export { SLACK_LIMITS } from './slack-limits.js';
