import { z } from 'zod';
import { ConfigError } from './config';

type Env = Record<string, string | undefined>;

const secretArns = z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.string().min(1));

/**
 * Settings kept in Secrets Manager, read once at start on Lambda through the AWS Parameters and
 * Secrets Lambda Extension (an HTTP endpoint on localhost, no SDK in the bundle). `SECRET_ARNS`
 * maps a setting's name to its secret (`{"TWILIO_AUTH_TOKEN":"arn:aws:secretsmanager:…"}`); each
 * secret's text becomes that setting, then loadConfig checks it like any other. Fargate tasks get
 * the same settings from ECS's own secret injection and never set SECRET_ARNS.
 */
export async function withSecrets(env: Env, timeoutMs = 5_000): Promise<Env> {
  if (!env.SECRET_ARNS) return env;
  const parsed = secretArns.safeParse(safeJson(env.SECRET_ARNS));
  if (!parsed.success) throw new ConfigError(['SECRET_ARNS: expected a JSON object of setting names to secret ARNs']);
  const port = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';
  const token = env.AWS_SESSION_TOKEN ?? '';
  const entries = await Promise.all(
    Object.entries(parsed.data).map(async ([name, secretId]) => {
      const url = `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`;
      try {
        const response = await fetch(url, {
          headers: { 'X-Aws-Parameters-Secrets-Token': token },
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) throw new Error(`the extension answered ${response.status}`);
        const { SecretString } = (await response.json()) as { SecretString?: string };
        if (typeof SecretString !== 'string') throw new Error('the secret has no text');
        return [name, SecretString] as const;
      } catch (error) {
        // Names the setting and the cause, never a value.
        throw new ConfigError([`${name}: could not read its secret (${(error as Error).message})`]);
      }
    }),
  );
  return { ...env, ...Object.fromEntries(entries) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
