import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { countTokens } from '@lattice/openai-simulator';
import { createInternalClient, type InternalClient } from '@lattice/subgraph-kit';
import { estimateTokens } from '../src/service/tokens';
import {
  createTranscription,
  estimateTranscriptionTokens,
  TRANSCRIPTION_MAX_BYTES,
  type TranscriptionAnswer,
} from '../src/service/transcription';
import { type AiFixture, startAi } from './support/fixture';

/**
 * `POST /internal/transcriptions`: another service (invoicing) asks for the text of a recording
 * media stores (a voice note its user may read), counted against that user's AI tokens.
 */
const SECRET = 'the-secret-ai-and-invoicing-share-here';
const LIMIT = 50_000;
const TRANSCRIPTIONS = 'POST /v1/audio/transcriptions';
/** The simulator takes every recording for 16,000 bytes a second, whole seconds rounded up. */
const SIMULATED_BYTES_PER_SECOND = 16_000;

let ai: AiFixture;
let client: InternalClient;

beforeAll(async () => {
  ai = await startAi({
    SUBGRAPH_SECRET: SECRET,
    PLANS: JSON.stringify({ free: { limits: { aiTokens: LIMIT } } }),
    AI_MAX_RETRIES: '1',
  });
  client = createInternalClient({
    service: 'ai',
    baseUrl: new URL(ai.fixture.subgraph.url).origin,
    secret: SECRET,
    caller: 'invoicing',
    timeoutMs: 15_000,
  });
});
afterAll(() => ai?.stop());
beforeEach(() => ai.openai.reset());

/** Stores a recording of `bytes` bytes where media would (`media/<uuid>/voice.wav`): its description. */
async function storeVoiceNote(bytes = 20_000) {
  const storageKey = `media/${randomUUID()}/voice.wav`;
  const written = await ai.runtime.storage.write(
    storageKey,
    Readable.from([randomBytes(bytes)]),
    'audio/wav',
  );
  expect(written.size).toBe(bytes);
  return { storageKey, filename: 'voice.wav', contentType: 'audio/wav', size: bytes };
}

const request = (
  userId: string,
  note: { storageKey: string; filename: string; contentType: string; size: number },
  overrides: Record<string, unknown> = {},
) => ({ userId, purpose: 'invoice-voice-note', ...note, ...overrides });

const transcribe = (input: unknown) => client.call<TranscriptionAnswer>('/internal/transcriptions', input);

async function tokensUsed(userId: string) {
  const usage = await ai.runtime.meter.usage(ai.em(), userId);
  return usage.find((meter) => meter.meter === 'aiTokens')!.used;
}

test('answers the scripted transcript with the tokens the provider reports, counted against aiTokens', async () => {
  const userId = randomUUID();
  const note = await storeVoiceNote(20_000);
  const text = 'Bill Acme for two days of consulting at 800 euros a day.';
  ai.openai.transcript(text);

  const answer = await transcribe(request(userId, note, { language: 'en' }));

  // gpt-4o-mini-transcribe bills tokens: 10 audio tokens a second of audio, and the text's.
  const seconds = Math.ceil(note.size / SIMULATED_BYTES_PER_SECOND);
  expect(answer).toEqual({
    text,
    provider: 'openai',
    model: 'gpt-4o-mini-transcribe',
    simulated: true,
    tokens: seconds * 10 + countTokens(text),
    durationSeconds: null,
  });
  expect(await tokensUsed(userId)).toBe(answer.tokens);

  // One multipart request carrying the stored bytes under the caller's file name and type.
  const calls = ai.openai.requests().filter((call) => call.kind === TRANSCRIPTIONS);
  expect(calls).toHaveLength(1);
  expect(calls[0]!.model).toBe('gpt-4o-mini-transcribe');
  expect(calls[0]!.body).toMatchObject({
    model: 'gpt-4o-mini-transcribe',
    language: 'en',
    response_format: 'json',
    file: { filename: 'voice.wav', type: 'audio/wav', size: note.size },
  });
  expect(JSON.stringify(calls[0]!.body)).not.toContain(note.storageKey);
});

