import { useEffect, useState } from 'react';

export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
}

/** Runs `load` whenever `key` changes; an answer to an older key is dropped. */
export function useQuery<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ loading: true });
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) =>
        current &&
        setState({ error: error instanceof Error ? error.message : String(error), loading: false }),
    );
    return () => {
      current = false;
    };
    // Not load: a new closure each render; key says when it asks for something else.
  }, [key]);
  return state;
}
