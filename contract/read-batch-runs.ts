/**
 * Lenient readers of what the API answers, one batch run (or agent) at a time. The page
 * envelope stays strict (`pageEnvelopeSchema`: an unusable envelope is a schema error that
 * names the field); each item is read on its own so one odd field cannot take the page down:
 *
 * - a batch run needs a non-empty string `batchId`; without one it is left out and counted in
 *   `unreadable` with the item as sent;
 * - every other field degrades in place: a string that is null, missing or of another type
 *   reads as `null`; a count that is missing or not a whole number reads as `null` (a numeric
 *   string such as `"3"` is accepted); a date-time without an offset is read as UTC; mock
 *   values of any JSON type read as JSON text; `testCases: null` reads as none.
 *
 * Each repair names its field in `repairs` (`workspaceId`, `testCases[0].mockData[1].value`),
 * so the page can mark the row instead of passing a repair off as data. An item the strict
 * schemas accept reads exactly as they read it, with no repairs. The sandbox keeps producing
 * strict data (api-schemas.ts); only the app reads leniently.
 */
import * as z from 'zod/mini';
import {
  pageEnvelopeSchema,
  type AgentRef,
  type BatchRun,
  type MockData,
  type TestCase,
} from './api-schemas.ts';

/** `T` with its strings and numbers allowed to be null: what a lenient read may leave blank. */
type Blankable<T> = { [K in keyof T]: T[K] extends string | number ? T[K] | null : T[K] };

export type ReadAgentRef = Blankable<AgentRef>;
export type ReadMockData = Blankable<MockData>;
export interface ReadTestCase extends Blankable<Omit<TestCase, 'agent' | 'mockData'>> {
  agent: ReadAgentRef;
  mockData: ReadMockData[];
}
/**
 * A batch run as the app reads it. `createdDate` is the string as sent (or null); `repairs`
 * names the fields read leniently and `sent` is the item as the API sent it (both absent on
 * batches built in code, which are strict by construction).
 */
export interface ReadBatchRun extends Blankable<Omit<BatchRun, 'batchId' | 'agent' | 'testCases'>> {
  batchId: string;
  agent: ReadAgentRef;
  testCases: ReadTestCase[];
  repairs?: string[];
  sent?: unknown;
}
/** An item of a page that could not be shown: why, and what was sent. */
export interface Unreadable {
  reason: string;
  sent: unknown;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** ISO 8601 date and time, seconds and fraction optional, then (group 1) the offset if any. */
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d(?::?\d\d)?)?$/i;

/**
 * A date-time as the API sends it: with an offset, as is; without one, read as UTC
 * (`assumedUtc`); anything else does not parse (`ms` null) and is shown as sent.
 */
export function readDateTime(sent: string | null): { ms: number | null; assumedUtc: boolean } {
  const match = sent === null ? null : DATE_TIME.exec(sent);
  if (!match) return { ms: null, assumedUtc: false };
  const assumedUtc = match[1] === undefined;
  const ms = Date.parse(assumedUtc ? `${sent}Z` : sent!);
  return Number.isNaN(ms) ? { ms: null, assumedUtc: false } : { ms, assumedUtc };
}

/** The instant of a date-time as sent, NaN when it was not given or does not read. */
export function dateMs(sent: string | null): number {
  return readDateTime(sent).ms ?? Number.NaN;
}

/** Reads the fields of one object, noting each repair under `prefix`. */
export function fields(value: unknown, repairs: string[], prefix: string) {
  const item = isObject(value) ? value : {};
  const note = (key: string) => repairs.push(prefix + key);
  return {
    text(key: string): string | null {
      const field = item[key];
      if (typeof field === 'string') return field;
      note(key);
      return null;
    },
    count(key: string): number | null {
      const field = item[key];
      const number = typeof field === 'string' && /^\d+$/.test(field) ? Number(field) : field;
      const ok = typeof number === 'number' && Number.isSafeInteger(number) && number >= 0;
      if (!ok || field !== number) note(key);
      return ok ? number : null;
    },
    /** A list that may be null or left out (read as none); other types are repaired to none. */
    list<T>(key: string, read: (item: unknown, at: string) => T): T[] {
      const field = item[key];
      if (field == null) return [];
      if (!Array.isArray(field)) {
        note(key);
        return [];
      }
      return field.flatMap((entry: unknown, index) => {
        const at = `${prefix}${key}[${index}]`;
        if (isObject(entry)) return [read(entry, `${at}.`)];
        repairs.push(at);
        return [];
      });
    },
    agent(key: string): ReadAgentRef {
      if (!isObject(item[key])) note(key);
      const agent = fields(item[key], isObject(item[key]) ? repairs : [], `${prefix}${key}.`);
      return {
        name: agent.text('name'),
        agentId: agent.text('agentId'),
        status: agent.text('status'),
      };
    },
  };
}

