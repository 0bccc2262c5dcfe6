/** An entity of another subgraph, known here by its key only (`User`, `Media`). */
export interface Reference {
  id: string;
}
