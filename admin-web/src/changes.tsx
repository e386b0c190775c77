import { useState } from 'preact/hooks';
import { ApiError, post } from './api';
import { useApp } from './context';
import type { Appointment, Status } from './types';
import { type Conflict, ConflictNotice, Failure } from './ui';

/** The board's one-tap move for each status (the server still decides what is allowed). */
export const NEXT: Partial<Record<Status, Status>> = {
  pending_approval: 'booked',
  booked: 'confirmed',
  confirmed: 'in_progress',
  in_progress: 'completed',
};

/** A change to one visit, made from the version the page last saw. */
export type Change = (version: number) => Promise<Appointment>;

export const setStatus =
  (id: string, status: Status): Change =>
  (version) =>
    post(`/appointments/${id}/status`, { status, version });

export const moveTo =
  (id: string, start: string, staffId?: string): Change =>
  (version) =>
    post(`/appointments/${id}/move`, { start, staffId, version });

export const cancelWith =
  (id: string, reason: string): Change =>
  (version) =>
    post(`/appointments/${id}/cancel`, { reason, version });

/**
 * Runs changes to visits: on success every screen reloads; a stale version shows what the visit
 * is now and offers the same change on top of it; any other refusal is shown as the server said.
 */
export function useChange() {
  const app = useApp();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (change: Change, version: number): Promise<Appointment | null> => {
    setConflict(null);
    setError(null);
    try {
      const result = await change(version);
      app.changed();
      return result;
    } catch (err) {
      const failure = err instanceof ApiError ? err : new ApiError(0, { error: 'CLIENT', message: String(err) });
      if (failure.body.error === 'STALE_VERSION' && failure.body.current) {
        setConflict({ current: failure.body.current as Appointment, retry: (v) => void run(change, v) });
        app.changed();
      } else setError(failure);
      return null;
    }
  };
  const feedback = (
    <>
      {conflict && <ConflictNotice conflict={conflict} dismiss={() => setConflict(null)} />}
      {error && <Failure error={error} />}
    </>
  );
  return { run, feedback };
}
