import { join } from 'node:path';
import {
  CfnOutput,
  Duration,
  Stack,
  type StackProps,
  Tags,
  aws_cloudwatch as cloudwatch,
  aws_ec2 as ec2,
  aws_ecr_assets as ecrAssets,
  aws_ecs as ecs,
  aws_elasticloadbalancingv2 as elbv2,
  type aws_lex as lex,
  type aws_logs as logs,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Alarms } from './constructs/alarms';
import { appEnvironment } from './constructs/app-environment';
import { AppMetrics } from './constructs/app-metrics';
import { AppSecrets } from './constructs/app-secrets';
import { Cache, REDIS_PORT } from './constructs/cache';
import { ContainerApi } from './constructs/container-api';
import { DATABASE_PORT, Database } from './constructs/database';
import { LexBot } from './constructs/lex-bot';
import { Migration } from './constructs/migration';
import { Network } from './constructs/network';
import { ServerlessApi } from './constructs/serverless-api';
import { WorkersService } from './constructs/workers-service';
import { bundleLambda } from './lambda-bundle';
import type { Settings } from './settings';

const REPOSITORY = join(__dirname, '..');

export interface TextbookStackProps extends StackProps {
  settings: Settings;
  /** The Lex bot's locales, as dialogs/lex-bot's generateLexBot makes them. */
  botLocales: lex.CfnBot.BotLocaleProperty[];
  /** Where the Lambda bundles are written before CDK copies them into the cloud assembly. */
  bundleDir: string;
  /** The built admin page (admin-web/build.ts), shipped beside the admin function's bundle. */
  adminPageDir: string;
}

/**
 * Textbook on AWS, one stack in one of two shapes. Both: the network, RDS Postgres, ElastiCache
 * Redis, the Lex bot, the secrets, the migration step, the workers on Fargate, the app's metrics
 * and the alarms. Serverless (default): the API as a Lambda function behind an HTTP API.
 * Containers: the API on Fargate behind a load balancer, from the workers' image.
 */
export class TextbookStack extends Stack {
  constructor(scope: Construct, id: string, props: TextbookStackProps) {
    super(scope, id, props);
    const { settings } = props;
    Tags.of(this).add('app', 'textbook');
    const network = new Network(this, 'Network', { natGateways: settings.natGateways });
    const database = new Database(this, 'Database', {
      network,
      instanceType: settings.dbInstanceType,
      multiAz: settings.dbMultiAz,
      logRetentionDays: settings.logRetentionDays,
    });
    const cache = new Cache(this, 'Cache', { network, nodeType: settings.cacheNodeType });
    const lexBot = new LexBot(this, 'Lex', { botLocales: props.botLocales });
    const secrets = new AppSecrets(this, 'Secrets', { database: database.secret, redisPassword: cache.authToken });

    const appSecurityGroup = new ec2.SecurityGroup(this, 'AppSecurityGroup', {
      vpc: network.vpc,
      description: 'Textbook app: Lambda functions and tasks (out to Twilio, Lex, AWS APIs)',
    });
    database.securityGroup.addIngressRule(appSecurityGroup, ec2.Port.tcp(DATABASE_PORT), 'app to Postgres');
    cache.securityGroup.addIngressRule(appSecurityGroup, ec2.Port.tcp(REDIS_PORT), 'app to Redis');

    const migration = new Migration(this, 'Migration', {
      bundle: bundleLambda('migrate', props.bundleDir),
      network,
      securityGroup: appSecurityGroup,
      secrets,
      logRetentionDays: settings.logRetentionDays,
    });

    const cluster = new ecs.Cluster(this, 'Cluster', { vpc: network.vpc });
    const image = settings.image
      ? ecs.ContainerImage.fromRegistry(settings.image)
      : ecs.ContainerImage.fromAsset(REPOSITORY, { platform: ecrAssets.Platform.LINUX_ARM64 });
    const common = (publicBaseUrl: string) => appEnvironment({ settings, publicBaseUrl, cache, lex: lexBot });
    const services = {
      cluster,
      network,
      securityGroup: appSecurityGroup,
      image,
      secrets,
      logRetentionDays: settings.logRetentionDays,
    };

    let publicBaseUrl: string;
    let webhook: { serverErrors: cloudwatch.IMetric; latency: cloudwatch.IMetric };
    let apiLogGroup: logs.ILogGroup;
    if (settings.shape === 'serverless') {
      const api = new ServerlessApi(this, 'Api', {
        bundle: bundleLambda('api', props.bundleDir),
        adminBundle: bundleLambda('admin', props.bundleDir, { 'admin-web': props.adminPageDir }),
        network,
        securityGroup: appSecurityGroup,
        secrets,
        environment: common(''),
        publicBaseUrl: settings.publicBaseUrl,
        logRetentionDays: settings.logRetentionDays,
      });
      api.function.fn.node.addDependency(migration.resource);
      api.admin.fn.node.addDependency(migration.resource);
      lexBot.grantRecognizeText(api.function.fn);
      publicBaseUrl = settings.publicBaseUrl ?? api.api.apiEndpoint;
      apiLogGroup = api.function.logGroup;
      webhook = {
        serverErrors: api.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
        latency: api.api.metricLatency({ period: Duration.minutes(5), statistic: 'p95' }),
      };
    } else {
      publicBaseUrl = settings.publicBaseUrl!;
      const api = new ContainerApi(this, 'Api', {
        ...services,
        environment: common(publicBaseUrl),
        certificateArn: settings.certificateArn!,
        tasks: settings.apiTasks,
      });
      api.service.node.addDependency(migration.resource);
      lexBot.grantRecognizeText(api.task.definition.taskRole);
      apiLogGroup = api.task.logGroup;
      const period = Duration.minutes(5);
      webhook = {
        serverErrors: api.targetGroup.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
          period,
          statistic: 'Sum',
        }),
        // The load balancer measures seconds; the threshold is in milliseconds.
        latency: new cloudwatch.MathExpression({
          expression: 'seconds * 1000',
          usingMetrics: { seconds: api.targetGroup.metrics.targetResponseTime({ period, statistic: 'p95' }) },
          period,
        }),
      };
      new CfnOutput(this, 'LoadBalancerDns', {
        value: api.loadBalancer.loadBalancerDnsName,
        description: "Point publicBaseUrl's host (a CNAME or alias record) here",
      });
    }

    const workers = new WorkersService(this, 'Workers', {
      ...services,
      environment: common(publicBaseUrl),
      maxTasks: settings.workersMax,
    });
    workers.service.node.addDependency(migration.resource);

    new AppMetrics(this, 'AppMetrics', { logGroups: [apiLogGroup, workers.task.logGroup] });
    const alarms = new Alarms(this, 'Alarms', {
      email: settings.alarmEmail,
      webhook,
      database: database.instance,
      databaseMaxConnections: Database.maxConnections(settings.dbInstanceType),
    });

    new CfnOutput(this, 'WebhookUrl', {
      value: `${publicBaseUrl}/webhooks/twilio/messages`,
      description: "The Twilio number's messaging webhook (POST)",
    });
    new CfnOutput(this, 'StatusCallbackUrl', { value: `${publicBaseUrl}/webhooks/twilio/status` });
    new CfnOutput(this, 'TwilioAuthTokenSecret', {
      value: secrets.twilioAuthToken.secretArn,
      description: 'Put the Twilio auth token here (aws secretsmanager put-secret-value)',
    });
    new CfnOutput(this, 'AlarmTopic', { value: alarms.topic.topicArn });
  }
}
