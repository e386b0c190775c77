import { Stack } from 'aws-cdk-lib';
import type { Settings } from '../settings';
import type { Cache } from './cache';
import type { LexBot } from './lex-bot';

/**
 * The app's plain settings (README, "Configuration") for every process of the deployment. The
 * secret ones come from AppSecrets.
 */
export function appEnvironment(props: {
  settings: Settings;
  publicBaseUrl: string;
  cache: Cache;
  lex: LexBot;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PUBLIC_BASE_URL: props.publicBaseUrl,
    TWILIO_ACCOUNT_SID: props.settings.twilioAccountSid,
    REDIS_URL: props.cache.url,
    REDIS_PREFIX: 'textbook',
    LEX_REGION: Stack.of(props.lex).region,
    LEX_BOT_ID: props.lex.bot.attrId,
    LEX_BOT_ALIAS_ID: props.lex.alias.attrBotAliasId,
    LOG_LEVEL: 'info',
  };
}
