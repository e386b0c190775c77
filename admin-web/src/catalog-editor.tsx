import { useState } from 'preact/hooks';
import { ApiError, post, put } from './api';
import { useApp } from './context';
import { WEEKDAYS, weekdayName } from './time';
import type { Catalog, Hours, Service } from './types';
import { Failure, Field, Notice } from './ui';

type Outcome = 'saved' | ApiError | null;

/**
 * Saves an edit made from the catalog's version; a stale one reloads the catalog (someone else
 * saved first) and says so, anything refused shows the business file's own message.
 */
function useSave() {
  const app = useApp();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const save = async (request: (version: number) => Promise<Catalog>) => {
    setOutcome(null);
    try {
      await request(app.catalog.version);
      await app.reloadCatalog();
      setOutcome('saved');
    } catch (error) {
      if (error instanceof ApiError && error.body.error === 'STALE_VERSION') await app.reloadCatalog();
      setOutcome(error as ApiError);
    }
  };
  const feedback =
    outcome === 'saved' ? (
      <Notice>{app.tx.t('saved')}</Notice>
    ) : outcome ? (
      <Failure
        error={
          outcome.body.error === 'STALE_VERSION'
            ? new ApiError(409, { ...outcome.body, message: app.tx.t('catalogChanged') })
            : outcome
        }
      />
    ) : null;
  return { save, feedback };
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function ServiceRow({ service }: { service?: Service }) {
  const { tx, catalog } = useApp();
  const locale = catalog.locale as 'en' | 'es';
  const [key, setKey] = useState('');
  const [name, setName] = useState(service?.names[locale] ?? '');
  const [duration, setDuration] = useState(String(service?.durationMinutes ?? 30));
  const [buffer, setBuffer] = useState(String(service?.bufferMinutes ?? 0));
  const [price, setPrice] = useState(service?.price === null || !service ? '' : String(service.price));
  const [synonyms, setSynonyms] = useState((service?.synonyms[locale] ?? []).join(', '));
  const [active, setActive] = useState(service?.active ?? true);
  const { save, feedback } = useSave();
  const submit = (event: Event) => {
    event.preventDefault();
    const body = {
      names: { ...service?.names, [locale]: name.trim() },
      synonyms: { ...service?.synonyms, [locale]: list(synonyms) },
      durationMinutes: Number(duration),
      bufferMinutes: Number(buffer),
      price: price.trim() === '' ? null : Number(price),
      active,
    };
    void save((version) =>
      service
        ? put(`/catalog/services/${service.id}`, { ...body, version })
        : post('/catalog/services', { ...body, key: key.trim(), version }),
    );
  };
  return (
    <form class="service-row" onSubmit={submit} data-service={service?.key ?? 'new'}>
      {!service && (
        <Field label={tx.t('key')}>
          <input required value={key} pattern="[a-z0-9][a-z0-9-]*" onInput={(e) => setKey(e.currentTarget.value)} />
        </Field>
      )}
      <Field label={tx.t('name')}>
        <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field label={tx.t('duration')}>
        <input type="number" min={1} value={duration} onInput={(e) => setDuration(e.currentTarget.value)} />
      </Field>
      <Field label={tx.t('buffer')}>
        <input type="number" min={0} value={buffer} onInput={(e) => setBuffer(e.currentTarget.value)} />
      </Field>
      <Field label={tx.t('price')}>
        <input type="number" min={0} step="0.01" value={price} onInput={(e) => setPrice(e.currentTarget.value)} />
      </Field>
      <Field label={tx.t('synonyms')}>
        <input value={synonyms} onInput={(e) => setSynonyms(e.currentTarget.value)} />
      </Field>
      <label class="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} /> {tx.t('active')}
      </label>
      <button type="submit">{service ? tx.t('save') : tx.t('addService')}</button>
      {feedback}
    </form>
  );
}

function HoursForm({ title, hours, path }: { title: string; hours: Hours; path: string }) {
  const { tx } = useApp();
  const [text, setText] = useState<Record<string, string>>(
    Object.fromEntries(WEEKDAYS.map((d) => [d, (hours[d] ?? []).join(', ')])),
  );
  const { save, feedback } = useSave();
  const submit = (event: Event) => {
    event.preventDefault();
    const asHours = Object.fromEntries(WEEKDAYS.filter((d) => list(text[d]).length).map((d) => [d, list(text[d])]));
    void save((version) => put(path, { version, hours: asHours }));
  };
  return (
    <form class="hours" onSubmit={submit}>
      <h3>{title}</h3>
      <p class="muted">{tx.t('hoursHint')}</p>
      {WEEKDAYS.map((d, i) => (
        <Field key={d} label={weekdayName(i, tx.locale)}>
          <input value={text[d]} data-day={d} onInput={(e) => setText({ ...text, [d]: e.currentTarget.value })} />
        </Field>
      ))}
      <button type="submit">{tx.t('save')}</button>
      {feedback}
    </form>
  );
}

/** Services (name, minutes, buffer, price, other names, offered) and the weekly hours of the business and each staff member. */
export function CatalogEditor() {
  const { tx, catalog } = useApp();
  return (
    <section aria-label={tx.t('catalog')}>
      <h2>{tx.t('services')}</h2>
      {catalog.services.map((s) => (
        <ServiceRow key={s.id} service={s} />
      ))}
      <ServiceRow key={`new-${catalog.services.length}`} />
      <div class="hours-grid">
        <HoursForm title={tx.t('hours')} hours={catalog.hours} path="/catalog/hours" />
        {catalog.staff
          .filter((s) => s.active)
          .map((s) => (
            <HoursForm
              key={s.id}
              title={tx.t('staffHours', { name: s.name })}
              hours={s.hours}
              path={`/catalog/staff/${s.id}/hours`}
            />
          ))}
      </div>
    </section>
  );
}
