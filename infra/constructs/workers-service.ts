import { Duration, aws_applicationautoscaling as autoscaling, type aws_ecs as ecs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IMAGE_COMMANDS } from '../image-commands';
import { AppMetrics } from './app-metrics';
import { type AppServiceProps, AppTask, appService } from './app-task';

/**
 * The workers on Fargate (BullMQ needs a process that stays up): one task always, more while jobs
 * wait — step scaling on the deepest queue the workers report, one task back when it drains.
 */
export class WorkersService extends Construct {
  readonly service: ecs.FargateService;
  readonly task: AppTask;

  constructor(scope: Construct, id: string, props: AppServiceProps & { maxTasks: number }) {
    super(scope, id);
    this.task = new AppTask(this, 'Workers', {
      ...props,
      command: IMAGE_COMMANDS.workers,
      cpu: 256,
      memoryLimitMiB: 512,
    });
    this.service = appService(this.task, { ...props, desiredCount: 1 });
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
