/* global AdaptiveCards, document, window, location, crypto, CSS, fetch, localStorage, EventSource, HTMLElement */
// The local chat page: speaks the Bot Framework activity protocol to /api/messages (the same code that
// serves Teams) and draws the bot's Adaptive Cards with Microsoft's renderer. Replies arrive from the
// local connector as server-sent events; an Action.Execute's answer replaces its card in place. Beside
// the chat, the partnership channel's feed (the weekly summary...), as a Teams channel would show it.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const messages = $('messages');
  const select = $('person');
  const input = $('input');
  const serviceUrl = `${location.origin}/local/connector`;
  const bot = { id: 'perfbot', name: 'perfbot', role: 'bot' };
  const CARD = 'application/vnd.microsoft.card.adaptive';
  const feed = $('channel-feed');
  const state = { people: [], person: null, conversationId: '', source: null, channel: null };

  const newId = () =>
    window.crypto && crypto.randomUUID
      ? crypto.randomUUID()
      : `${Date.now()}-${Math.random().toString(16).slice(2)}`;

  const hostConfig = new AdaptiveCards.HostConfig({
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 12 },
    actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'left' },
    containerStyles: {
      default: {
        backgroundColor: '#FFFFFF',
        foregroundColors: {
          default: { default: '#1F2937', subtle: '#6B7280' },
          accent: { default: '#4F46E5', subtle: '#6366F1' },
          good: { default: '#15803D', subtle: '#16A34A' },
          warning: { default: '#B45309', subtle: '#D97706' },
          attention: { default: '#B91C1C', subtle: '#DC2626' },
        },
      },
      emphasis: { backgroundColor: '#F3F4F6' },
      good: { backgroundColor: '#DCFCE7' },
      warning: { backgroundColor: '#FEF3C7' },
      attention: { backgroundColor: '#FEE2E2' },
      accent: { backgroundColor: '#E0E7FF' },
    },
  });

  // Cards use a little Markdown: **bold**, _italic_, line breaks. Everything else is shown as text.
  // A backslash before punctuation shows the punctuation and never formats, as in CommonMark and Teams:
  // the bot escapes typed text that way, so "\*\*x\*\*" reads **x**.
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const escaped = text.replace(/\\([!-/:-@[-`{-~])|[&<>"']/g, (c, punctuation) => {
      return `&#${(punctuation ?? c).charCodeAt(0)};`;
    });
    result.outputHtml = escaped
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|\s)_([^_]+)_(?=\s|$|[.,;:])/g, '$1<em>$2</em>')
      .replace(/\n/g, '<br>');
    result.didProcess = true;
  };

  function add(className, text) {
    const div = document.createElement('div');
    div.className = `msg ${className}`;
    if (text !== undefined) div.textContent = text;
    messages.append(div);
    messages.scrollTop = messages.scrollHeight;
    return div;
  }

  function renderCard(content, holder) {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = (action) => void onCardAction(action, holder).catch((e) => add('note', e.message));
    card.parse(content);
    holder.replaceChildren(card.render());
    messages.scrollTop = messages.scrollHeight;
  }

  function showActivity(activity) {
    if (activity.type !== 'message') return;
    if (activity.text) add('bot', activity.text);
    for (const attachment of activity.attachments || []) {
      if (attachment.contentType !== CARD) continue;
      const holder = add('card');
      holder.dataset.activityId = activity.id;
      renderCard(attachment.content, holder);
    }
  }

  // The channel's cards: a button that says something ("Status") answers in your own chat, as it
  // would privately in Teams; nothing in the channel changes.
  function renderPost(content, holder) {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = (action) => {
      const say = action.data && action.data.say;
      if (typeof say === 'string') void sendText(say);
      else if (action instanceof AdaptiveCards.OpenUrlAction) window.open(action.url, '_blank', 'noopener');
    };
    card.parse(content);
    holder.replaceChildren(card.render());
  }

  function showPost(activity) {
    if (activity.type !== 'message') return;
    const post = document.createElement('article');
    post.className = 'post';
    const head = document.createElement('div');
    head.className = 'post-head';
    const when = activity.timestamp
      ? ` · ${new Date(activity.timestamp).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`
      : '';
    head.textContent = `perfbot${when}`;
    post.append(head);
    if (activity.text && !(activity.attachments || []).length) {
      const text = document.createElement('div');
      text.textContent = activity.text;
      post.append(text);
    }
    for (const attachment of activity.attachments || []) {
      if (attachment.contentType !== CARD) continue;
      const holder = document.createElement('div');
      holder.className = 'post-card';
      post.append(holder);
      renderPost(attachment.content, holder);
    }
    feed.querySelector('.empty')?.remove();
    feed.prepend(post);
    feed.scrollTop = 0;
  }

  // The channel feed, newest first; joining it is what installing the app in a team does in Teams.
  function openChannel(channel) {
    state.channel = channel;
    $('channel-name').textContent = channel.name;
    feed.replaceChildren();
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = 'Nothing posted yet: the weekly summary appears here on its day.';
    feed.append(empty);
    const source = new EventSource(`/local/conversations/${encodeURIComponent(channel.id)}/events`);
    source.addEventListener('activity', (e) => showPost(JSON.parse(e.data)));
    const joined = {
      ...activity({ type: 'conversationUpdate', membersAdded: [{ id: bot.id, name: bot.name }] }),
      conversation: { id: channel.id, conversationType: 'channel', isGroup: true },
      channelData: { channel: { id: channel.id } },
    };
    void post(joined).catch((e) => add('note', e.message));
  }

  function updateActivity(activity) {
    const holder = messages.querySelector(`[data-activity-id="${CSS.escape(activity.id)}"]`);
    const attachment = (activity.attachments || []).find((a) => a.contentType === CARD);
    if (holder && attachment) renderCard(attachment.content, holder);
  }

  function activity(fields) {
    const p = state.person;
    return {
      id: newId(),
      channelId: 'local',
      serviceUrl,
      timestamp: new Date().toISOString(),
      locale: 'en-GB',
      from: { id: `local:${p.key}`, name: p.name, role: 'user' },
      recipient: bot,
      conversation: { id: state.conversationId, conversationType: 'personal' },
      ...fields,
    };
  }

  async function post(body) {
    const res = await fetch('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`The bot answered ${res.status}: ${text || res.statusText}`);
    return text ? JSON.parse(text) : null;
  }

  async function withTyping(work) {
    const typing = add('typing', 'perfbot is typing…');
    try {
      return await work();
    } catch (e) {
      add('note', e.message);
      return null;
    } finally {
      typing.remove();
    }
  }

  async function sendText(text) {
    if (!text.trim() || !state.person) return;
    add('user', text);
    await withTyping(() => post(activity({ type: 'message', text })));
  }

  async function onCardAction(action, holder) {
    if (action instanceof AdaptiveCards.ExecuteAction) {
      const value = {
        action: { type: 'Action.Execute', verb: action.verb, data: action.data || {} },
        trigger: 'manual',
      };
      const invoke = activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value,
        replyToId: holder.dataset.activityId,
      });
      const answer = await withTyping(() => post(invoke));
      if (!answer) return;
      if (answer.type === CARD) renderCard(answer.value, holder);
      else if (typeof answer.value === 'string') add('note', answer.value);
      else if (answer.value && answer.value.message) add('note', answer.value.message);
    } else if (action instanceof AdaptiveCards.SubmitAction) {
      await withTyping(() => post(activity({ type: 'message', value: action.data || {} })));
    } else if (action instanceof AdaptiveCards.OpenUrlAction) {
      window.open(action.url, '_blank', 'noopener');
    }
  }

  function choose(key) {
    const person = state.people.find((p) => p.key === key) || state.people[0];
    if (!person) return;
    state.person = person;
    select.value = person.key;
    localStorage.setItem('perfbot.person', person.key);
    state.conversationId = `local-${person.key}-${newId().slice(0, 8)}`;
    messages.replaceChildren();
    const owns = person.measures.length ? ` You own ${person.measures.join(', ')}.` : '';
    add(
      'note',
      `You are ${person.name} (${person.role}).${owns} Ask about a measure, or try a suggestion below.`,
    );
    if (state.source) state.source.close();
    state.source = new EventSource(`/local/conversations/${encodeURIComponent(state.conversationId)}/events`);
    state.source.addEventListener('activity', (e) => showActivity(JSON.parse(e.data)));
    state.source.addEventListener('update', (e) => updateActivity(JSON.parse(e.data)));
    // Joining the conversation, as Teams does when the app is installed: the bot stores where to reach
    // this person, so reminders arrive here before they have typed anything.
    const joined = {
      type: 'conversationUpdate',
      membersAdded: [{ id: `local:${person.key}`, name: person.name }],
    };
    void post(activity(joined)).catch((e) => add('note', e.message));
    input.focus();
  }

  async function start() {
    const res = await fetch('/local/people');
    if (!res.ok)
      return void add('note', `No plan is loaded (${res.status}): start the bot with a PLAN_FILE.`);
    const data = await res.json();
    $('partnership').textContent = data.partnership.name;
    document.title = `${data.partnership.name} — perfbot`;
    if (data.today) {
      $('today').textContent =
        `The bot behaves as on ${data.today.words}${data.today.demo ? ' (the example plan’s demonstration date)' : ''}.`;
      $('today').hidden = false;
    }
    state.people = data.people;
    for (const p of data.people) {
      const option = document.createElement('option');
      option.value = p.key;
      option.textContent = `${p.name} — ${p.role}${p.measures.length ? ` (${p.measures.join(', ')})` : ''}`;
      select.append(option);
    }
    select.addEventListener('change', () => choose(select.value));
    choose(localStorage.getItem('perfbot.person') || '');
    if (data.channel) openChannel(data.channel);
  }

  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value;
    input.value = '';
    void sendText(text);
  });
  $('chips').addEventListener('click', (e) => {
    const say = e.target instanceof HTMLElement ? e.target.dataset.say : undefined;
    if (say) void sendText(say);
  });
  void start().catch((e) => add('note', e.message));
})();
