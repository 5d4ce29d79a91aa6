/**
 * Batch runs as CSV that opens correctly in a spreadsheet: one row per test case per batch
 * with the batch's columns repeated (a batch without test cases still gets one row),
 * RFC 4180 quoting, CRLF line endings, a UTF-8 byte-order mark so Excel reads the encoding,
 * and cells that a spreadsheet would run as a formula neutralised with a leading `'`.
 * Values are written as sent: a field the API left out or sent as null is a blank cell, a
 * date-time the original string, a mock value of another JSON type its JSON text.
 * Built page by page (`csvRows`) so a long export never holds more than one page of rows.
 */
import type { ReadBatchRun, ReadMockData } from '../../../contract/read-batch-runs';
import { summarizeAttempts } from '../../lib/attempts';

export const CSV_COLUMNS = [
  'batchId',
  'createdDate',
  'agentName',
  'agentId',
  'agentStatus',
  'successfulAttempts',
  'failedAttempts',
  'totalAttempts',
  'expectedAttempts',
  'passRate',
  'testCaseId',
  'label',
  'llmModel',
  'attempt',
  'userPrompt',
  'successCriteria',
  'mockData',
] as const;

export const UTF8_BOM = '\uFEFF';
export const CRLF = '\r\n';

/** Characters that make Excel, LibreOffice or Sheets read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Prefixes a cell a spreadsheet would evaluate with `'`, so it shows as the text it is. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One cell: neutralised, then quoted when it holds a comma, a quote or a line break; null is blank. */
export function csvCell(value: string | number | null): string {
  const text = typeof value === 'number' ? String(value) : neutralizeFormula(value ?? '');
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return cells.map(csvCell).join(',') + CRLF;
}

/** `name=value; name=value`, the readable form; the JSON export keeps the exact structure. */
export function formatMockData(mockData: readonly ReadMockData[]): string {
  return mockData
    .map(({ variableName, value }) => `${variableName ?? ''}=${value ?? ''}`)
    .join('; ');
}

/** Pass rate as a percentage with at most one decimal ("66.7%"); empty with nothing finished. */
export function formatPassRateCell(passRate: number | null): string {
  return passRate === null ? '' : `${Math.round(passRate * 1000) / 10}%`;
}

/** The lines of these batches, header not included. */
export function csvRows(batches: readonly ReadBatchRun[]): string {
  let out = '';
  for (const batch of batches) {
    const summary = summarizeAttempts(batch);
    const batchCells = [
      batch.batchId,
      batch.createdDate,
      batch.agent.name,
      batch.agent.agentId,
      batch.agent.status,
      batch.successfulAttempts,
      batch.failedAttempts,
      batch.totalAttempts,
      summary.expected,
      formatPassRateCell(summary.passRate),
    ];
    if (batch.testCases.length === 0) {
      out += csvLine([...batchCells, '', '', '', '', '', '', '']);
      continue;
    }
    for (const testCase of batch.testCases) {
      out += csvLine([
        ...batchCells,
        testCase.testCaseId,
        testCase.label,
        testCase.llmModel,
        testCase.attempt,
        testCase.userPrompt,
        testCase.successCriteria,
        formatMockData(testCase.mockData),
      ]);
    }
  }
  return out;
}

/** Rows a batch takes in the CSV: one per test case, at least one. */
export function csvRowCount(batch: Pick<ReadBatchRun, 'testCases'>): number {
  return Math.max(1, batch.testCases.length);
}

/** The start of the file: the byte-order mark and the header line. */
export function csvHeader(): string {
  return UTF8_BOM + csvLine(CSV_COLUMNS);
}

/** A whole CSV file for these batches. */
export function toCsv(batches: readonly ReadBatchRun[]): string {
  return csvHeader() + csvRows(batches);
}
