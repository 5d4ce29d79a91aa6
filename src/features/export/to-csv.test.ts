import { describe, expect, it } from 'vitest';
import type { BatchRun } from '../../../contract/api-schemas';
import { exampleBatch, makeBatch } from '../../test/fixtures';
import {
  CSV_COLUMNS,
  csvCell,
  csvHeader,
  csvRowCount,
  csvRows,
  formatMockData,
  formatPassRateCell,
  neutralizeFormula,
  toCsv,
} from './to-csv';
import { jsonChunk, JSON_END, JSON_START, toJson } from './to-json';
import { parseCsv } from '../../test/parse-csv';

describe('csvCell', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvCell('batch_s0OJu2JWR8R45Fai')).toBe('batch_s0OJu2JWR8R45Fai');
    expect(csvCell(42)).toBe('42');
    expect(csvCell('')).toBe('');
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line 1\nline 2', '"line 1\nline 2"'],
    ['line 1\r\nline 2', '"line 1\r\nline 2"'],
    ['cr\ronly', '"cr\ronly"'],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])('neutralises a cell that starts with %j', (char) => {
    const value = `${char}HYPERLINK("http://evil.example","x")`;
    const cell = csvCell(value);
    const [[read]] = parseCsv(`${cell}\r\n`) as [[string]];
    expect(read).toBe(`'${value}`);
  });

  it('neutralises only a formula character at the start', () => {
    expect(neutralizeFormula('a=b')).toBe('a=b');
    expect(neutralizeFormula(' =1')).toBe(' =1');
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('-')).toBe("'-");
    expect(neutralizeFormula('')).toBe('');
  });

  it('keeps unicode as it is (accents, CJK, emoji, right-to-left)', () => {
    for (const text of ['Zoë Müller', '予約を変更したい', '👩🏽‍💻 ok', 'مرحبا بك']) {
      expect(csvCell(text)).toBe(text);
    }
  });
});

describe('csvRows and toCsv', () => {
  const testCase = exampleBatch.testCases[0]!;

  it('starts with a byte-order mark and the header, and ends lines with CRLF', () => {
    const csv = toCsv([]);
    expect(csv.startsWith('\uFEFFbatchId,createdDate,agentName')).toBe(true);
    expect(csv).toBe(csvHeader());
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([[...CSV_COLUMNS]]);
  });

  it('writes one row per test case with the batch columns repeated', () => {
    const batch = makeBatch(1, {
      testCases: [testCase, { ...testCase, testCaseId: 'tc_2', label: 'Second' }],
    });
    const rows = parseCsv(csvRows([batch]));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toHaveLength(CSV_COLUMNS.length);
      expect(row.slice(0, 10)).toEqual(rows[0]!.slice(0, 10));
    }
    expect(rows.map((row) => row[CSV_COLUMNS.indexOf('testCaseId')])).toEqual([
      testCase.testCaseId,
      'tc_2',
    ]);
  });

  it('writes the documented example with every field in its column', () => {
    const [row] = parseCsv(csvRows([exampleBatch])) as [string[]];
    const cell = (name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)];
    expect(cell('batchId')).toBe(exampleBatch.batchId);
    expect(cell('createdDate')).toBe(exampleBatch.createdDate);
    expect(cell('agentName')).toBe(exampleBatch.agent.name);
    expect(cell('agentId')).toBe(exampleBatch.agent.agentId);
    expect(cell('agentStatus')).toBe(exampleBatch.agent.status);
    expect(cell('successfulAttempts')).toBe('4');
    expect(cell('failedAttempts')).toBe('1');
    expect(cell('totalAttempts')).toBe('5');
    expect(cell('expectedAttempts')).toBe('5');
    expect(cell('passRate')).toBe('80%');
    expect(cell('label')).toBe(testCase.label);
    expect(cell('llmModel')).toBe(testCase.llmModel);
    expect(cell('attempt')).toBe(String(testCase.attempt));
    expect(cell('userPrompt')).toBe(testCase.userPrompt);
    expect(cell('successCriteria')).toBe(testCase.successCriteria);
    expect(cell('mockData')).toBe(formatMockData(testCase.mockData));
  });

  it('still writes one row for a batch with no test cases', () => {
    const batch = makeBatch(2, {
      testCases: [],
      successfulAttempts: 0,
      failedAttempts: 0,
      totalAttempts: 0,
    });
    const rows = parseCsv(csvRows([batch]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(CSV_COLUMNS.length);
    expect(rows[0]![0]).toBe(batch.batchId);
    expect(rows[0]!.slice(10)).toEqual(['', '', '', '', '', '', '']);
    expect(csvRowCount(batch)).toBe(1);
  });

  it('survives hostile text: formulas, quotes, commas and line breaks read back exactly', () => {
    const hostile = {
      ...testCase,
      label: '=cmd|"/c calc"!A1',
      userPrompt: 'He said "no", then\r\nleft, angry\n',
      successCriteria: '@SUM(1,2)',
      mockData: [
        { variableName: 'name', value: '+1 555, ext "9"' },
        { variableName: 'note', value: '-' },
      ],
    };
    const batch: BatchRun = makeBatch(3, {
      testCases: [hostile],
      agent: { ...exampleBatch.agent, name: '-Agent, "quoted"' },
    });
    const [row] = parseCsv(csvRows([batch])) as [string[]];
    const cell = (name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)];
    expect(cell('label')).toBe(`'${hostile.label}`);
    expect(cell('userPrompt')).toBe(hostile.userPrompt);
    expect(cell('successCriteria')).toBe(`'${hostile.successCriteria}`);
    expect(cell('agentName')).toBe(`'-Agent, "quoted"`);
    expect(cell('mockData')).toBe('name=+1 555, ext "9"; note=-');
  });

  it('formats mock data and pass rates', () => {
    expect(formatMockData([])).toBe('');
    expect(
      formatMockData([
        { variableName: 'a', value: '1' },
        { variableName: 'b', value: '' },
      ]),
    ).toBe('a=1; b=');
    expect(formatPassRateCell(null)).toBe('');
    expect(formatPassRateCell(2 / 3)).toBe('66.7%');
    expect(formatPassRateCell(1)).toBe('100%');
    expect(formatPassRateCell(0)).toBe('0%');
  });
});

describe('JSON export', () => {
  it('builds one valid array from chunks, including empty ones', () => {
    const a = [makeBatch(1), makeBatch(2)];
    const b = [makeBatch(3)];
    const text =
      JSON_START + jsonChunk(a, true) + jsonChunk([], false) + jsonChunk(b, false) + JSON_END;
    expect(JSON.parse(text)).toEqual([...a, ...b]);
    expect(JSON.parse(toJson([]))).toEqual([]);
    expect(JSON.parse(toJson([exampleBatch]))).toEqual([exampleBatch]);
  });
});
