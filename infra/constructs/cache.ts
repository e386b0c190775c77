import { aws_ec2 as ec2, aws_elasticache as elasticache, aws_secretsmanager as secretsmanager } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { Network } from './network';

export const REDIS_PORT = 6379;

/**
 * ElastiCache for Redis in the isolated subnets: TLS in transit (`rediss://`), AUTH with a token
 * generated into Secrets Manager, encrypted at rest, and `noeviction`, which BullMQ requires (an
 * evicted job key would be a lost reminder).
 */
export class Cache extends Construct {
  readonly securityGroup: ec2.SecurityGroup;
  readonly authToken: secretsmanager.Secret;
  readonly replicationGroup: elasticache.CfnReplicationGroup;

  constructor(scope: Construct, id: string, props: { network: Network; nodeType: string }) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.network.vpc,
      description: 'Redis: reachable from the app only',
      allowAllOutbound: false,
    });
    // AUTH tokens: 16-128 printable characters, no @, " or /: letters and digits only here.
    this.authToken = new secretsmanager.Secret(this, 'AuthToken', {
      description: 'Textbook: Redis AUTH token (REDIS_PASSWORD)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    const subnets = new elasticache.CfnSubnetGroup(this, 'Subnets', {
      description: 'Textbook Redis (isolated subnets)',
      subnetIds: props.network.vpc.selectSubnets(props.network.dataSubnets).subnetIds,
    });
    const parameters = new elasticache.CfnParameterGroup(this, 'Parameters', {
      cacheParameterGroupFamily: 'redis7',
      description: 'Textbook: BullMQ needs noeviction',
      properties: { 'maxmemory-policy': 'noeviction' },
    });
    this.replicationGroup = new elasticache.CfnReplicationGroup(this, 'Redis', {
      replicationGroupDescription: 'Textbook queues, rate limits and dedupe',
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: props.nodeType,
      numCacheClusters: 1,
      port: REDIS_PORT,
      cacheSubnetGroupName: subnets.ref,
      cacheParameterGroupName: parameters.ref,
      securityGroupIds: [this.securityGroup.securityGroupId],
      transitEncryptionEnabled: true,
      atRestEncryptionEnabled: true,
      authToken: this.authToken.secretValue.unsafeUnwrap(),
      snapshotRetentionLimit: 1,
    });
  }

  /** Without the password: REDIS_PASSWORD carries it. */
  get url(): string {
    return `rediss://${this.replicationGroup.attrPrimaryEndPointAddress}:${this.replicationGroup.attrPrimaryEndPointPort}`;
  }
}
