import { issueToken, loadConfig, resolveJwtSecret, ROLES, type Role } from '@ledger/application';

/** `token --sub <id> --role <role> [--role <role>] [--ttl 12h]`: a bearer token for local use. */
export async function tokenCommand(options: { sub?: string; role?: string[]; ttl?: string }): Promise<void> {
  if (options.sub === undefined || options.sub.trim() === '') throw new Error('token needs --sub <user id>');
  const roles = options.role ?? [];
  if (roles.length === 0) throw new Error(`token needs at least one --role (${ROLES.join(', ')})`);
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length > 0) throw new Error(`Unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  const { secret } = resolveJwtSecret(loadConfig());
  process.stdout.write(`${await issueToken(secret, { sub: options.sub, roles: roles as Role[] }, options.ttl ?? '12h')}\n`);
}
