import OpenAI, { toFile } from 'openai';
import { countTokens } from '../src';
import { rejection, startHarness, type Harness } from './support';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.simulator.close());

const recording = (bytes = 40_000, name = 'memo.mp3', type?: string) =>
  toFile(Buffer.alloc(bytes, 7), name, type === undefined ? undefined : { type });

describe('audio transcriptions', () => {
  it('describes the recording when nothing is scripted, with whisper-1 duration usage, and logs the request', async () => {
    const { data: transcription, response } = await harness
      .client()
      .audio.transcriptions.create({
        file: await recording(40_000, 'memo.mp3', 'audio/mpeg'),
        model: 'whisper-1',
      })
      .withResponse();
    expect(response.headers.get('x-lattice-simulator')).toBe('openai');
    expect(transcription).toEqual({
      text: 'Simulated transcription of a 40000-byte audio/mpeg recording.',
      usage: { type: 'duration', seconds: 3 },
    });
    expect(harness.simulator.requests()).toMatchObject([
      {
        method: 'POST',
        kind: 'POST /v1/audio/transcriptions',
        model: 'whisper-1',
        status: 200,
        body: { model: 'whisper-1', file: { filename: 'memo.mp3', type: 'audio/mpeg', size: 40_000 } },
      },
    ]);
    expect(harness.simulator.requestCount('POST /v1/audio/transcriptions')).toBe(1);
  });

  it('names the extension when the upload has no content type', async () => {
    const transcription = await harness
      .client()
      .audio.transcriptions.create({ file: await recording(1234, 'call.webm'), model: 'whisper-1' });
    expect(transcription.text).toBe('Simulated transcription of a 1234-byte webm recording.');
  });

  it('answers the scripted transcripts first, in order, apart from chat replies', async () => {
    const openai = harness.client();
    harness.simulator.transcript('Hello from the first memo.');
    harness.simulator.transcripts(['Second.', 'Third.']);
    harness.simulator.reply('A chat reply.');
    const texts: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const transcription = await openai.audio.transcriptions.create({
        file: await recording(),
        model: 'gpt-4o-mini-transcribe',
      });
      texts.push(transcription.text);
    }
    expect(texts).toEqual([
      'Hello from the first memo.',
      'Second.',
      'Third.',
      'Simulated transcription of a 40000-byte mp3 recording.',
    ]);
    const chat = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(chat.choices[0]!.message.content).toBe('A chat reply.');
  });

  it('counts tokens for gpt-4o-mini-transcribe: the prompt, 10 audio tokens a second, the text', async () => {
    harness.simulator.transcript('Two words.');
    const transcription = await harness.client().audio.transcriptions.create({
      file: await recording(40_000),
      model: 'gpt-4o-mini-transcribe',
      prompt: 'Names: Ada, Grace.',
      language: 'en',
    });
    const text = countTokens('Names: Ada, Grace.');
    expect(transcription.usage).toEqual({
      type: 'tokens',
      input_tokens: text + 30,
      input_token_details: { text_tokens: text, audio_tokens: 30 },
      output_tokens: countTokens('Two words.'),
      total_tokens: text + 30 + countTokens('Two words.'),
    });
    expect(harness.simulator.requests()[0]!.body).toMatchObject({
      prompt: 'Names: Ada, Grace.',
      language: 'en',
    });
  });

  it("answers response_format 'text' as plain text and 'verbose_json' with a segment (whisper only)", async () => {
    const openai = harness.client();
    harness.simulator.transcripts(['Plain.', 'Verbose.']);
    const text = await openai.audio.transcriptions.create({
      file: await recording(),
      model: 'whisper-1',
      response_format: 'text',
    });
    expect(text).toBe('Plain.\n');
    const verbose = await openai.audio.transcriptions.create({
      file: await recording(),
      model: 'whisper-1',
      response_format: 'verbose_json',
      language: 'fr',
    });
    expect(verbose).toMatchObject({
      task: 'transcribe',
      language: 'fr',
      duration: 3,
      text: 'Verbose.',
      segments: [{ id: 0, start: 0, end: 3, text: 'Verbose.' }],
    });
    const refused = await rejection(
      openai.audio.transcriptions.create({
        file: await recording(),
        model: 'gpt-4o-mini-transcribe',
        response_format: 'verbose_json',
      }),
    );
    expect(refused).toMatchObject({ status: 400, param: 'response_format', code: 'unsupported_value' });
  });

  it('refuses an empty file, a missing file or model, a bad format or a chat model, in OpenAI error shape', async () => {
    const openai = harness.client();
    const empty = await rejection(
      openai.audio.transcriptions.create({ file: await recording(0), model: 'whisper-1' }),
    );
    expect(empty).toBeInstanceOf(OpenAI.BadRequestError);
    expect(empty).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      param: 'file',
      code: 'audio_too_short',
    });
    const noFile = await rejection(
      openai.audio.transcriptions.create({
        model: 'whisper-1',
      } as OpenAI.Audio.TranscriptionCreateParamsNonStreaming),
    );
    expect(noFile).toBeInstanceOf(OpenAI.BadRequestError);
    expect(noFile).toMatchObject({ param: 'file', code: 'missing_required_parameter' });
    const noModel = await rejection(
      openai.audio.transcriptions.create({
        file: await recording(),
      } as OpenAI.Audio.TranscriptionCreateParamsNonStreaming),
    );
    expect(noModel).toBeInstanceOf(OpenAI.BadRequestError);
    expect(noModel.error).toMatchObject({
      type: 'invalid_request_error',
      message: 'you must provide a model parameter',
    });
    const text = await rejection(
      openai.audio.transcriptions.create({ file: await recording(100, 'notes.txt'), model: 'whisper-1' }),
    );
    expect(text).toMatchObject({ status: 400, type: 'invalid_request_error' });
    expect(text.error.message).toContain('Invalid file format.');
    const chat = await rejection(
      openai.audio.transcriptions.create({ file: await recording(), model: 'gpt-4o' }),
    );
    expect(chat).toMatchObject({ status: 400, param: 'model', code: 'invalid_value' });
    const unknown = await rejection(
      openai.audio.transcriptions.create({ file: await recording(), model: 'whisper-9' }),
    );
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect(harness.simulator.requests().map((entry) => entry.status)).toEqual([400, 400, 400, 400, 400, 404]);
  });

  it('refuses a request over 25 MiB with 413 as OpenAI words it, and records it', async () => {
    const refused = await rejection(
      harness.client().audio.transcriptions.create({ file: await recording(25 << 20), model: 'whisper-1' }),
    );
    expect(refused).toBeInstanceOf(OpenAI.APIError);
    expect(refused.status).toBe(413);
    expect(refused.error).toMatchObject({ type: 'server_error', param: null, code: null });
    expect(refused.error.message).toMatch(
      /^Maximum content size limit \(26214400\) exceeded \(\d+ bytes read\)$/,
    );
    expect(harness.simulator.requests()).toMatchObject([
      { kind: 'POST /v1/audio/transcriptions', status: 413, body: undefined },
    ]);
    // Just under the limit, the whole request included, is accepted.
    const fits = await harness
      .client()
      .audio.transcriptions.create({ file: await recording((25 << 20) - 1024), model: 'whisper-1' });
    expect(fits.text).toBe(`Simulated transcription of a ${(25 << 20) - 1024}-byte mp3 recording.`);
  });

  it('takes injected failures, hangs and delays like the other endpoints; the SDK retries the upload', async () => {
    const { simulator } = harness;
    simulator.failNext({ status: 429, retryAfterSeconds: 0.05 });
    simulator.transcript('After the retry.');
    const retried = await harness
      .client({ maxRetries: 1 })
      .audio.transcriptions.create({ file: await recording(), model: 'whisper-1' });
    expect(retried.text).toBe('After the retry.');
    expect(simulator.requests().map((entry) => [entry.status, entry.body])).toEqual([
      [429, expect.objectContaining({ file: expect.objectContaining({ size: 40_000 }) })],
      [200, expect.objectContaining({ file: expect.objectContaining({ size: 40_000 }) })],
    ]);

    simulator.failNext({ status: 500 });
    const failed = await rejection(
      harness.client().audio.transcriptions.create({ file: await recording(), model: 'whisper-1' }),
    );
    expect(failed).toBeInstanceOf(OpenAI.InternalServerError);

    simulator.hangNext();
    const hung = await rejection(
      harness
        .client({ timeout: 200 })
        .audio.transcriptions.create({ file: await recording(), model: 'whisper-1' }),
    );
    expect(hung).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);

    simulator.delay({ firstTokenMs: 150 });
    const started = Date.now();
    await harness.client().audio.transcriptions.create({ file: await recording(), model: 'whisper-1' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('serves Azure deployments of the transcription models', async () => {
    harness.simulator.transcript('Azure memo.');
    const transcription = await harness
      .azure()
      .audio.transcriptions.create({ file: await recording(), model: 'whisper-1' });
    expect(transcription.text).toBe('Azure memo.');
    expect(harness.simulator.requests()).toMatchObject([
      {
        kind: 'POST /openai/deployments/:deployment/audio/transcriptions',
        deployment: 'whisper-1',
        model: 'whisper-1',
        apiVersion: '2024-10-21',
        status: 200,
      },
    ]);
  });

  it('takes scripted transcripts over HTTP and clears them on reset', async () => {
    const control = (path: string, body: unknown) =>
      fetch(`${harness.simulator.url}/_simulator/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await control('transcripts', { transcripts: ['One.', 'Two.'] })).status).toBe(200);
    expect((await control('transcript', { text: 'Three.' })).status).toBe(200);
    expect((await control('transcripts', { transcripts: [1] })).status).toBe(400);
    const openai = harness.client();
    const first = await openai.audio.transcriptions.create({ file: await recording(), model: 'whisper-1' });
    expect(first.text).toBe('One.');
    harness.simulator.reset();
    const after = await openai.audio.transcriptions.create({ file: await recording(), model: 'whisper-1' });
    expect(after.text).toBe('Simulated transcription of a 40000-byte mp3 recording.');
    expect(() => harness.simulator.transcripts([42 as unknown as string])).toThrow(
      'transcripts must be strings',
    );
  });
});
