import { UserError } from '@lattice/server-kit';
import { Message, type MessageRole, type MessageStatus } from '../src/entities';
import type { ChatModel } from '../src/providers/catalogue';
import { fitHistory } from '../src/service/history';

/**
 * fitHistory: the system prompt and the latest turns that fit the context window with room
 * for the reply. Estimates: ⌈characters / 4⌉ tokens + 4 a message.
 */
const model = (contextWindow: number) => ({ kind: 'chat', id: 'test-model', contextWindow }) as ChatModel;

let clock = Date.parse('2026-01-01T00:00:00Z');
function message(
  role: MessageRole,
  content: string,
  fields: { status?: MessageStatus; replacedAt?: Date } = {},
): Message {
  return Object.assign(new Message(), {
    conversationId: 'c',
    ownerId: 'u',
    role,
    content,
    createdAt: new Date((clock += 1000)),
    ...fields,
  });
}
/** A text of `tokens` − 4 estimated tokens, so that as a message it costs `tokens`. */
const costing = (tokens: number, char = 'x') => char.repeat((tokens - 4) * 4);

describe('fitHistory', () => {
  it('sends everything when it fits, oldest first, with its estimate', () => {
    const messages = [
      message('USER', 'Hello'),
      message('ASSISTANT', 'Hi! How can I help?'),
      message('USER', 'Plan a trip'),
    ];
    const { prompt, estimatedTokens } = fitHistory(model(1000), 'Be brief.', messages, 100);
    expect(prompt).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi! How can I help?' },
      { role: 'user', content: 'Plan a trip' },
    ]);
    // 3+4, 2+4, 5+4, 3+4
    expect(estimatedTokens).toBe(29);
  });

  it('drops the oldest turns first to fit contextWindow − reply tokens, keeping the system prompt', () => {
    const messages = [
      message('USER', costing(20, 'a')),
      message('ASSISTANT', costing(20, 'b')),
      message('USER', costing(20, 'c')),
      message('ASSISTANT', costing(20, 'd')),
      message('USER', costing(20, 'e')),
    ];
    const system = costing(10, 's');
    // 100 − 30 = 70 for the prompt: the system prompt (10) and three turns (60).
    const { prompt, estimatedTokens } = fitHistory(model(100), system, messages, 30);
    expect(prompt.map((turn) => turn.content[0])).toEqual(['s', 'c', 'd', 'e']);
    expect(prompt[0]).toEqual({ role: 'system', content: system });
    expect(estimatedTokens).toBe(70);
    // One token less and the oldest of those goes too.
    expect(fitHistory(model(99), system, messages, 30).prompt.map((turn) => turn.content[0])).toEqual([
      's',
      'd',
      'e',
    ]);
    // Without a system prompt, its 10 tokens and 10 more make room for one more turn.
    expect(fitHistory(model(110), null, messages, 30).prompt.map((turn) => turn.content[0])).toEqual([
      'b',
      'c',
      'd',
      'e',
    ]);
  });

  it('stops at the first turn that does not fit: no older turn skips the line', () => {
    const messages = [
      message('USER', costing(5, 'a')),
      message('ASSISTANT', costing(50, 'b')),
      message('USER', costing(20, 'c')),
    ];
    const { prompt } = fitHistory(model(60), null, messages, 10);
    expect(prompt.map((turn) => turn.content[0])).toEqual(['c']);
  });

  it('always keeps the newest message, even alone with the system prompt', () => {
    const messages = [message('USER', costing(30, 'a')), message('USER', costing(40, 'b'))];
    const { prompt, estimatedTokens } = fitHistory(model(70), costing(10, 's'), messages, 20);
    expect(prompt.map((turn) => turn.content[0])).toEqual(['s', 'b']);
    expect(estimatedTokens).toBe(50);
  });

  it('leaves out failed, streaming, replaced and empty replies', () => {
    const messages = [
      message('USER', 'First question'),
      message('ASSISTANT', 'A failed partial', { status: 'FAILED' }),
      message('ASSISTANT', 'A replaced answer', { replacedAt: new Date() }),
      message('ASSISTANT', 'The kept answer'),
      message('USER', 'Second question'),
      message('ASSISTANT', '', { status: 'CANCELLED' }),
      message('ASSISTANT', 'Partial but cancelled', { status: 'CANCELLED' }),
      message('USER', 'Third question'),
      message('ASSISTANT', 'Still streaming', { status: 'STREAMING' }),
    ];
    expect(fitHistory(model(1000), null, messages, 100).prompt).toEqual([
      { role: 'user', content: 'First question' },
      { role: 'assistant', content: 'The kept answer' },
      { role: 'user', content: 'Second question' },
      { role: 'assistant', content: 'Partial but cancelled' },
      { role: 'user', content: 'Third question' },
    ]);
  });

  it('does not count what it leaves out against the window', () => {
    const messages = [
      message('USER', costing(20, 'a')),
      message('ASSISTANT', costing(200, 'f'), { status: 'FAILED' }),
      message('USER', costing(20, 'b')),
    ];
    const { prompt, estimatedTokens } = fitHistory(model(50), null, messages, 10);
    expect(prompt.map((turn) => turn.content[0])).toEqual(['a', 'b']);
    expect(estimatedTokens).toBe(40);
  });

  it('refuses with BAD_USER_INPUT (field content) when the newest message alone does not fit', () => {
    const messages = [message('USER', 'Hi'), message('USER', costing(61))];
    const refuse = () => fitHistory(model(100), null, messages, 40);
    expect(refuse).toThrow(UserError);
    expect(refuse).toThrow(/too long for test-model's context window/);
    try {
      refuse();
    } catch (error) {
      expect((error as UserError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content' });
    }
    // Exactly at the limit it goes.
    expect(fitHistory(model(100), null, [message('USER', costing(60))], 40).estimatedTokens).toBe(60);
  });

  it('refuses when the system prompt leaves no room for the newest message', () => {
    const messages = [message('USER', costing(20))];
    expect(() => fitHistory(model(100), costing(70), messages, 20)).toThrow(UserError);
    expect(fitHistory(model(100), costing(60), messages, 20).prompt).toHaveLength(2);
  });
});
