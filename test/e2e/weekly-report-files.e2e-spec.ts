import ExcelJS from 'exceljs';
import type { Test } from 'supertest';
import { pdfText } from '../support/pdf-text';
import { startTestApp, type TestApp } from '../support/test-app';
import { recordWorkedExample } from '../support/worked-example';

const binary = (request: Test) => request.buffer(true).parse((response, done) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
});

describe('the weekly report as a PDF and an XLSX', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let report: { headline: { spendToDatePence: number; budgetPence: number; scenarios: Record<string, { projectedOutturnPence: number; rag: string }> } };

  beforeAll(async () => {
    t = await startTestApp('embedded');
    await recordWorkedExample(t);
    auth = { Authorization: `Bearer ${await t.token(['finance'])}` };
    report = (await t.http.get('/api/reports/weekly?weekCommencing=2026-11-16&format=json').set(auth).expect(200)).body;
  });
  afterAll(() => t.close());

  it('opens as a PDF with the headline figures of the page', async () => {
    const res = await binary(t.http.get('/api/reports/weekly?weekCommencing=2026-11-16&format=pdf').set(auth)).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.body as Buffer);
    expect(text).toContain('Spend to date (net): £2,266.07');
    expect(text).toContain('Budget for the year (net): £52,000.00');
    expect(text).toMatch(/Projected outturn, continuing: £2,626\.07 \(variance -£49,373\.93, GREEN\)/);
    expect(report.headline.scenarios.continuing.projectedOutturnPence).toBe(262_607);
  });

  it('opens as an XLSX with the same figures in pence', async () => {
    const res = await binary(t.http.get('/api/reports/weekly?weekCommencing=2026-11-16&format=xlsx').set(auth)).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const figures = new Map<string, unknown>();
    workbook.getWorksheet('Headline')!.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('spendToDatePence')).toBe(report.headline.spendToDatePence);
    expect(figures.get('budgetPence')).toBe(report.headline.budgetPence);
    for (const name of ['committed', 'continuing', 'trend']) {
      expect(figures.get(`${name}.projectedOutturnPence`)).toBe(report.headline.scenarios[name].projectedOutturnPence);
      expect(figures.get(`${name}.rag`)).toBe(report.headline.scenarios[name].rag);
    }
    expect(workbook.getWorksheet('Chart data')!.rowCount).toBeGreaterThan(50);
  });

  it('refuses a format it does not make', async () => {
    const res = await t.http.get('/api/reports/weekly?weekCommencing=2026-11-16&format=docx').set(auth).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
  });
});
