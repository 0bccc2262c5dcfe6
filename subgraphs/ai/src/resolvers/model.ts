import type { ModelResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { picosToDollars } from '../service/money';

const perMillion = (picos: bigint) => picosToDollars(picos);

export const Model: ModelResolvers<Context> = {
  kind: (model) => (model.kind === 'chat' ? 'CHAT' : 'IMAGE'),
  provider: (model) => model.provider.id,
  simulated: (model) => model.provider.simulated,
  contextWindow: (model) => (model.kind === 'chat' ? model.contextWindow : null),
  inputPricePerMillionTokens: (model) =>
    model.kind === 'chat' ? perMillion(model.prices.inputPerMillion) : null,
  outputPricePerMillionTokens: (model) =>
    model.kind === 'chat' ? perMillion(model.prices.outputPerMillion) : null,
  pricePerImage: (model) => (model.kind === 'image' ? picosToDollars(model.pricePerImage) : null),
};
