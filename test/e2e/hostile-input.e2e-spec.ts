import * as zlib from 'node:zlib';
import { requestBody } from '../support/placement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** Hostile bodies and headers get a 4xx problem naming what is wrong, and the log stays as it was. */
describe('hostile requests to the API', () => {
  let t: TestApp;
  let bearer: string;

  beforeAll(async () => {
    t = await startTestApp('embedded');
    bearer = `Bearer ${await t.token(['commissioner'])}`;
  });
  afterAll(() => t.close());

  /** Posts a raw body to the request endpoint and returns the answer, checking that nothing was appended. */
  async function send(raw: Buffer | string, headers: Record<string, string> = {}, idempotencyKey?: string) {
    const before = await t.eventCount();
    let req = t.http.post('/api/placements').set('Authorization', bearer).set('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    if (idempotencyKey) req = req.set('Idempotency-Key', idempotencyKey);
    // superagent would JSON-encode a Buffer: send its bytes as they are (its types say string; a Buffer is written as is).
    const asIs = (body: Buffer | string) => body as string;
    const res = await req.serialize(asIs).send(raw);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await t.eventCount()).toBe(before);
    return res;
  }
  const json = (body: unknown) => JSON.stringify(body);

  it('refuses JSON nested thousands of levels deep with 400, with or without an Idempotency-Key', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    expect((await send(deep)).status).toBe(400);
    const res = await send(deep, {}, 'deep-1');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain('nested more than 32 levels deep');
  });

  it('answers an unsupported charset or Content-Encoding with 415', async () => {
    expect((await send(json(requestBody()), { 'Content-Type': 'application/json; charset=latin-9' })).status).toBe(415);
    expect((await send(json(requestBody({ childRef: 'LAC-UTF7' })), { 'Content-Type': 'application/json; charset=utf-7' })).status).toBe(415);
    expect((await send(Buffer.from(json(requestBody({ childRef: 'LAC-UTF16' })), 'utf16le'), { 'Content-Type': 'application/json; charset=utf-16le' })).status).toBe(415);
    expect((await send(json(requestBody()), { 'Content-Encoding': 'br2' })).status).toBe(415);
  });

  it('answers a corrupt gzip or deflate body with 400, and reads a sound one', async () => {
    expect((await send('not gzip at all', { 'Content-Encoding': 'gzip' })).status).toBe(400);
    expect((await send(zlib.deflateSync(json(requestBody())).subarray(0, 10), { 'Content-Encoding': 'deflate' })).status).toBe(400);
    const sound = await t.http.post('/api/placements').set('Authorization', bearer).set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip').serialize((body: Buffer) => body as unknown as string).send(zlib.gzipSync(json(requestBody({ childRef: 'LAC-GZ1P' }))));
    expect(sound.status).toBe(201);
  });

  it.each([
    ['a NUL in a text field', json(requestBody({ childRef: 'LAC-N\u0000L' })), 'childRef'],
    ['a NUL inside a list', json(requestBody({ needs: ['health', 'x\u0000'] })), 'needs.1'],
    ['a lone high surrogate', '{"childRef":"LAC-AB12","ageAtRequest":5,"placementTypeSought":"U4","urgency":"planned","requiredFrom":"2026-12-01","needs":["\\ud800"]}', 'needs.0'],
    ['a lone low surrogate', '{"childRef":"LAC-AB12","ageAtRequest":5,"placementTypeSought":"U4","urgency":"planned","requiredFrom":"2026-12-01","needs":["\\udc00x"]}', 'needs.0'],
  ])('refuses %s with 400 naming the field', async (_what, raw, field) => {
    const res = await send(raw);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field, message: 'must not contain NUL characters or unpaired UTF-16 surrogates' }]);
  });

  it.each([
    ['POST', '/api/no-such-thing'], ['POST', '/api/budgets/2026-27/CC-IFA'], ['PUT', '/api/placements'], ['PATCH', '/api/jobs/renewal-sweep'], ['DELETE', '/health'],
  ])('answers %s %s, which no route serves, 404 as problem+json, with or without a token', async (method, path) => {
    const verb = method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
    for (const req of [t.http[verb](path).set('Authorization', bearer), t.http[verb](path)]) {
      const res = await req.send({ reason: 'x' });
      expect([res.status, res.headers['content-type']]).toEqual([404, expect.stringMatching(/^application\/problem\+json/)]);
    }
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s as it refuses any unknown field', async (key) => {
    const raw = json(requestBody()).replace(/^\{/, `{"${key}":{"polluted":true},`);
    const res = await send(raw);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: key, message: 'should not exist' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
