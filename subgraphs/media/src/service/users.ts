/** A user as other subgraphs refer to it: media knows only the id. */
export interface UserReference {
  id: string;
}
