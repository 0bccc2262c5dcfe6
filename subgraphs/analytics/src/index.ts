export { analytics as subgraph } from './subgraph';
export { PLATFORM_EVENTS_CHANNEL } from './live/platform-feed';
