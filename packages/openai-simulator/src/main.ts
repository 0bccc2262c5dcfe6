import { startOpenAISimulator } from './simulator';

/**
 * `npm start`: a simulator in its own process, for `npm start` without an OpenAI key, benchmarks
 * and trying things by hand; driven through `/_simulator/…`. Settings, read once here:
 * OPENAI_SIMULATOR_PORT (default 12112), OPENAI_SIMULATOR_MODELS (comma-separated ids),
 * OPENAI_SIMULATOR_DEPLOYMENTS (Azure deployments besides the model ids: `name=model,…`).
 */
function settings(env: NodeJS.ProcessEnv) {
  const port = env.OPENAI_SIMULATOR_PORT;
  if (port !== undefined && port !== '' && !/^\d+$/.test(port)) {
    throw new Error(`OPENAI_SIMULATOR_PORT must be a non-negative integer, got ${JSON.stringify(port)}`);
  }
  const models = env.OPENAI_SIMULATOR_MODELS?.split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const deployments = env.OPENAI_SIMULATOR_DEPLOYMENTS?.split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [name, model, ...rest] = pair.split('=').map((part) => part.trim());
      if (!name || !model || rest.length > 0) {
        throw new Error(`OPENAI_SIMULATOR_DEPLOYMENTS must be name=model pairs, got ${JSON.stringify(pair)}`);
      }
      return [name, model] as const;
    });
  return {
    port: port ? Number(port) : 12112,
    models: models && models.length > 0 ? models : undefined,
    deployments: deployments && deployments.length > 0 ? Object.fromEntries(deployments) : undefined,
  };
}

async function main(): Promise<void> {
  const log = (message: string) => process.stdout.write(`${message}\n`);
  const simulator = await startOpenAISimulator({ ...settings(process.env), log });
  log(`OpenAI simulator on ${simulator.url}/v1, Azure OpenAI endpoint ${simulator.url} (use any API key)`);
  const stop = () => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
