import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  /** True only until the first answer: a refresh keeps showing what is there. */
  loading: boolean;
  reload(): void;
}

/**
 * Loads when a dependency changes (the day, the minute's tick) and keeps the last answer on screen
 * meanwhile, so a refresh never blanks the page or touches what someone is typing elsewhere.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [again, setAgain] = useState(0);
  const latest = useRef(0);
  // The caller names what the load depends on (`deps`), not what the closure reads.
  useEffect(() => {
    const call = ++latest.current;
    load().then(
      (value) => {
        if (call !== latest.current) return;
        setData(value);
        setError(null);
      },
      (err: unknown) => {
        if (call !== latest.current) return;
        setError(err instanceof ApiError ? err : new ApiError(0, { error: 'CLIENT', message: String(err) }));
      },
    );
  }, [...deps, again]);
  return { data, error, loading: data === null && error === null, reload: () => setAgain((n) => n + 1) };
}
