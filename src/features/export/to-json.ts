/**
 * Batch runs as a JSON array, exactly the objects the API lists (as sent, when read from it,
 * odd fields included), one batch per line. Built in
 * chunks (one per page) so a long export never holds the whole file as one string.
 */
import { sentAs, type ReadBatchRun } from '../../../contract/read-batch-runs';

export const JSON_START = '[\n';
export const JSON_END = '\n]\n';

/** The lines of these batches; `first` says whether any batch came before them in the file. */
export function jsonChunk(batches: readonly ReadBatchRun[], first: boolean): string {
  if (batches.length === 0) return '';
  const lines = batches.map((batch) => JSON.stringify(sentAs(batch))).join(',\n');
  return first ? lines : `,\n${lines}`;
}

export function toJson(batches: readonly ReadBatchRun[]): string {
  return JSON_START + jsonChunk(batches, true) + JSON_END;
}
