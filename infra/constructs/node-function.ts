import { type Duration, type aws_ec2 as ec2, aws_lambda as lambda, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { BuiltBundle } from '../lambda-bundle';
import type { AppSecrets } from './app-secrets';
import type { Network } from './network';

export interface NodeFunctionProps {
  bundle: BuiltBundle;
  description: string;
  network: Network;
  securityGroup: ec2.ISecurityGroup;
  secrets: AppSecrets;
  /** The secret settings this function reads (all when not given). */
  secretSettings?: readonly string[];
  environment: Record<string, string>;
  memorySize: number;
  timeout: Duration;
  logRetentionDays: number;
}

/**
 * One of the app's bundles as a Lambda function: Node 22 on the processor its bundle was built for, in the app subnets, its
 * secrets read at start through the Parameters and Secrets extension, its logs kept as long as
 * the deployment says. The Amazon certificate authorities (for RDS's TLS) are the runtime's own
 * file, loaded only because the database needs them.
 */
export class NodeFunction extends Construct {
  readonly fn: lambda.Function;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetentionDays as logs.RetentionDays });
    this.fn = new lambda.Function(this, 'Function', {
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: props.bundle.architecture === 'x86_64' ? lambda.Architecture.X86_64 : lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(props.bundle.dir),
      memorySize: props.memorySize,
      timeout: props.timeout,
      vpc: props.network.vpc,
      vpcSubnets: props.network.appSubnets,
      securityGroups: [props.securityGroup],
      logGroup: this.logGroup,
      paramsAndSecrets: lambda.ParamsAndSecretsLayerVersion.fromVersion(lambda.ParamsAndSecretsVersions.V1_0_103),
      environment: {
        ...props.environment,
        NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
      },
    });
    for (const [key, value] of Object.entries(props.secrets.forLambda(this.fn, props.secretSettings)))
      this.fn.addEnvironment(key, value);
  }
}
