import { conflict, ErrorCode, UserError, validateInput } from '@lattice/server-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Invoice } from '../entities';
import type { InvoicingRuntime } from '../runtime';
import { computeDraft, type ComputedDraft, DraftProblem } from './draft-content';
import { DRAFT_SCHEMA, draftInstructions } from './draft-schema';
import type { StructuredAnswer } from './draft-model';
import { today } from './dates';
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
export async function draftFromTranscript(
  em: EntityManager,
  runtime: InvoicingRuntime,
  ownerId: string,
  rawTranscript: unknown,
): Promise<Invoice> {
  const transcript = validateInput(transcriptInput, rawTranscript, 'transcript');
  const context = await runtime.businessContext.of(ownerId);
  const day = today(runtime.now());
  const answer = await runtime.model.answer({
    userId: ownerId,
    instructions: draftInstructions(context, day),
    input: transcript,
    schema: DRAFT_SCHEMA,
  });
  const draft = readModelDraft(answer, context.defaultCurrency ?? 'USD', day);
  const invoice = em.create(Invoice, {
    ownerId,
    ...draft,
    transcript,
    draftedBy: {
      provider: answer.provider,
      model: answer.model,
      simulated: answer.simulated,
      promptTokens: answer.promptTokens,
      completionTokens: answer.completionTokens,
    },
  });
  await em.flush();
  runtime.log.info(
    { invoiceId: invoice.id, ownerId, model: answer.model, lines: draft.lines.length },
    'an invoice was drafted from a transcript',
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
  return draftFromTranscript(em, runtime, ownerId, source.transcript);
}
