import { Duration, type aws_ec2 as ec2, aws_ecs as ecs, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { APP_PORT, HEALTHCHECK_SCRIPT } from '../image-commands';
import type { AppSecrets } from './app-secrets';
import type { Network } from './network';

/** What each of the app's Fargate services takes, besides its task's command and size. */
export type AppServiceProps = Omit<AppTaskProps, 'command' | 'cpu' | 'memoryLimitMiB'> & {
  cluster: ecs.ICluster;
  network: Network;
  securityGroup: ec2.ISecurityGroup;
};

export interface AppTaskProps {
  image: ecs.ContainerImage;
  command: readonly string[];
  environment: Record<string, string>;
  secrets: AppSecrets;
  cpu: number;
  memoryLimitMiB: number;
  logRetentionDays: number;
}

/**
 * One Fargate task of the app's image (Graviton): the service's command, the settings, the
 * secrets injected at start, logs to a group of its own, the image's health check (ECS ignores the
 * Dockerfile's), and a stop timeout past the app's own shutdown bound (20 s), so SIGTERM's
 * graceful stop finishes before ECS would SIGKILL.
 */
export class AppTask extends Construct {
  readonly definition: ecs.FargateTaskDefinition;
  readonly container: ecs.ContainerDefinition;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AppTaskProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetentionDays as logs.RetentionDays });
    this.definition = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: props.cpu,
      memoryLimitMiB: props.memoryLimitMiB,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.ARM64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });
    this.container = this.definition.addContainer('App', {
      image: props.image,
      command: [...props.command],
      environment: { ...props.environment, PORT: String(APP_PORT), HOST: '0.0.0.0', SHUTDOWN_TIMEOUT_SECONDS: '20' },
      secrets: props.secrets.forContainer(),
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: id.toLowerCase() }),
      portMappings: [{ containerPort: APP_PORT }],
      healthCheck: {
        command: ['CMD', 'node', '-e', HEALTHCHECK_SCRIPT],
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(30),
      },
      stopTimeout: Duration.seconds(30),
      readonlyRootFilesystem: true,
    });
  }
}

/**
 * The task as a Fargate service in the app subnets, no public IP: a deploy starts the new tasks
 * before stopping old ones and rolls back when they do not get healthy.
 */
export function appService(
  task: AppTask,
  props: AppServiceProps & { desiredCount: number; healthCheckGracePeriod?: Duration },
): ecs.FargateService {
  return new ecs.FargateService(task, 'Service', {
    cluster: props.cluster,
    taskDefinition: task.definition,
    desiredCount: props.desiredCount,
    vpcSubnets: props.network.appSubnets,
    securityGroups: [props.securityGroup],
    assignPublicIp: false,
    minHealthyPercent: 100,
    maxHealthyPercent: 200,
    circuitBreaker: { rollback: true },
    healthCheckGracePeriod: props.healthCheckGracePeriod,
  });
}
