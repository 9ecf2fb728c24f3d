import { issueToken, loadConfig, resolveJwtSecret, ROLES, ttlSeconds, type Role } from '@ledger/application';

/** `token --sub <id> --role <role> [--role <role>] [--ttl 12h]`: a bearer token for local use. */
export async function tokenCommand(options: { sub?: string; role?: string[]; ttl?: string }): Promise<void> {
  if (options.sub === undefined || options.sub.trim() === '') throw new Error('token needs --sub <user id>');
  const roles = options.role ?? [];
  if (roles.length === 0) throw new Error(`token needs at least one --role (${ROLES.join(', ')})`);
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length > 0) throw new Error(`Unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  const config = loadConfig();
  const ttl = options.ttl ?? '12h';
  if (ttlSeconds(ttl) > config.tokenMaxLifetimeSeconds) {
    throw new Error(`--ttl ${ttl} is longer than the ${config.tokenMaxLifetimeSeconds / 3600} hours the API accepts (AUTH_TOKEN_MAX_LIFETIME)`);
  }
  const { secret } = resolveJwtSecret(config);
  process.stdout.write(`${await issueToken(secret, { sub: options.sub, roles: roles as Role[] }, ttl)}\n`);
}