test('unscripted, the simulated transcript comes back; no language is sent unless given', async () => {
  const userId = randomUUID();
  const note = await storeVoiceNote(1_000);
  const answer = await transcribe(request(userId, note));
  expect(answer.text).toBe('Simulated transcription of a 1000-byte audio/wav recording.');
  expect(ai.openai.requests()[0]!.body).not.toHaveProperty('language');
  expect(await tokensUsed(userId)).toBe(answer.tokens);
});

test('with whisper (billed in seconds) the seconds are answered and counted as 10 tokens each plus the text', async () => {
  const userId = randomUUID();
  const note = await storeVoiceNote(40_000);
  ai.openai.transcript('Two hours of design work for Acme.');
  const runtime = {
    ...ai.runtime,
    settings: { ...ai.runtime.settings, AI_TRANSCRIPTION_MODEL: 'whisper-1' },
  };

  const answer = await createTranscription(ai.em(), runtime, request(userId, note));

  const seconds = Math.ceil(note.size / SIMULATED_BYTES_PER_SECOND);
  expect(answer).toMatchObject({ model: 'whisper-1', durationSeconds: seconds });
  expect(answer.tokens).toBe(seconds * 10 + estimateTokens('Two hours of design work for Acme.'));
  expect(await tokensUsed(userId)).toBe(answer.tokens);
  expect(ai.openai.requests()[0]!.body).toMatchObject({ model: 'whisper-1', file: { size: note.size } });
});

test('a user at the limit gets QUOTA_EXCEEDED with the estimate requested, and no provider call', async () => {
  const userId = randomUUID();
  const note = await storeVoiceNote();
  await ai
    .em()
    .transactional((tx) =>
      ai.runtime.meter.record(tx, { userId, meter: 'aiTokens', amount: LIMIT, key: `seed:${userId}` }),
    );

  await expect(transcribe(request(userId, note))).rejects.toMatchObject({
    extensions: {
      code: 'QUOTA_EXCEEDED',
      meter: 'aiTokens',
      limit: LIMIT,
      used: LIMIT,
      requested: estimateTranscriptionTokens(note.size),
    },
  });
  expect(ai.openai.requestCount()).toBe(0);
  expect(await tokensUsed(userId)).toBe(LIMIT);
});

test('refuses keys outside media/ and other bad input with BAD_USER_INPUT naming the field, before any provider call', async () => {
  const userId = randomUUID();
  const note = await storeVoiceNote();
  const bad: Array<[unknown, string]> = [
    ['not an object', 'userId'],
    [request('not-a-user', note), 'userId'],
    [request(userId, note, { purpose: 'Voice Note' }), 'purpose'],
    [request(userId, note, { storageKey: 'imports/ai/image.png' }), 'storageKey'],
    [request(userId, note, { storageKey: 'media' }), 'storageKey'],
    [request(userId, note, { storageKey: 'media/' }), 'storageKey'],
    [request(userId, note, { storageKey: '/media/a/voice.wav' }), 'storageKey'],
    [request(userId, note, { storageKey: 'media//voice.wav' }), 'storageKey'],
    [request(userId, note, { storageKey: 'media/../imports/ai/image.png' }), 'storageKey'],
    [request(userId, note, { storageKey: `media/a/../../${note.storageKey}` }), 'storageKey'],
    [request(userId, note, { storageKey: 'media/./voice.wav' }), 'storageKey'],
    [request(userId, note, { storageKey: 'media/a b/voice.wav' }), 'storageKey'],
    [request(userId, note, { storageKey: 'media\\a\\voice.wav' }), 'storageKey'],
    [request(userId, note, { storageKey: `media/${'x'.repeat(512)}` }), 'storageKey'],
    [request(userId, note, { storageKey: 42 }), 'storageKey'],
    [request(userId, note, { filename: '' }), 'filename'],
    [request(userId, note, { filename: '../voice.wav' }), 'filename'],
    [request(userId, note, { contentType: 'text/plain' }), 'contentType'],
    [request(userId, note, { size: 0 }), 'size'],
    [request(userId, note, { size: 1.5 }), 'size'],
    [request(userId, note, { size: '20000' }), 'size'],
    [request(userId, note, { language: 'english' }), 'language'],
    [request(userId, note, { language: 'EN' }), 'language'],
  ];
  for (const [input, field] of bad) {
    await expect(transcribe(input)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field },
    });
  }
  expect(ai.openai.requestCount()).toBe(0);
  expect(await tokensUsed(userId)).toBe(0);
});

