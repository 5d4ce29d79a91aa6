/**
 * Invertible ids. A generated batch id must lead back to its batch without scanning the agent's
 * (possibly 50k-long) list, yet look like the real API's random 16-character base62 ids. So an
 * id is a keyed permutation of (index, checksum): a 4-round Feistel network over 64 bits, topped
 * up with 31 more checksum bits to fill 16 base62 characters. Decoding inverts the network and
 * rejects any string whose checksums do not match, so ids of another agent (another namespace)
 * or made-up ids resolve to nothing.
 */
import { BASE62, hash32, mix32 } from './random.ts';

const ID_LENGTH = 16;
const ID_PATTERN = /^[0-9A-Za-z]{16}$/;
const ROUNDS = 4;
const BLOCK = 1n << 64n;
/** How many values fit above the 64-bit block in 16 base62 characters (about 2^31.3). */
const FILLER_RANGE = Number(62n ** BigInt(ID_LENGTH) / BLOCK);
const MAX_INDEX = 0xffffffff;

export interface IdCodec {
  encode(index: number): string;
  /** The index this id encodes in this namespace, or undefined when it is not one of ours. */
  decode(id: string): number | undefined;
}

export function createIdCodec(namespace: string): IdCodec {
  const roundKeys = Array.from({ length: ROUNDS }, (_, round) => hash32(namespace, 'round', round));
  const roundFn = (round: number, half: number) => mix32((half ^ (roundKeys[round] ?? 0)) >>> 0);
  const checksum = (index: number) => hash32(namespace, 'check', index);
  const filler = (block: bigint) => hash32(namespace, 'filler', block.toString()) % FILLER_RANGE;

  return {
    encode(index) {
      if (!Number.isInteger(index) || index < 0 || index > MAX_INDEX) {
        throw new RangeError(`id index out of range: ${index}`);
      }
      let left = index;
      let right = checksum(index);
      for (let round = 0; round < ROUNDS; round++) {
        [left, right] = [right, (left ^ roundFn(round, right)) >>> 0];
      }
      const block = (BigInt(left) << 32n) | BigInt(right);
      return toBase62(BigInt(filler(block)) * BLOCK + block);
    },

    decode(id) {
      if (!ID_PATTERN.test(id)) return undefined;
      const value = fromBase62(id);
      const block = value % BLOCK;
      if (value / BLOCK !== BigInt(filler(block))) return undefined;
      let left = Number(block >> 32n);
      let right = Number(block & 0xffffffffn);
      for (let round = ROUNDS - 1; round >= 0; round--) {
        [left, right] = [(right ^ roundFn(round, left)) >>> 0, left];
      }
      return checksum(left) === right ? left : undefined;
    },
  };
}

function toBase62(value: bigint): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < ID_LENGTH; i++) {
    out = BASE62.charAt(Number(rest % 62n)) + out;
    rest /= 62n;
  }
  return out;
}

function fromBase62(text: string): bigint {
  let value = 0n;
  for (const char of text) value = value * 62n + BigInt(BASE62.indexOf(char));
  return value;
}
