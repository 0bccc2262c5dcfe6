export { startOpenAISimulator } from './simulator';
export type { OpenAISimulator, OpenAISimulatorOptions } from './simulator';
export type { DelayOptions, FailureOptions } from './faults';
export type { RecordedRequest } from './requests';
export type { Credential } from './azure';
export { countTokens } from './tokens';
