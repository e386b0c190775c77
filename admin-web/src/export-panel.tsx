import { useState } from 'preact/hooks';
import { type ApiError, get, post, query } from './api';
import { useApp } from './context';
import { useLoad } from './hooks';
import { addDays, mondayOf } from './time';
import type { Feeds } from './types';
import { Failure, Field } from './ui';

/** The CSV of a range, and the calendar feeds' secret addresses to copy (or replace). */
export function ExportPanel() {
  const app = useApp();
  const { tx } = app;
  const [from, setFrom] = useState(mondayOf(app.date));
  const [to, setTo] = useState(addDays(mondayOf(app.date), 6));
  const [copied, setCopied] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const feeds = useLoad(() => get<{ feeds: Feeds }>('/calendar-feeds'), []);
  const copy = async (url: string) => {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    setCopied(url);
  };
  const rotate = async (staffId: string | null) => {
    try {
      await post('/calendar-feeds/rotate', { staffId });
      feeds.reload();
    } catch (error) {
      setFailure(error as ApiError);
    }
  };
  return (
    <section aria-label={tx.t('export')}>
      <div class="panel">
        <div class="grid">
          <Field label={tx.t('from')}>
            <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </Field>
          <Field label={tx.t('to')}>
            <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </Field>
        </div>
        <a class="button primary" href={`/api/admin/export.csv?${query({ from, to })}`} download>
          {tx.t('csv')}
        </a>
      </div>
      <h2>{tx.t('calendarFeeds')}</h2>
      <p class="muted">{tx.t('calendarHint')}</p>
      {(failure ?? feeds.error) && <Failure error={(failure ?? feeds.error)!} retry={feeds.reload} />}
      <ul class="list feeds">
        {feeds.data?.feeds.map((f) => (
          <li key={f.staffId ?? 'all'}>
            <b>{f.staffId ? f.name : `${f.name} · ${tx.t('wholeBusiness')}`}</b>
            <input readOnly value={f.url} onFocus={(e) => e.currentTarget.select()} aria-label={f.name} />
            <button type="button" onClick={() => copy(f.url)}>
              {copied === f.url ? tx.t('copied') : tx.t('copy')}
            </button>
            <button type="button" class="quiet" onClick={() => rotate(f.staffId)}>
              {tx.t('rotate')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
