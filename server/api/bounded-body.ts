/**
 * Reads a response body into memory, giving up as soon as it grows past a limit or the
 * deadline passes, so a huge or endless upstream answer cannot exhaust the server.
 * Bodies are counted after decoding (fetch decompresses), so a small gzip bomb fails too.
 */

export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`Body exceeded ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Rejects with the signal's reason when it aborts; for work that does not watch signals itself. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  const reason = () => (signal.reason instanceof Error ? signal.reason : new Error('Aborted'));
  if (signal.aborted) {
    // The work still settles, usually by rejecting with the same abort: left unhandled, that
    // rejection would end the process (a render that cancels a request before it is sent).
    work.catch(() => {});
    return Promise.reject(reason());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export async function readBounded(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer<ArrayBuffer>> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    // A declared length over the limit fails before a byte is read.
    if (Number(response.headers.get('content-length')) > maxBytes) {
      throw new BodyTooLargeError(maxBytes);
    }
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new BodyTooLargeError(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {}); // stop the transfer; the error below is the one that matters
    throw error;
  }
  return Buffer.concat(chunks, total);
}
