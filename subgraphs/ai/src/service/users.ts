/** A user as other subgraphs refer to it: ai knows only the id. */
export interface UserReference {
  id: string;
}
