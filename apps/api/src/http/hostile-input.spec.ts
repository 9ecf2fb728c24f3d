import { firstHostileInput, MAX_JSON_DEPTH } from './hostile-input';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('hostile input in a parsed body or query', () => {
  it('refuses nesting deeper than the limit however deep, without overflowing the stack', () => {
    expect(firstHostileInput(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(firstHostileInput(nested(MAX_JSON_DEPTH + 1))?.message).toContain('nested more than');
    expect(firstHostileInput(nested(200_000))?.message).toContain('nested more than');
  });

  it('refuses __proto__, constructor and prototype as keys anywhere, naming the field', () => {
    expect(firstHostileInput(JSON.parse('{"provider":{"__proto__":{"polluted":true}}}'))).toEqual({ field: 'provider.__proto__', message: 'should not exist' });
    expect(firstHostileInput({ constructor: 'x' })).toEqual({ field: 'constructor', message: 'should not exist' });
    expect(firstHostileInput({ options: [{ prototype: 1 }] })).toEqual({ field: 'options.0.prototype', message: 'should not exist' });
  });

  it.each(['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'])(
    'refuses %s, which class-transformer would drop unseen rather than let the pipe refuse as unknown', (key) => {
      expect(firstHostileInput({ resource: 'x', [key]: 'y' })).toEqual({ field: key, message: 'should not exist' });
      expect(firstHostileInput({ provider: { [key]: [1] } })).toEqual({ field: `provider.${key}`, message: 'should not exist' });
    });

  it('refuses NUL and unpaired surrogates in any text, and keeps every other character', () => {
    expect(firstHostileInput({ needs: ['ok', 'a\u0000b'] })?.field).toBe('needs.1');
    expect(firstHostileInput({ reason: 'lone \uD800 high' })?.field).toBe('reason');
    expect(firstHostileInput({ reason: 'lone \uDC00 low' })?.field).toBe('reason');
    expect(firstHostileInput({ reason: 'Zoë 😀 ünïcode – £1,150' })).toBeUndefined();
  });
});
