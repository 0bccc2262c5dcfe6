/**
 * What agents type in the queue's search box: the shapes measured, each a few texts asked in
 * turn, and the GraphQL query they are sent in.
 */
import { TICKETS } from './options';
import { SYLLABLES } from './seed';

export const QUEUE = `query($text: String!, $first: Int, $after: String) {
  supportTickets(filter: { text: $text }, first: $first, after: $after) {
    edges { node { id number title status priority updatedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface Shape {
  key: string;
  label: string;
  texts: string[];
  /** The second page: asked `after` the first page's end cursor (found before measuring). */
  nextPage?: boolean;
}

/** A studio name (three syllables): in about TICKETS / 13,824 tickets. */
const studio = (a: number, b: number, c: number) => SYLLABLES[a]! + SYLLABLES[b]! + SYLLABLES[c]!;

export const SHAPES: Shape[] = [
  {
    key: 'rare',
    label: 'a rare word (a studio name)',
    texts: [studio(6, 7, 8), studio(0, 11, 19), studio(14, 2, 9), studio(21, 3, 16), studio(10, 23, 5)],
  },
  { key: 'prefix', label: 'a common word prefix', texts: ['pay', 'acc', 'can', 'err', 'ref'] },
  {
    key: 'two',
    label: 'two words',
    texts: ['refund invoice', 'app crash', 'password reset', 'charged twice', 'yoga class'],
  },
  {
    key: 'number',
    label: '#<number>',
    texts: [0.013, 0.271, 0.5, 0.777, 0.999].map((share) => `#${Math.max(1, Math.round(share * TICKETS))}`),
  },
  {
    key: 'next',
    label: 'a common word prefix, page 2 (after)',
    texts: ['pay', 'acc', 'can', 'err', 'ref'],
    nextPage: true,
  },
];
