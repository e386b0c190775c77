import type { ComponentChildren } from 'preact';
import type { ApiError } from './api';
import { useApp } from './context';
import { whenLabel } from './time';
import type { Appointment, Staff } from './types';

export function Loading() {
  const { tx } = useApp();
  return (
    <p class="state loading" role="status">
      {tx.t('loading')}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state empty">{children}</p>;
}

/** A failure said plainly, with a way to try again. */
export function Failure({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { tx } = useApp();
  return (
    <div class="banner error" role="alert">
      <span>{error.status === 0 ? tx.t('offline') : error.message}</span>
      {retry && (
        <button type="button" onClick={retry}>
          {tx.t('retry')}
        </button>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <p class="banner ok" role="status">
      {children}
    </p>
  );
}

export interface Conflict {
  current: Appointment;
  retry: (version: number) => void;
}

/** A stale change (409): what the visit is now, and the same change applied to that. */
export function ConflictNotice({ conflict, dismiss }: { conflict: Conflict; dismiss: () => void }) {
  const { tx, zone } = useApp();
  const { current } = conflict;
  return (
    <div class="banner conflict" role="alert">
      <strong>{tx.t('conflict')}</strong>{' '}
      {tx.t('conflictNow', { status: tx.status(current.status), when: whenLabel(current.startsAt, zone, tx.locale) })}
      <div class="actions">
        <button type="button" onClick={() => conflict.retry(current.version)}>
          {tx.t('retryWithLatest')}
        </button>
        <button type="button" class="quiet" onClick={dismiss}>
          {tx.t('dismiss')}
        </button>
      </div>
    </div>
  );
}

export function Field({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child, which the label wraps
    <label class="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** A choice of staff member; with `anyone`, a first option that leaves the choice to the booking. */
export function StaffSelect({
  staff,
  value,
  onChange,
  anyone,
}: {
  staff: Staff[];
  value: string;
  onChange: (id: string) => void;
  anyone?: string;
}) {
  const { tx } = useApp();
  return (
    <Field label={tx.t('staff')}>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {anyone && <option value="">{anyone}</option>}
        {staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
