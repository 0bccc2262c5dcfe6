import { type OpenAISimulator, startOpenAISimulator } from '@lattice/openai-simulator';
import { startBillingLattice, type BillingLattice } from './billing';

export { gql, ok } from './graphql';

export interface AiLattice extends BillingLattice {
  /** The local OpenAI-compatible server the ai subgraph talks to (faults, requests seen). */
  openai: OpenAISimulator;
}

/** Identity, billing (usage), ai (and `subgraphs`) behind a gateway, ai on a simulator the test drives. */
export async function startAiLattice(
  options: { subgraphs?: string[]; env?: Record<string, string> } = {},
): Promise<AiLattice> {
  const openai = await startOpenAISimulator();
  try {
    const billing = await startBillingLattice({
      subgraphs: ['ai', ...(options.subgraphs ?? [])],
      env: { OPENAI_SIMULATOR_URL: openai.url, AI_MAX_RETRIES: '2', ...options.env },
    });
    return {
      ...billing,
      openai,
      stop: async () => {
        await billing.stop();
        await openai.close();
      },
    };
  } catch (error) {
    await openai.close();
    throw error;
  }
}

export const CREATE_CONVERSATION = /* GraphQL */ `
  mutation ($input: CreateConversationInput!) {
    createConversation(input: $input) {
      id
      title
      model
    }
  }
`;
export const SEND = /* GraphQL */ `
  mutation ($id: ID!, $content: String!) {
    sendMessage(conversationId: $id, content: $content) {
      id
      status
    }
  }
`;
export const STREAM = /* GraphQL */ `
  subscription ($id: ID!, $messageId: ID, $offset: Int) {
    messageStream(conversationId: $id, messageId: $messageId, offset: $offset) {
      messageId
      offset
      delta
      message {
        id
        status
        content
        model
        provider
        promptTokens
        completionTokens
        latencyMs
        cost
        error
      }
    }
  }
`;
