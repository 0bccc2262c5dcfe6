import { AgentSchema } from './agent';
import { AttachmentSchema } from './attachment';
import { CannedResponseSchema } from './canned-response';
import { TicketSchema } from './ticket';
import { TicketMessageSchema } from './ticket-message';

export { Agent } from './agent';
export { Attachment } from './attachment';
export { CannedResponse } from './canned-response';
export { ACTIVE, Ticket, type TicketPriority, type TicketStatus } from './ticket';
export { TicketMessage, type TicketMessageKind } from './ticket-message';

export const entities = [
  TicketSchema,
  TicketMessageSchema,
  AttachmentSchema,
  AgentSchema,
  CannedResponseSchema,
];
