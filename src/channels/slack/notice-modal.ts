// A modal that only says something (a refusal, an out-of-date form): what a view submission is
// answered with when there is no form to show.
import type { ModalView } from '@slack/types';
import { renderMessages } from '../../render/block-kit/index.js';

export function noticeModal(text: string): ModalView {
  const [message] = renderMessages({ kind: 'text', text });
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Performance returns' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: message?.blocks ?? [],
  };
}
