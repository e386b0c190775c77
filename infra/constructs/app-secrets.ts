import { aws_ecs as ecs, type aws_iam as iam, aws_secretsmanager as secretsmanager } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * The app's settings that are secrets, each in Secrets Manager under the setting's name and read
 * by the process at start: Lambda through the Parameters and Secrets extension (`SECRET_ARNS`,
 * core/config-secrets.ts), ECS by injecting them into the container's environment. The Twilio
 * auth token is the operator's to set (README, "Deploy to AWS"); the rest are generated here or by
 * RDS and ElastiCache.
 */
export class AppSecrets extends Construct {
  readonly twilioAuthToken: secretsmanager.Secret;
  readonly bySetting: Record<string, secretsmanager.ISecret>;

  constructor(
    scope: Construct,
    id: string,
    props: { database: secretsmanager.ISecret; redisPassword: secretsmanager.ISecret },
  ) {
    super(scope, id);
    this.twilioAuthToken = new secretsmanager.Secret(this, 'TwilioAuthToken', {
      description: 'Textbook: the Twilio account auth token (TWILIO_AUTH_TOKEN); set it after the first deploy',
      // A placeholder nobody knows: webhooks are refused (403) until the real token is set.
      generateSecretString: { passwordLength: 32, excludePunctuation: true },
    });
    const generated = (name: string, description: string) =>
      new secretsmanager.Secret(this, name, {
        description,
        generateSecretString: { passwordLength: 48, excludePunctuation: true },
      });
    this.bySetting = {
      TWILIO_AUTH_TOKEN: this.twilioAuthToken,
      SESSION_SECRET: generated('SessionSecret', 'Textbook: signs admin sessions (SESSION_SECRET)'),
      METRICS_TOKEN: generated('MetricsToken', 'Textbook: bearer token for /metrics (METRICS_TOKEN)'),
      DATABASE_SECRET: props.database,
      REDIS_PASSWORD: props.redisPassword,
    };
  }

  /**
   * For Lambda: which secret each setting comes from, and the right to read exactly those (all,
   * or the `only` ones a function needs).
   */
  forLambda(grantee: iam.IGrantable, only?: readonly string[]): Record<string, string> {
    const chosen = Object.entries(this.bySetting).filter(([name]) => !only || only.includes(name));
    for (const [, secret] of chosen) secret.grantRead(grantee);
    return { SECRET_ARNS: JSON.stringify(Object.fromEntries(chosen.map(([name, s]) => [name, s.secretArn]))) };
  }

  /** For ECS: injected at start by the task's execution role (ECS grants it the reads). */
  forContainer(): Record<string, ecs.Secret> {
    return Object.fromEntries(
      Object.entries(this.bySetting).map(([name, secret]) => [name, ecs.Secret.fromSecretsManager(secret)]),
    );
  }
}
