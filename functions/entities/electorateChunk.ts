import { Ballot } from './ballot';
import { compose, type TableKey } from './key';

/**
 * The frozen electorate of a ballot: its member ids as a String Set, spread over a fixed number
 * of chunks by a stable hash of the id, so the one chunk that can hold a member is known from
 * (ballotId, memberId) alone and is read with the request's other items. All chunks are written
 * with the opening, in its transaction; an empty chunk is not written. 5000 ids of ≤ 64
 * characters over 16 chunks stay far below DynamoDB's 400 KB an item.
 */
export const CHUNKS = 16;

export interface ElectorateChunkAttributes {
  ballotId: string;
  chunk: number;
  ids: Set<string>;
}
export type ElectorateChunkItem = TableKey & { type: 'electorateChunk'; chunk: number; ids: Set<string> };

/** FNV-1a (32 bits) of the id, mod CHUNKS: the same on every machine and in every version. */
export function chunkOf(memberId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < memberId.length; i++) {
    h ^= memberId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % CHUNKS;
}

const PREFIX = 'VOTERS';
export const ElectorateChunk = {
  key: ({ ballotId, chunk }: Pick<ElectorateChunkAttributes, 'ballotId' | 'chunk'>): TableKey => ({ pk: Ballot.partition(ballotId), sk: compose(PREFIX, String(chunk).padStart(2, '0')) }),
  /** The chunk that holds `memberId` if they are in the electorate. */
  keyOfMember: (ballotId: string, memberId: string): TableKey => ElectorateChunk.key({ ballotId, chunk: chunkOf(memberId) }),
  item: ({ ballotId, chunk, ids }: ElectorateChunkAttributes): ElectorateChunkItem => ({ ...ElectorateChunk.key({ ballotId, chunk }), type: 'electorateChunk', chunk, ids }),
  queryOfBallot: (ballotId: string) => Ballot.queryPart(ballotId, compose(PREFIX, '')),
};
