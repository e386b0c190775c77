import { Duration, aws_applicationautoscaling as autoscaling, type aws_ec2 as ec2, aws_ecs as ecs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IMAGE_COMMANDS } from '../image-commands';
import { AppMetrics } from './app-metrics';
import { AppTask, type AppTaskProps } from './app-task';
import type { Network } from './network';

/**
 * The workers on Fargate (BullMQ needs a process that stays up): one task always, more while jobs
 * wait — step scaling on the deepest queue the workers report, one task back when it drains.
 */
export class WorkersService extends Construct {
  readonly service: ecs.FargateService;
  readonly task: AppTask;

  constructor(
    scope: Construct,
    id: string,
    props: Omit<AppTaskProps, 'command' | 'cpu' | 'memoryLimitMiB'> & {
      cluster: ecs.ICluster;
      network: Network;
      securityGroup: ec2.ISecurityGroup;
      maxTasks: number;
    },
  ) {
    super(scope, id);
    this.task = new AppTask(this, 'Workers', {
      ...props,
      command: IMAGE_COMMANDS.workers,
      cpu: 256,
      memoryLimitMiB: 512,
    });
    this.service = new ecs.FargateService(this, 'Service', {
      cluster: props.cluster,
      taskDefinition: this.task.definition,
      desiredCount: 1,
      vpcSubnets: props.network.appSubnets,
      securityGroups: [props.securityGroup],
      assignPublicIp: false,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { rollback: true },
    });
    const scaling = this.service.autoScaleTaskCount({ minCapacity: 1, maxCapacity: props.maxTasks });
    scaling.scaleOnMetric('QueueDepth', {
      metric: AppMetrics.metric('queueWaiting'),
      adjustmentType: autoscaling.AdjustmentType.CHANGE_IN_CAPACITY,
      scalingSteps: [
        { upper: 50, change: -1 },
        { lower: 500, change: +1 },
        { lower: 5_000, change: +2 },
      ],
      cooldown: Duration.minutes(3),
    });
  }
}