function readMockData(value: unknown, repairs: string[], prefix: string): ReadMockData {
  const read = fields(value, repairs, prefix);
  const sent = (value as Json).value;
  const isText = typeof sent === 'string';
  if (!isText) repairs.push(`${prefix}value`);
  return {
    variableName: read.text('variableName'),
    value: isText ? sent : sent == null ? null : JSON.stringify(sent),
  };
}

function readTestCase(value: unknown, repairs: string[], prefix: string): ReadTestCase {
  const read = fields(value, repairs, prefix);
  return {
    testCaseId: read.text('testCaseId'),
    label: read.text('label'),
    agent: read.agent('agent'),
    workspaceId: read.text('workspaceId'),
    llmModel: read.text('llmModel'),
    mockData: read.list('mockData', (item, at) => readMockData(item, repairs, at)),
    userPrompt: read.text('userPrompt'),
    attempt: read.count('attempt'),
    successCriteria: read.text('successCriteria'),
  };
}

/** Why an item has no usable `batchId`, in words; undefined when it has one. */
export function missingId(value: unknown, key: string): string | undefined {
  if (!isObject(value)) return `the item is ${value === null ? 'null' : 'not an object'}`;
  const id = value[key];
  if (typeof id === 'string' && id !== '') return undefined;
  if (id === undefined) return `\`${key}\` is missing`;
  if (id === '') return `\`${key}\` is empty`;
  return `\`${key}\` is ${id === null ? 'null' : `not a string`}`;
}

/** One batch run, or why it cannot be a row. Never throws. */
export function readBatchRun(sent: unknown): ReadBatchRun | Unreadable {
  const reason = missingId(sent, 'batchId');
  if (reason !== undefined) return { reason, sent };
  const repairs: string[] = [];
  const read = fields(sent, repairs, '');
  const createdDate = read.text('createdDate');
  const date = readDateTime(createdDate);
  // Read as UTC or shown as sent: either way not what the contract promises.
  if (createdDate !== null && (date.ms === null || date.assumedUtc)) repairs.push('createdDate');
  return {
    batchId: (sent as Json).batchId as string,
    workspaceId: read.text('workspaceId'),
    agent: read.agent('agent'),
    createdDate,
    testCases: read.list('testCases', (item, at) => readTestCase(item, repairs, at)),
    successfulAttempts: read.count('successfulAttempts'),
    failedAttempts: read.count('failedAttempts'),
    totalAttempts: read.count('totalAttempts'),
    repairs,
    sent,
  };
}

/**
 * The batch run as the API sent it, for whoever reads it again (the server's answers from its
 * mirror are read in the browser as /v1's are); one built in code is already what it reads as.
 */
export function sentAs(batch: ReadBatchRun): SentBatchRun {
  return (batch.sent ?? batch) as SentBatchRun;
}

/** A batch run as sent: an object with a string `batchId` (else it would not have been read). */
export interface SentBatchRun {
  batchId: string;
  [field: string]: unknown;
}

/** The items of a page, read one by one: the rows, and what could not be read. */
export function readItems<T extends object>(
  items: readonly unknown[],
  read: (item: unknown) => T | Unreadable,
): { data: T[]; unreadable: Unreadable[] } {
  const data: T[] = [];
  const unreadable: Unreadable[] = [];
  for (const item of items) {
    const result = read(item);
    if ('reason' in result) unreadable.push(result);
    else data.push(result);
  }
  return { data, unreadable };
}

/** A page of items read one by one, behind the strict envelope. */
export function pageReader<T extends object>(read: (item: unknown) => T | Unreadable) {
  return z.pipe(
    pageEnvelopeSchema,
    z.transform((page) => ({ ...page, ...readItems(page.data, read) })),
  );
}

export const batchRunPageReader = pageReader(readBatchRun);
/** `unreadable` is absent on pages built in code, which are strict by construction. */
export type ReadBatchRunPage = Omit<z.infer<typeof batchRunPageReader>, 'unreadable'> & {
  unreadable?: Unreadable[];
};
