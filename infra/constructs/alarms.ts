import {
  Duration,
  aws_cloudwatch as cloudwatch,
  aws_cloudwatch_actions as actions,
  type aws_rds as rds,
  aws_sns as sns,
  aws_sns_subscriptions as subscriptions,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { LATE_REMINDER_SECONDS } from '../../core/metrics-report';
import { AppMetrics } from './app-metrics';

/** Why each threshold is where it is: see the comments; tests read them from here. */
export const THRESHOLDS = {
  /** 5xx answers to webhooks in 5 minutes: Twilio does not retry inbound messages without a Fallback URL. */
  webhook5xx: 3,
  /** p95 latency, ms, two 5-minute periods in a row: a third of Twilio's 15 s, well before it gives up. */
  webhookP95Ms: 5_000,
  /** Jobs waiting, over 10 minutes: far past a normal burst (a morning of reminders drains in seconds). */
  queueWaiting: 500,
  /** Seconds the oldest waiting job has waited: reminders and notices are minutes-sensitive. */
  oldestWaitingSeconds: 300,
  /** Jobs failed for good in 15 minutes (retries exhausted): a few are invalid numbers, more is an outage. */
  jobsFailed: 5,
  /** Reminders accepted by Twilio more than LATE_REMINDER_SECONDS after their time, in 5 minutes: any. */
  lateReminders: 1,
  /** Share of Lex calls the local engine had to answer instead, over 15 minutes with at least 20 calls. */
  lexFallbackShare: 0.3,
  lexMinCalls: 20,
  /** RDS: CPU % over 15 minutes, free storage (bytes), connections as a share of what the class allows. */
  rdsCpuPercent: 80,
  rdsFreeStorageBytes: 2 * 1024 ** 3,
  rdsConnectionsShare: 0.8,
} as const;

export interface AlarmsProps {
  email?: string;
  webhook: { serverErrors: cloudwatch.IMetric; latency: cloudwatch.IMetric };
  database: rds.DatabaseInstance;
  databaseMaxConnections: number;
}

/**
 * What pages the operator, all on one SNS topic (e-mail when the deployment gives an address;
 * any other subscription can be added): the webhook's errors and latency, the queues, failed
 * jobs, late reminders, Lex falling back, and the database's CPU, storage and connections. Log
 * metrics that are absent (nothing happened) count as fine.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: Record<string, cloudwatch.Alarm> = {};

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Textbook alarms' });
    if (props.email) this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    const five = Duration.minutes(5);
    const fifteen = Duration.minutes(15);
    const db = props.database;

    this.add('Webhook5xx', props.webhook.serverErrors, THRESHOLDS.webhook5xx, '5xx answers to Twilio webhooks');
    this.add('WebhookLatencyP95', props.webhook.latency, THRESHOLDS.webhookP95Ms, 'Webhook p95 latency (ms)', {
      periods: 2,
    });
    this.add('QueueDepth', AppMetrics.metric('queueWaiting', five), THRESHOLDS.queueWaiting, 'Jobs waiting', {
      periods: 2,
    });
    this.add(
      'OldestWaitingJob',
      AppMetrics.metric('queueOldestWaitingSeconds', five),
      THRESHOLDS.oldestWaitingSeconds,
      'Seconds the oldest waiting job has waited',
    );
    this.add('FailedJobs', AppMetrics.metric('jobsFailed', fifteen), THRESHOLDS.jobsFailed, 'Jobs failed for good');
    this.add(
      'LateReminders',
      AppMetrics.metric('remindersLate', five),
      THRESHOLDS.lateReminders,
      `Reminders sent over ${LATE_REMINDER_SECONDS} s late`,
    );
    this.add(
      'LexFallbacks',
      new cloudwatch.MathExpression({
        expression: `IF(calls >= ${THRESHOLDS.lexMinCalls}, fallbacks / calls, 0)`,
        usingMetrics: {
          calls: AppMetrics.metric('lexCalls', fifteen),
          fallbacks: AppMetrics.metric('lexFallbacks', fifteen),
        },
        period: fifteen,
        label: 'Share of Lex calls answered locally instead',
      }),
      THRESHOLDS.lexFallbackShare,
      'Share of Lex calls the local engine answered instead',
    );
    this.add('DatabaseCpu', db.metricCPUUtilization({ period: five }), THRESHOLDS.rdsCpuPercent, 'RDS CPU %', {
      periods: 3,
      missing: cloudwatch.TreatMissingData.MISSING,
    });
    this.add(
      'DatabaseStorage',
      db.metricFreeStorageSpace({ period: five }),
      THRESHOLDS.rdsFreeStorageBytes,
      'RDS free storage (bytes)',
      { below: true, missing: cloudwatch.TreatMissingData.MISSING },
    );
    this.add(
      'DatabaseConnections',
      db.metricDatabaseConnections({ period: five, statistic: 'Maximum' }),
      Math.floor(props.databaseMaxConnections * THRESHOLDS.rdsConnectionsShare),
      'RDS connections',
      { missing: cloudwatch.TreatMissingData.MISSING },
    );
  }

  private add(
    id: string,
    metric: cloudwatch.IMetric,
    threshold: number,
    description: string,
    options: { periods?: number; below?: boolean; missing?: cloudwatch.TreatMissingData } = {},
  ): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: options.periods ?? 1,
      comparisonOperator: options.below
        ? cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD
        : cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: options.missing ?? cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: `Textbook: ${description}`,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms[id] = alarm;
  }
}
