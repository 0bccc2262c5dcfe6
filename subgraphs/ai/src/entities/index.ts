import { ConversationSchema } from './conversation';
import { GeneratedImageSchema } from './generated-image';
import { MessageSchema } from './message';

export { Conversation } from './conversation';
export { GeneratedImage } from './generated-image';
export { Message, type MessageRole, type MessageStatus } from './message';

export const entities = [ConversationSchema, MessageSchema, GeneratedImageSchema];
