import { useEffect, useMemo, useState } from 'preact/hooks';
import { get, post, setCsrfToken, whenSignedOut } from './api';
import { AppointmentPanel } from './appointment-panel';
import { BlockTime } from './block-time';
import { CatalogEditor } from './catalog-editor';
import { type AppContext, Ctx, type Screen } from './context';
import { CustomerPanel, Customers } from './customers';
import { DayTimeline } from './day-timeline';
import { ExportPanel } from './export-panel';
import { texts } from './i18n';
import { Login } from './login';
import { StatusBoard } from './status-board';
import { addDays, dateOf, dayLabel, timeOf } from './time';
import type { Catalog, MeView } from './types';
import { WalkIn } from './walk-in';
import { WeekView } from './week-view';

const REFRESH_MS = 60_000;
const SCREENS: Screen[] = ['day', 'week', 'board', 'customers', 'new', 'block', 'catalog', 'export'];
const TAB_LABEL = { new: 'newBooking', block: 'block' } as const;

/** Signed in or not: the session is the server's (a cookie the page cannot read), so it asks. */
export function App() {
  const [me, setMe] = useState<MeView | null | undefined>(undefined);
  const signedIn = (who: MeView) => {
    setCsrfToken(who.csrfToken);
    setMe(who);
  };
  useEffect(() => {
    whenSignedOut(() => setMe(null));
    get<MeView>('/me').then(signedIn, () => setMe(null));
  }, []);
  if (me === undefined) return <p class="boot">…</p>;
  if (me === null) return <Login signedIn={signedIn} />;
  return <FrontDesk me={me} signOut={() => post('/logout').finally(() => setMe(null))} />;
}

function FrontDesk({ me, signOut }: { me: MeView; signOut: () => void }) {
  const tx = useMemo(() => texts(me.business.locale), [me.business.locale]);
  // The server's clock, carried forward by the device's: the page's "now" and "today" are the shop's.
  const skew = useMemo(() => new Date(me.now).getTime() - Date.now(), [me.now]);
  const zone = me.business.timezone;
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [screen, setScreen] = useState<Screen>('day');
  const [date, setDate] = useState(me.today);
  const [tick, setTick] = useState(0);
  const [refreshedAt, setRefreshedAt] = useState(new Date());
  const [appointment, openAppointment] = useState<string | null>(null);
  const [customer, openCustomer] = useState<string | null>(null);
  const reloadCatalog = async () => setCatalog(await get<Catalog>('/catalog'));
  useEffect(() => {
    document.documentElement.lang = me.business.locale;
    void reloadCatalog();
    const timer = setInterval(() => {
      setTick((n) => n + 1);
      setRefreshedAt(new Date());
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  if (!catalog) return <p class="boot">{tx.t('loading')}</p>;
  const now = () => new Date(Date.now() + skew);
  const ctx: AppContext = {
    me,
    tx,
    zone,
    catalog,
    date,
    setDate,
    now,
    today: () => dateOf(now(), zone),
    tick,
    changed: () => setTick((n) => n + 1),
    reloadCatalog,
    openAppointment: (id) => {
      openCustomer(null);
      openAppointment(id);
    },
    openCustomer: (id) => {
      openAppointment(null);
      openCustomer(id);
    },
    go: setScreen,
  };
  const dated = screen === 'day' || screen === 'board' || screen === 'week';
  const step = screen === 'week' ? 7 : 1;
  return (
    <Ctx.Provider value={ctx}>
      <header class="top">
        <div class="brand">
          <strong>{me.business.name}</strong>
          <small>{tx.t('refreshed', { time: timeOf(new Date(refreshedAt.getTime() + skew), zone, tx.locale) })}</small>
        </div>
        <button type="button" class="quiet" onClick={signOut}>
          {tx.t('signOut')}
        </button>
      </header>
      <nav class="tabs" aria-label="screens">
        {SCREENS.map((s) => (
          <button
            type="button"
            key={s}
            class={s === screen ? 'tab active' : 'tab'}
            aria-current={s === screen}
            onClick={() => setScreen(s)}
          >
            {tx.t(s in TAB_LABEL ? TAB_LABEL[s as keyof typeof TAB_LABEL] : (s as Exclude<Screen, 'new' | 'block'>))}
          </button>
        ))}
      </nav>
      {dated && (
        <div class="date-bar">
          <button type="button" aria-label={tx.t('previous')} onClick={() => setDate(addDays(date, -step))}>
            ‹
          </button>
          <input
            type="date"
            value={date}
            aria-label={tx.t('date')}
            onInput={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
          />
          <button type="button" aria-label={tx.t('next')} onClick={() => setDate(addDays(date, step))}>
            ›
          </button>
          <button type="button" class="quiet" onClick={() => setDate(ctx.today())}>
            {tx.t('today')}
          </button>
          <span class="date-label">{dayLabel(date, tx.locale, true)}</span>
        </div>
      )}
      <main class={`screen screen-${screen}`}>
        {screen === 'day' && <DayTimeline />}
        {screen === 'week' && <WeekView />}
        {screen === 'board' && <StatusBoard />}
        {screen === 'customers' && <Customers />}
        {screen === 'new' && <WalkIn />}
        {screen === 'block' && <BlockTime />}
        {screen === 'catalog' && <CatalogEditor />}
        {screen === 'export' && <ExportPanel />}
      </main>
      {appointment && <AppointmentPanel id={appointment} close={() => openAppointment(null)} />}
      {customer && <CustomerPanel id={customer} close={() => openCustomer(null)} />}
    </Ctx.Provider>
  );
}
