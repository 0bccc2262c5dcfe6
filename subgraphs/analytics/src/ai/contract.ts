import type { EventEnvelope } from '@lattice/events';

const count = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const duration = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/**
 * The figures of an ai event, checked against the contract (tokens and picodollars are
 * non-negative safe integers, durations non-negative numbers): `aiUsage` sums and sorts them
 * straight from the facts, so an event breaking the contract is refused (retried, then
 * dead-lettered) rather than recorded and left to break every report of its day. Other
 * events pass.
 */
export function checkAiEvent(event: EventEnvelope): void {
  const problems: string[] = [];
  if (event.type === 'ai.message_completed') {
    const data = (event as EventEnvelope<'ai.message_completed'>).data;
    for (const field of ['promptTokens', 'completionTokens', 'costPicos'] as const) {
      if (!count(data[field])) problems.push(`${field} must be a non-negative safe integer`);
    }
    if (!duration(data.latencyMs)) problems.push('latencyMs must be a non-negative number');
    if (data.firstTokenMs !== null && !duration(data.firstTokenMs)) {
      problems.push('firstTokenMs must be null or a non-negative number');
    }
  } else if (event.type === 'ai.image_generated') {
    const data = (event as EventEnvelope<'ai.image_generated'>).data;
    if (!count(data.costPicos)) problems.push('costPicos must be a non-negative safe integer');
    if (!duration(data.latencyMs)) problems.push('latencyMs must be a non-negative number');
  }
  if (problems.length) throw new Error(`${event.type} ${event.id}: ${problems.join('; ')}`);
}
