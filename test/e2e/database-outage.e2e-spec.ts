import { Client } from 'pg';
import { requestBody } from '../support/placement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** The database of the app's own: its connections cut and refused, then allowed back. */
async function onAdmin(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('requests while the PostgreSQL store is unreachable', () => {
  let t: TestApp;
  let name: string;
  let bearer: string;

  beforeAll(async () => {
    t = await startTestApp('postgres');
    name = (await t.runtime.database.query<{ name: string }>('SELECT current_database() AS name'))[0].name;
    bearer = `Bearer ${await t.token(['commissioner'])}`;
  });
  afterAll(async () => {
    await onAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await t.close();
  });

  it('answer 503 with Retry-After and no internals, then work again when it returns', async () => {
    await t.http.get('/api/placements').set('Authorization', bearer).expect(200);
    await onAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await onAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
    for (const send of [
      () => t.http.get('/api/placements').set('Authorization', bearer),
      () => t.http.post('/api/placements').set('Authorization', bearer).send(requestBody({ childRef: 'LAC-0UTAG' })),
      () => t.http.get('/api/returns/weekly?weekCommencing=2026-11-16').set('Authorization', bearer),
    ]) {
      const res = await send();
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toMatchObject({ status: 503, type: 'urn:placement-ledger:problem:service-unavailable' });
      expect(JSON.stringify(res.body)).not.toMatch(/ECONN|accepting connections|terminat|127\.0\.0\.1/);
    }
    await onAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    const back = await t.http.get('/api/placements').set('Authorization', bearer);
    expect(back.status).toBe(200);
  });
});
