import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The text of a PDF, read by poppler's pdftotext (Debian poppler-utils; `npm test` installs it). */
export function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-pdf-')), 'report.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`pdftotext could not read the PDF (is poppler-utils installed? npm test installs it): ${String(error)}`);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
