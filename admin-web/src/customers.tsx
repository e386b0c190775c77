import { useEffect, useState } from 'preact/hooks';
import { type ApiError, get, post } from './api';
import { Sheet } from './appointment-panel';
import { useApp } from './context';
import { useLoad } from './hooks';
import { whenLabel } from './time';
import type { ConversationView, CustomerFull, CustomerSummary } from './types';
import { Empty, Failure, Field, Loading, Notice } from './ui';

/** Customers by name or phone; each opens with their visits and conversation. */
export function Customers() {
  const app = useApp();
  const { tx } = app;
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useLoad(
    () => get<{ customers: CustomerSummary[] }>(`/customers?q=${encodeURIComponent(q)}`),
    [q, app.tick],
  );
  return (
    <section aria-label={tx.t('customers')}>
      <input
        type="search"
        class="search"
        placeholder={tx.t('search')}
        aria-label={tx.t('search')}
        value={typed}
        onInput={(e) => setTyped(e.currentTarget.value)}
      />
      {found.error && <Failure error={found.error} retry={found.reload} />}
      {found.loading && <Loading />}
      {found.data?.customers.length === 0 && <Empty>{tx.t('noCustomers')}</Empty>}
      <ul class="list">
        {found.data?.customers.map((c) => (
          <li key={c.id}>
            <button type="button" class="row" onClick={() => app.openCustomer(c.id)}>
              <b>{c.name ?? c.phone}</b> {c.name && c.phone}
              {c.optedOutAt && <em class="warn">{tx.t('optedOut')}</em>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One customer: details, visits, no-shows, and the whole conversation with a reply box. */
export function CustomerPanel({ id, close }: { id: string; close: () => void }) {
  const app = useApp();
  const { tx, zone } = app;
  const loaded = useLoad(
    () => Promise.all([get<CustomerFull>(`/customers/${id}`), get<ConversationView>(`/customers/${id}/messages`)]),
    [id, app.tick],
  );
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; error: ApiError } | null>(null);
  // Replies sent from here that the workers have not written down yet (the outbox is asynchronous):
  // shown at once as queued, and the conversation read again every two seconds until they are in.
  const [pending, setPending] = useState<string[]>([]);
  const recorded = (body: string) =>
    loaded.data?.[1].messages.some((m) => m.direction === 'outbound' && m.purpose === 'admin_reply' && m.body === body);
  const waiting = pending.filter((body) => !recorded(body));
  useEffect(() => {
    if (waiting.length === 0) return;
    const timer = setTimeout(loaded.reload, 2_000);
    return () => clearTimeout(timer);
  });
  const send = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    setSending(true);
    setOutcome(null);
    try {
      await post(`/customers/${id}/messages`, { text: text.trim() });
      setPending([...waiting, text.trim()]);
      setText('');
      setOutcome({ ok: true });
      loaded.reload();
    } catch (error) {
      setOutcome({ ok: false, error: error as ApiError });
    } finally {
      setSending(false);
    }
  };
  const body = () => {
    if (loaded.error && !loaded.data) return <Failure error={loaded.error} retry={loaded.reload} />;
    if (!loaded.data) return <Loading />;
    const [detail, conversation] = loaded.data;
    const { customer } = detail;
    return (
      <>
        <h2>{customer.name ?? customer.phone}</h2>
        <dl class="details">
          <dt>{tx.t('phone')}</dt>
          <dd>{customer.phone}</dd>
          {customer.details.address && (
            <>
              <dt>{tx.t('address')}</dt>
              <dd>{customer.details.address}</dd>
            </>
          )}
          {customer.details.vehicle && (
            <>
              <dt>{tx.t('vehicle')}</dt>
              <dd>{customer.details.vehicle}</dd>
            </>
          )}
          <dt>{tx.t('noShows')}</dt>
          <dd>{detail.noShows}</dd>
        </dl>
        {customer.optedOutAt && <p class="banner error">{tx.t('optedOut')}</p>}
        <VisitList title={tx.t('upcoming')} visits={detail.upcoming} />
        <VisitList title={tx.t('past')} visits={detail.past} />
        <h3>{tx.t('conversation')}</h3>
        {conversation.messages.length === 0 && <Empty>{tx.t('noMessages')}</Empty>}
        <ul class="messages">
          {conversation.messages.map((m) => (
            <li key={m.id} class={m.direction}>
              <span>{m.body}</span>
              <small>
                {whenLabel(m.createdAt, zone, tx.locale)} · {m.channel}
                {m.direction === 'outbound' && ` · ${m.status}${m.errorCode ? ` (${m.errorCode})` : ''}`}
              </small>
            </li>
          ))}
          {waiting.map((body) => (
            <li key={body} class="outbound pending">
              <span>{body}</span>
              <small>{tx.t('queued')}</small>
            </li>
          ))}
        </ul>
        <form class="reply" onSubmit={send}>
          <Field label={tx.t('reply')}>
            <textarea value={text} rows={2} maxLength={1600} onInput={(e) => setText(e.currentTarget.value)} />
          </Field>
          <button type="submit" disabled={sending || !text.trim()}>
            {tx.t('send')}
          </button>
        </form>
        {outcome?.ok && <Notice>{tx.t('sent')}</Notice>}
        {outcome && !outcome.ok && <Failure error={outcome.error} />}
      </>
    );
  };
  return (
    <Sheet close={close} label={tx.t('close')}>
      {body()}
    </Sheet>
  );
}

function VisitList({ title, visits }: { title: string; visits: CustomerFull['past'] }) {
  const app = useApp();
  const { tx, zone } = app;
  if (visits.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul class="list">
        {visits.map((v) => (
          <li key={v.id}>
            <button type="button" class={`row status-${v.status}`} onClick={() => app.openAppointment(v.id)}>
              {whenLabel(v.startsAt, zone, tx.locale)} · {v.serviceName} · <em>{tx.status(v.status)}</em>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
