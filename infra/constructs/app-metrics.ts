import { Duration, aws_cloudwatch as cloudwatch, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { METRICS_LOG_MESSAGE, REPORTED_COUNTS, REPORTED_LEVELS, type ReportedField } from '../../core/metrics-report';

export const METRIC_NAMESPACE = 'Textbook';

/**
 * The app's own numbers in CloudWatch: each field of the `metrics` log line every process writes
 * (core/metrics-report.ts) becomes a metric of the same name in the Textbook namespace, through a
 * metric filter on each log group that receives such lines. No agent, no PutMetricData calls.
 */
export class AppMetrics extends Construct {
  constructor(scope: Construct, id: string, props: { logGroups: logs.ILogGroup[] }) {
    super(scope, id);
    props.logGroups.forEach((logGroup, i) => {
      for (const field of [...REPORTED_COUNTS, ...REPORTED_LEVELS]) {
        new logs.MetricFilter(this, `${field}${i}`, {
          logGroup,
          metricNamespace: METRIC_NAMESPACE,
          metricName: field,
          filterPattern: logs.FilterPattern.all(
            logs.FilterPattern.stringValue('$.msg', '=', METRICS_LOG_MESSAGE),
            // Every field is a count or a level, never below zero: this matches it whenever present.
            logs.FilterPattern.numberValue(`$.metrics.${field}`, '>=', 0),
          ),
          metricValue: `$.metrics.${field}`,
        });
      }
    });
  }

  /** Counts add up over the period; levels (queues) take the highest any process reported. */
  static metric(field: ReportedField, period = Duration.minutes(1)): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: METRIC_NAMESPACE,
      metricName: field,
      statistic: (REPORTED_LEVELS as readonly string[]).includes(field) ? 'Maximum' : 'Sum',
      period,
    });
  }
}