test('a recording over 25 MiB is PAYLOAD_TOO_LARGE with the limit, before anything is read', async () => {
  const userId = randomUUID();
  const note = await storeVoiceNote();
  await expect(
    transcribe(request(userId, note, { size: TRANSCRIPTION_MAX_BYTES + 1 })),
  ).rejects.toMatchObject({
    extensions: { code: 'PAYLOAD_TOO_LARGE', field: 'size', limit: 25 * 1024 * 1024 },
  });
  expect(ai.openai.requestCount()).toBe(0);
});

test('a missing recording is NOT_FOUND (field storageKey, the key never quoted); a size that is not the stored one BAD_USER_INPUT size', async () => {
  const userId = randomUUID();
  const missing = `media/${randomUUID()}/voice.wav`;
  const note = await storeVoiceNote();

  const gone = transcribe(request(userId, { ...note, storageKey: missing }));
  await expect(gone).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'storageKey' } });
  await expect(gone).rejects.not.toMatchObject({ message: expect.stringContaining(missing) });

  await ai.runtime.storage.remove(note.storageKey);
  await expect(transcribe(request(userId, note))).rejects.toMatchObject({
    extensions: { code: 'NOT_FOUND', field: 'storageKey' },
  });

  const other = await storeVoiceNote(5_000);
  await expect(transcribe(request(userId, { ...other, size: 5_001 }))).rejects.toMatchObject({
    extensions: { code: 'BAD_USER_INPUT', field: 'size' },
  });
  expect(ai.openai.requestCount()).toBe(0);
  expect(await tokensUsed(userId)).toBe(0);
});

test('a provider failing past the retries is SERVICE_UNAVAILABLE (ai-provider), its 400 BAD_USER_INPUT storageKey; nothing is counted', async () => {
  const userId = randomUUID();
  const note = await storeVoiceNote();
  ai.openai.failNext({ status: 503, times: 2 });
  await expect(transcribe(request(userId, note))).rejects.toMatchObject({
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      service: 'ai-provider',
      provider: 'openai',
      failure: 'provider_error',
    },
  });
  // Tried once, retried once (AI_MAX_RETRIES), the same bytes each time.
  const tried = ai.openai.requests().filter((call) => call.kind === TRANSCRIPTIONS);
  expect(tried).toHaveLength(2);
  expect(tried.map((call) => (call.body as { file?: { size?: number } } | undefined)?.file?.size)).toEqual([
    note.size,
    note.size,
  ]);

  // The simulator refuses a file name without an audio extension, as OpenAI does.
  await expect(transcribe(request(userId, note, { filename: 'voice.txt' }))).rejects.toMatchObject({
    message: expect.stringMatching(/^The provider refused the recording: Invalid file format/),
    extensions: { code: 'BAD_USER_INPUT', field: 'storageKey' },
  });
  expect(ai.openai.requestCount(TRANSCRIPTIONS)).toBe(3);
  expect(await tokensUsed(userId)).toBe(0);
});

test('is refused without a signature, and to any other secret, before any provider call', async () => {
  const userId = randomUUID();
  const note = await storeVoiceNote();
  const unsigned = await fetch(new URL('/internal/transcriptions', ai.fixture.subgraph.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request(userId, note)),
  });
  expect(unsigned.status).toBe(401);
  expect(await unsigned.json()).toMatchObject({ error: { code: 'SERVICE_SIGNATURE_REFUSED' } });

  const forged = createInternalClient({
    service: 'ai',
    baseUrl: new URL(ai.fixture.subgraph.url).origin,
    secret: 'not-the-secret-though-just-as-long!!!',
  });
  await expect(forged.call('/internal/transcriptions', request(userId, note))).rejects.toMatchObject({
    extensions: { code: 'SERVICE_UNAVAILABLE', service: 'ai' },
  });
  expect(ai.openai.requestCount()).toBe(0);
  expect(await tokensUsed(userId)).toBe(0);
});
