import { Duration, aws_apigatewayv2 as apigw, type aws_ec2 as ec2 } from 'aws-cdk-lib';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Construct } from 'constructs';
import type { BuiltBundle } from '../lambda-bundle';
import type { AppSecrets } from './app-secrets';
import type { Network } from './network';
import { NodeFunction } from './node-function';

/**
 * The API as two Lambda functions behind one HTTP API: the webhooks' (api/lambda.ts), which
 * answers Twilio inline and takes every path the admin's does not, and the admin side's
 * (api/admin-lambda.ts: its API, the page, the calendar feeds), so that a webhook's cold start
 * neither loads nor compiles the admin's routes, and only the admin's bundle carries argon2.
 * 1 GB buys the CPU a cold start needs; 20 s outlasts Twilio's 15 s patience, so a slow turn is
 * Twilio's timeout, not ours. The pool is two connections: a container serves one request at a time.
 */
/** The admin function's paths (api/admin-routes.ts); API Gateway prefers them to the greedy `/{proxy+}`. */
export const ADMIN_PATHS = ['/api/admin/{proxy+}', '/admin', '/admin/{proxy+}', '/calendar/{proxy+}'];

export class ServerlessApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly function: NodeFunction;
  readonly admin: NodeFunction;

  constructor(
    scope: Construct,
    id: string,
    props: {
      bundle: BuiltBundle;
      adminBundle: BuiltBundle;
      network: Network;
      securityGroup: ec2.ISecurityGroup;
      secrets: AppSecrets;
      /** Everything but PUBLIC_BASE_URL, which may be this API's own URL. */
      environment: Record<string, string>;
      publicBaseUrl?: string;
      logRetentionDays: number;
    },
  ) {
    super(scope, id);
    // The HTTP API exists before the function (which needs its URL); its route, added after,
    // depends on the function: no cycle.
    this.api = new apigw.HttpApi(this, 'HttpApi', { description: 'Textbook: Twilio webhooks and the admin page' });
    const fn = (id: string, bundle: BuiltBundle, description: string) =>
      new NodeFunction(this, id, {
        bundle,
        description,
        network: props.network,
        securityGroup: props.securityGroup,
        secrets: props.secrets,
        memorySize: 1024,
        timeout: Duration.seconds(20),
        logRetentionDays: props.logRetentionDays,
        environment: {
          ...props.environment,
          PUBLIC_BASE_URL: props.publicBaseUrl ?? this.api.apiEndpoint,
          DATABASE_POOL_SIZE: '2',
          // The adapter hands Fastify the caller's address as the peer, and API Gateway appends
          // that same address to X-Forwarded-For and says https in X-Forwarded-Proto: one hop
          // believed gives the true client and protocol (the admin's Secure cookie needs it), and
          // a forged X-Forwarded-For only adds entries further left, which are not read.
          TRUST_PROXY: '1',
        },
      });
    this.function = fn('Api', props.bundle, 'Textbook API: Twilio webhooks answered inline');
    this.admin = fn('Admin', props.adminBundle, 'Textbook admin: the front desk page, its API and calendar feeds');
    this.api.addRoutes({
      path: '/{proxy+}',
      methods: [apigw.HttpMethod.ANY],
      integration: new HttpLambdaIntegration('Lambda', this.function.fn),
    });
    const admin = new HttpLambdaIntegration('AdminLambda', this.admin.fn);
    for (const path of ADMIN_PATHS) this.api.addRoutes({ path, methods: [apigw.HttpMethod.ANY], integration: admin });
  }
}
