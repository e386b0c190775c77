import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Texts } from './i18n';
import type { Catalog, MeView } from './types';

export type Screen = 'day' | 'week' | 'board' | 'customers' | 'new' | 'block' | 'catalog' | 'export';

/** What every screen of the signed-in page shares. */
export interface AppContext {
  me: MeView;
  tx: Texts;
  /** The business's IANA zone: every time on the page is shown on its wall clock. */
  zone: string;
  catalog: Catalog;
  /** The day the screens show (YYYY-MM-DD, business's date). */
  date: string;
  setDate(date: string): void;
  /** The business's date today, by the server's clock. */
  today(): string;
  /** The server's time now (the device's clock may be wrong). */
  now(): Date;
  /** Goes up every minute and after every change: screens load again when it moves. */
  tick: number;
  changed(): void;
  reloadCatalog(): Promise<void>;
  openAppointment(id: string): void;
  openCustomer(id: string): void;
  go(screen: Screen): void;
}

export const Ctx = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useApp outside the signed-in page');
  return ctx;
}
