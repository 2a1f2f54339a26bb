import { startServer } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { SHUTDOWN_GRACE_MS } from './http/httpServer';
import { DEMO_USERS } from './oidc/demoUsers';

/** The token API the app is configured for (TOKEN_BACKEND), in words. */
function flavorOf(config: Config): string {
  if (config.tokenBackend === 'terrakube') return 'Terrakube (TOKEN_BACKEND=terrakube), signing in through the built-in OIDC provider';
  const signIn = config.tfeSignIn === 'oidc' ? 'signing in through the built-in OIDC provider' : 'signing in with a user API token';
  return `HCP Terraform (TOKEN_BACKEND=tfe), ${config.tfeTeamTokens} team tokens, ${signIn}`;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startServer(config);
  console.log(`Terrakube token settings is running at ${server.url}`);
  console.log(`Storage: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`);
  console.log(`The app speaks: ${flavorOf(config)}`);
  console.log(
    `APIs: Terrakube at ${server.url}/pat/v1, ${server.url}/api/v1/ and ${server.url}/graphql/api/v1; HCP Terraform at ${server.url}/api/v2/ (team tokens: ${config.tfeTeamTokens})`,
  );
  console.log(
    config.corsOrigins.length > 0
      ? `UIs on other origins that may sign in and call the Terrakube APIs (CORS_ORIGINS): ${config.corsOrigins.join(', ')}`
      : 'No UI on another origin may call the APIs from a browser (CORS_ORIGINS is empty).',
  );
  console.log('Demo sign-ins:');
  for (const user of DEMO_USERS) console.log(`  ${user.email} / ${user.password}  (${user.groups.join(', ')})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, stopping: answering the requests in progress (at most ${SHUTDOWN_GRACE_MS / 1000} s).`);
    try {
      await server.close();
      console.log('Stopped.');
      process.exit(0);
    } catch (error) {
      console.error('The server did not stop cleanly:', error instanceof Error ? error.message : error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error('The server could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
