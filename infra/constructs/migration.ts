import { CustomResource, Duration, aws_logs as logs, custom_resources as cr } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { NodeFunction, type NodeFunctionProps } from './node-function';

/**
 * The deploy's migration step: a custom resource backed by booking/cli/migrate-lambda.ts, whose
 * `Release` property is the migration bundle's hash. CloudFormation calls it when that changes
 * (new migrations ship in new code), once per deploy, and whatever depends on it — the API and the
 * workers — is updated only after it succeeded; a failed migration fails and rolls back the
 * deploy before new code serves.
 */
export class Migration extends Construct {
  readonly resource: CustomResource;
  readonly function: NodeFunction;

  constructor(
    scope: Construct,
    id: string,
    props: Omit<NodeFunctionProps, 'description' | 'memorySize' | 'timeout' | 'environment' | 'secretSettings'>,
  ) {
    super(scope, id);
    this.function = new NodeFunction(this, 'Migrate', {
      ...props,
      description: 'Textbook: applies database migrations during a deploy',
      memorySize: 512,
      timeout: Duration.minutes(10),
      // The database alone: no Twilio, Redis or Lex settings (so not NODE_ENV=production, whose
      // checks are about Twilio).
      environment: {},
      secretSettings: ['DATABASE_SECRET'],
    });
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: this.function.fn,
      logGroup: new logs.LogGroup(this, 'ProviderLogs', { retention: props.logRetentionDays as logs.RetentionDays }),
    });
    this.resource = new CustomResource(this, 'Schema', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::TextbookSchema',
      properties: { Release: props.bundle.hash },
    });
  }
}
