import { useState } from 'preact/hooks';
import { type ApiError, post } from './api';
import { texts } from './i18n';
import type { MeView } from './types';
import { Field } from './ui';

/** Signing in; the page speaks the browser's language here, the business's once signed in. */
export function Login({ signedIn }: { signedIn: (me: MeView) => void }) {
  const tx = texts(navigator.language.startsWith('es') ? 'es' : 'en');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await post<MeView>('/login', { email, password }));
    } catch (err) {
      const failure = err as ApiError;
      setError(failure.body?.error === 'WRONG_CREDENTIALS' ? tx.t('wrongLogin') : failure.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <form onSubmit={submit} class="panel">
        <h1>Textbook</h1>
        <Field label={tx.t('email')}>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </Field>
        <Field label={tx.t('password')}>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </Field>
        {error && (
          <p class="banner error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {tx.t('signIn')}
        </button>
      </form>
    </main>
  );
}
