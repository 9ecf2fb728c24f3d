import { copyText, type SqlDatabase } from '@ledger/event-store';
import { createTestSqlDatabase } from '../../support/sql-database';

/** Values COPY's text format must escape, and some it need not. */
const AWKWARD = ['plain', 'back\\slash', 'tab\there', 'new\nline', 'carriage\rreturn', '\\N', 'café £5', ''];

describe.each(['embedded', 'postgres'] as const)('rows loaded with COPY on the %s database', (kind) => {
  let db: SqlDatabase;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await createTestSqlDatabase(kind));
    await db.query('CREATE TABLE copied (n integer NOT NULL, label text, body json)');
  });
  afterAll(() => drop());
  beforeEach(() => db.query('DELETE FROM copied'));

  const rowsOf = (values: readonly string[]) =>
    values.map((value, n) => `${n}\t${copyText(value)}\t${copyText(JSON.stringify({ value }))}\n`).join('');

  it('reads back every value as written, escapes and all, with null as null', async () => {
    await db.copyRows('copied', ['n', 'label', 'body'], `${rowsOf(AWKWARD)}${AWKWARD.length}\t${copyText(null)}\t${copyText(null)}\n`);
    const rows = await db.query<{ n: number; label: string | null; body: { value: string } | null }>('SELECT n, label, body FROM copied ORDER BY n');
    expect(rows.map((r) => r.label)).toEqual([...AWKWARD, null]);
    expect(rows.map((r) => r.body?.value ?? null)).toEqual([...AWKWARD, null]);
  });

  it('loads inside a transaction, and nothing stays when the transaction fails', async () => {
    await expect(db.transaction(async (tx) => {
      await tx.copyRows('copied', ['n', 'label', 'body'], rowsOf(AWKWARD));
      expect(await tx.query('SELECT n FROM copied')).toHaveLength(AWKWARD.length);
      throw new Error('abandoned');
    })).rejects.toThrow('abandoned');
    expect(await db.query('SELECT n FROM copied')).toEqual([]);
  });

  it('fails on a malformed row and leaves the table as it was', async () => {
    await expect(db.copyRows('copied', ['n', 'label', 'body'], '1\tone\t{"a":1}\nnot a number\ttwo\t{}\n')).rejects.toThrow();
    expect(await db.query('SELECT n FROM copied')).toEqual([]);
  });

  it('refuses a table or column name that is not a plain SQL name', async () => {
    await expect(db.copyRows('copied; DROP TABLE copied', ['n'], '1\n')).rejects.toThrow('Not a plain SQL name');
    await expect(db.copyRows('copied', ['n) FROM STDIN; --'], '1\n')).rejects.toThrow('Not a plain SQL name');
  });
});
