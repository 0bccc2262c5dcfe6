import { badUserInput, conflict, ErrorCode, UserError, validateInput } from '@lattice/server-kit';
import { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Invoice } from '../entities';
import type { InvoicingRuntime } from '../runtime';
import { computeDraft, type ComputedDraft, DraftProblem } from './draft-content';
import { DRAFT_SCHEMA, draftInstructions } from './draft-schema';
import type { StructuredAnswer } from './draft-model';
import { today } from './dates';
import { assertNotErased } from './erasure';
import { findOwnInvoice } from './invoices';
import { newDraftInput, transcriptInput } from './validation';

const invalidAnswer = (field: string, problem: string) =>
  new UserError(
    ErrorCode.InvalidModelOutput,
    `The model's draft cannot be used (${field}: ${problem}); nothing was stored. Try again, or reword what you said.`,
    { field },
  );

/**
 * The model's answer as a checked draft: its JSON, its shape (the rules of a typed draft) and
 * its arithmetic, else INVALID_MODEL_OUTPUT naming the field.
 */
export function readModelDraft(
  answer: StructuredAnswer,
  defaultCurrency: string,
  day: string,
): ComputedDraft {
  if (answer.content === null)
    throw invalidAnswer('content', `the model declined: ${answer.refusal ?? 'no reason given'}`);
  if (answer.finishReason === 'length') throw invalidAnswer('content', 'the answer was cut off');
  let json: unknown;
  try {
    json = JSON.parse(answer.content);
  } catch {
    throw invalidAnswer('content', 'not JSON');
  }
  const parsed = newDraftInput.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidAnswer(issue.path.map(String).join('.') || 'content', issue.message);
  }
  try {
    return computeDraft({ ...parsed.data, currency: parsed.data.currency || defaultCurrency }, day);
  } catch (error) {
    if (error instanceof DraftProblem) throw invalidAnswer(error.field, error.message);
    throw error;
  }
}

/**
 * A draft from what the user said: their business context from accounts, the model's answer
 * through ai (which counts its tokens against the user's AI limit), checked, then stored.
 * Nothing is stored when any step refuses.
 */
export function draftFromTranscript(
  em: EntityManager,
  runtime: InvoicingRuntime,
  ownerId: string,
  rawTranscript: unknown,
): Promise<Invoice> {
  return draft(em, runtime, ownerId, validateInput(transcriptInput, rawTranscript, 'transcript'), null);
}

const voiceNoteInput = z.object({
  mediaId: z.string().max(64).pipe(z.uuid('must be the id of one of your media')),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code of two lower-case letters, e.g. de')
    .nullish(),
});

/**
 * A draft from the user's voice note: transcribed by the AI provider (media says whether the
 * user may read it and where its bytes are; ai transcribes and counts the tokens), then drafted
 * as a transcript is.
 */
export async function draftFromVoiceNote(
  em: EntityManager,
  runtime: InvoicingRuntime,
  ownerId: string,
  args: unknown,
): Promise<Invoice> {
  const { mediaId, language } = validateInput(voiceNoteInput, args, '');
  const heard = await runtime.voiceNotes.transcribe(ownerId, mediaId, language ?? null);
  const transcript = transcriptInput.safeParse(heard.text);
  if (!transcript.success)
    throw badUserInput(
      `The voice note's transcript cannot be drafted from (${transcript.error.issues[0]!.message}): record a shorter or clearer one`,
      'mediaId',
    );
  return draft(em, runtime, ownerId, transcript.data, mediaId);
}

async function draft(
  em: EntityManager,
  runtime: InvoicingRuntime,
  ownerId: string,
  transcript: string,
  voiceNoteMediaId: string | null,
): Promise<Invoice> {
  const context = await runtime.businessContext.of(ownerId);
  const day = today(runtime.now());
  const answer = await runtime.model.answer({
    userId: ownerId,
    instructions: draftInstructions(context, day),
    input: transcript,
    schema: DRAFT_SCHEMA,
  });
  const content = readModelDraft(answer, context.defaultCurrency ?? 'USD', day);
  const invoice = await em.transactional(async (tx) => {
    await assertNotErased(tx, ownerId);
    return tx.create(Invoice, {
      ownerId,
      ...content,
      transcript,
      voiceNoteMediaId,
      draftedBy: {
        provider: answer.provider,
        model: answer.model,
        simulated: answer.simulated,
        promptTokens: answer.promptTokens,
        completionTokens: answer.completionTokens,
      },
    });
  });
  runtime.log.info(
    {
      invoiceId: invoice.id,
      ownerId,
      model: answer.model,
      lines: content.lines.length,
      voiceNote: !!voiceNoteMediaId,
    },
    'an invoice was drafted',
  );
  return invoice;
}

/** A new draft from the transcript of the owner's invoice `id` (which stays as it is). */
export async function regenerateFromInvoice(
  em: EntityManager,
  runtime: InvoicingRuntime,
  ownerId: string,
  id: unknown,
): Promise<Invoice> {
  const source = await findOwnInvoice(em, ownerId, id);
  if (source.transcript === null)
    throw conflict('This invoice was typed by hand: there is no transcript to draft from');
  return draft(em, runtime, ownerId, source.transcript, source.voiceNoteMediaId);
}
