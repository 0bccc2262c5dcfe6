export { startGateway, type RunningGateway } from './gateway';
export { gatewayConfigFromEnv, type GatewayConfig } from './config';
