import { Duration, RemovalPolicy, aws_ec2 as ec2, type aws_logs as logs, aws_rds as rds } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { Network } from './network';

export const DATABASE_NAME = 'textbook';
export const DATABASE_PORT = 5432;

/**
 * RDS Postgres in the isolated subnets: storage encrypted, TLS required, credentials generated
 * into Secrets Manager (the app reads them as DATABASE_SECRET), backups kept a week, a snapshot
 * taken if the stack is ever deleted.
 */
export class Database extends Construct {
  readonly instance: rds.DatabaseInstance;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(
    scope: Construct,
    id: string,
    props: { network: Network; instanceType: string; multiAz: boolean; logRetentionDays: number },
  ) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.network.vpc,
      description: 'Postgres: reachable from the app only',
      allowAllOutbound: false,
    });
    const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17 });
    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      engine,
      instanceType: new ec2.InstanceType(props.instanceType),
      vpc: props.network.vpc,
      vpcSubnets: props.network.dataSubnets,
      securityGroups: [this.securityGroup],
      port: DATABASE_PORT,
      databaseName: DATABASE_NAME,
      credentials: rds.Credentials.fromGeneratedSecret('textbook'),
      storageEncrypted: true,
      storageType: rds.StorageType.GP3,
      allocatedStorage: 20,
      maxAllocatedStorage: 100,
      multiAz: props.multiAz,
      publiclyAccessible: false,
      parameterGroup: new rds.ParameterGroup(this, 'Parameters', {
        engine,
        parameters: { 'rds.force_ssl': '1' },
      }),
      backupRetention: Duration.days(7),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      cloudwatchLogsExports: ['postgresql'],
      cloudwatchLogsRetention: props.logRetentionDays as logs.RetentionDays,
      autoMinorVersionUpgrade: true,
    });
  }

  get secret() {
    return this.instance.secret!;
  }

  /** Postgres connections the instance class allows (RDS's default: memory / 9,531,392 bytes). */
  static maxConnections(instanceType: string): number {
    const gib: Record<string, number> = { micro: 1, small: 2, medium: 4, large: 8, xlarge: 16, '2xlarge': 32 };
    const size = instanceType.split('.').pop() ?? 'micro';
    return Math.floor(((gib[size] ?? 1) * 2 ** 30) / 9_531_392);
  }
}
