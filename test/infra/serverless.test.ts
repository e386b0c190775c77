import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPORTED_COUNTS, REPORTED_LEVELS } from '../../core/metrics-report';
import { botLocales } from '../../infra/app';
import { THRESHOLDS } from '../../infra/constructs/alarms';
import { IMAGE_COMMANDS } from '../../infra/image-commands';
import { addonArchitecture } from '../../infra/lambda-bundle';
import { actionsOf, camelKeys, type Resources, statements, type Synthesized, synthesize } from './synth';

/**
 * The default (serverless) shape, synthesized once with CDK's CloudFormation validation on and
 * its findings as errors: the API as a Lambda function behind an HTTP API, and everything both
 * shapes share (data stores, secrets, Lex, migration, workers, metrics, alarms).
 */
let s: Synthesized;

beforeAll(async () => {
  s = await synthesize(
    { twilioAccountSid: `AC${'a'.repeat(32)}`, alarmEmail: 'ops@example.com' },
    { validation: true },
  );
}, 300_000);
afterAll(() => s?.cleanUp());

const ref = (id: string) => ({ Ref: id });
const only = (type: string) => {
  const found = s.ofType(type);
  expect(found).toHaveLength(1);
  return found[0];
};
const subnets = (tier: 'app' | 'data' | 'public') =>
  s.ofType('AWS::EC2::Subnet').filter(([id]) => id.startsWith(`NetworkVpc${tier}Subnet`));
const subnetRefs = (tier: 'app' | 'data') => subnets(tier).map(([id]) => ref(id));
const functionNamed = (description: string) =>
  s.ofType('AWS::Lambda::Function').find(([, f]) => f.Properties.Description === description)!;
const apiFunction = () => functionNamed('Textbook API: Twilio webhooks answered inline');
const adminFunction = () => functionNamed('Textbook admin: the front desk page, its API and calendar feeds');
const assetFiles = (fn: Resources[string]) => {
  const asset = readdirSync(s.outdir).find(
    (dir) => dir.startsWith('asset.') && fn.Properties.Code.S3Key.startsWith(dir.slice('asset.'.length)),
  );
  return readdirSync(join(s.outdir, asset!), { recursive: true }).map(String).sort();
};

describe('the network', () => {
  it('has app subnets out through NAT and data subnets with no route out at all', () => {
    expect(subnets('app')).toHaveLength(2);
    expect(subnets('data')).toHaveLength(2);
    const tablesOf = (tier: 'app' | 'data') =>
      s
        .ofType('AWS::EC2::SubnetRouteTableAssociation')
        .filter(([, a]) => subnets(tier).some(([id]) => a.Properties.SubnetId.Ref === id))
        .map(([, a]) => a.Properties.RouteTableId.Ref);
    const routesOf = (tables: string[]) =>
      s.ofType('AWS::EC2::Route').filter(([, r]) => tables.includes(r.Properties.RouteTableId.Ref));
    expect(routesOf(tablesOf('data'))).toEqual([]);
    expect(routesOf(tablesOf('app')).every(([, r]) => r.Properties.NatGatewayId)).toBe(true);
  });
});

describe('the data stores', () => {
  it('keeps Postgres encrypted, private, TLS-only, its credentials generated into Secrets Manager', () => {
    const [, db] = only('AWS::RDS::DBInstance');
    expect(db.Properties).toMatchObject({
      Engine: 'postgres',
      StorageEncrypted: true,
      PubliclyAccessible: false,
      DeletionProtection: true,
      DBName: 'textbook',
    });
    expect(JSON.stringify(db.Properties.MasterUserPassword)).toContain('resolve:secretsmanager:');
    const [, group] = only('AWS::RDS::DBSubnetGroup');
    expect(group.Properties.SubnetIds).toEqual(subnetRefs('data'));
    s.template.hasResourceProperties('AWS::RDS::DBParameterGroup', { Parameters: { 'rds.force_ssl': '1' } });
  });

  it('keeps Redis private with TLS in transit, AUTH from a secret, encrypted at rest, noeviction', () => {
    const [, redis] = only('AWS::ElastiCache::ReplicationGroup');
    expect(redis.Properties).toMatchObject({ TransitEncryptionEnabled: true, AtRestEncryptionEnabled: true });
    expect(JSON.stringify(redis.Properties.AuthToken)).toContain('resolve:secretsmanager:');
    const [, group] = only('AWS::ElastiCache::SubnetGroup');
    expect(group.Properties.SubnetIds).toEqual(subnetRefs('data'));
    s.template.hasResourceProperties('AWS::ElastiCache::ParameterGroup', {
      Properties: { 'maxmemory-policy': 'noeviction' },
    });
  });

  it('lets only the app reach them', () => {
    const appGroup = () => s.ofType('AWS::EC2::SecurityGroup').find(([id]) => id.startsWith('AppSecurityGroup'))![0];
    const ingress = s.ofType('AWS::EC2::SecurityGroupIngress').map(([, i]) => i.Properties);
    expect(ingress).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          FromPort: 5432,
          SourceSecurityGroupId: { 'Fn::GetAtt': [appGroup(), 'GroupId'] },
        }),
        expect.objectContaining({
          FromPort: 6379,
          SourceSecurityGroupId: { 'Fn::GetAtt': [appGroup(), 'GroupId'] },
        }),
      ]),
    );
    expect(ingress.filter((i) => i.CidrIp)).toEqual([]);
  });
});

describe('the API on Lambda', () => {
  it('runs the webhooks bundle on Node 22 on Graviton in the app subnets, behind the HTTP API', () => {
    const [id, fn] = apiFunction();
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: 20,
      VpcConfig: { SubnetIds: subnetRefs('app') },
    });
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /{proxy+}' });
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [id, 'Arn'] },
    });
    // The asset is the esbuild bundle, one file: nothing installed beside it, argon2 left out.
    expect(assetFiles(fn)).toEqual(['index.js']);
  });

  it("serves the admin side from a function of its own, with the page and argon2's binary beside its bundle", () => {
    const [id, fn] = adminFunction();
    for (const path of ['/api/admin/{proxy+}', '/admin', '/admin/{proxy+}', '/calendar/{proxy+}'])
      s.template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: `ANY ${path}` });
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [id, 'Arn'] },
    });
    const files = assetFiles(fn);
    expect(files).toEqual(
      expect.arrayContaining([
        'index.js',
        join('admin-web', 'index.html'),
        expect.stringMatching(/^admin-web\/app-.*\.js$/),
      ]),
    );
    // argon2's binary for the processor the function is declared on (the one npm installed
    // here), so an admin can sign in.
    const addons = files.filter((file) => file.endsWith('.node'));
    expect(addons).toEqual([expect.stringMatching(process.arch === 'x64' ? /linux-x64-gnu/ : /linux-arm64-gnu/)]);
    expect(fn.Properties.Architectures).toEqual([process.arch === 'x64' ? 'x86_64' : 'arm64']);
    expect(fn.Properties.Environment.Variables).toMatchObject({ TRUST_PROXY: '1', DATABASE_POOL_SIZE: '2' });
  });

  it('declares a function by the native addons its bundle carries', () => {
    expect(addonArchitecture([])).toBe('arm64');
    expect(addonArchitecture(['argon2.linux-arm64-gnu-Q2H3.node'])).toBe('arm64');
    expect(addonArchitecture(['argon2.linux-x64-gnu-Q2H3.node'])).toBe('x86_64');
    expect(() => addonArchitecture(['argon2.darwin-arm64-Q2H3.node'])).toThrow(/cannot load/);
    expect(() => addonArchitecture(['a.linux-x64-gnu.node', 'b.linux-arm64-gnu.node'])).toThrow(/two processors/);
  });

  it('reads its secrets at start through the extension, and no secret is in its settings', () => {
    const [, fn] = apiFunction();
    const vars = fn.Properties.Environment.Variables;
    expect(vars).toMatchObject({
      NODE_ENV: 'production',
      DATABASE_POOL_SIZE: '2',
      NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
      TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
    });
    const [httpApi] = only('AWS::ApiGatewayV2::Api');
    expect(vars.PUBLIC_BASE_URL).toEqual({ 'Fn::GetAtt': [httpApi, 'ApiEndpoint'] });
    // API Gateway is the one hop in front (test/api/lambda.test.ts signs an admin in that way).
    expect(vars.TRUST_PROXY).toBe('1');
    const arns = JSON.stringify(vars.SECRET_ARNS);
    for (const name of ['TWILIO_AUTH_TOKEN', 'SESSION_SECRET', 'METRICS_TOKEN', 'DATABASE_SECRET', 'REDIS_PASSWORD']) {
      expect(arns).toContain(`\\"${name}\\":\\"`);
      expect(vars[name]).toBeUndefined();
    }
    expect(JSON.stringify(fn.Properties.Layers)).toMatch(/paramsandsecrets/i);
  });

  it('is allowed RecognizeText on the live alias only, and its own secrets only', () => {
    const [id] = apiFunction();
    const role = s.resources[id].Properties.Role['Fn::GetAtt'][0];
    const mine = statements(s).filter((st) => JSON.stringify(st.roles).includes(role));
    const lex = mine.filter((st) => actionsOf(st).some((a) => a.startsWith('lex:')));
    expect(lex.map(actionsOf)).toEqual([['lex:RecognizeText']]);
    expect(JSON.stringify(lex[0].Resource)).toMatch(/bot-alias\/".*LexBot.*Id.*"\/".*LexAlias.*BotAliasId/);
    const secretReads = mine.filter((st) => actionsOf(st).includes('secretsmanager:GetSecretValue'));
    expect(secretReads.flatMap((st) => [st.Resource].flat())).toHaveLength(5);
    expect(secretReads.every((st) => st.Resource !== '*')).toBe(true);
  });
});

describe('IAM across the stack', () => {
  it('scopes every statement to its resources, but those AWS only grants account-wide', () => {
    const wildcard = statements(s).filter((st) => [st.Resource].flat().includes('*'));
    const accountWide = new Set(['ecr:GetAuthorizationToken', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy']);
    expect(wildcard.flatMap(actionsOf).filter((a) => !accountWide.has(a))).toEqual([]);
  });
});

describe('the Lex bot', () => {
  it('is the generated definition, versioned under a hash of it, with a live alias on that version', async () => {
    const generated = await botLocales(['booking/businesses/demo/edgar.yaml', 'booking/businesses/demo/clinica.yaml']);
    const [, bot] = only('AWS::Lex::Bot');
    expect(camelKeys(bot.Properties.BotLocales)).toEqual(generated);
    expect(bot.Properties.AutoBuildBotLocales).toBe(false);
    const [versionId, version] = only('AWS::Lex::BotVersion');
    const hash = createHash('sha256').update(JSON.stringify(generated)).digest('hex').slice(0, 10);
    expect(versionId).toMatch(new RegExp(`^LexVersion${hash}`));
    expect(version.Properties.BotVersionLocaleSpecification).toEqual(
      generated.map((l) => ({ LocaleId: l.localeId, BotVersionLocaleDetails: { SourceBotVersion: 'DRAFT' } })),
    );
    const [, alias] = only('AWS::Lex::BotAlias');
    expect(alias.Properties).toMatchObject({
      BotAliasName: 'live',
      BotVersion: { 'Fn::GetAtt': [versionId, 'BotVersion'] },
    });
  });
});

describe('the deploy', () => {
  it('migrates once per release before the API and the workers change', () => {
    const [migrationId, migration] = only('Custom::TextbookSchema');
    expect(migration.Properties.Release).toMatch(/^[0-9a-f]{64}$/);
    const [apiId] = apiFunction();
    expect(s.resources[apiId].DependsOn).toContain(migrationId);
    const [serviceId] = only('AWS::ECS::Service');
    expect(s.resources[serviceId].DependsOn).toContain(migrationId);
  });
});

describe('the workers on Fargate', () => {
  it('run the image with the workers command, secrets injected, health checked, stopped gracefully', () => {
    const [, task] = only('AWS::ECS::TaskDefinition');
    expect(task.Properties.RuntimePlatform).toEqual({ CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' });
    const [container] = task.Properties.ContainerDefinitions;
    expect(container.Command).toEqual(IMAGE_COMMANDS.workers);
    expect(container.StopTimeout).toBe(30);
    expect(container.HealthCheck.Command).toEqual(['CMD', 'node', '-e', expect.stringContaining('/health')]);
    expect(container.Secrets.map((x: { Name: string }) => x.Name).sort()).toEqual([
      'DATABASE_SECRET',
      'METRICS_TOKEN',
      'REDIS_PASSWORD',
      'SESSION_SECRET',
      'TWILIO_AUTH_TOKEN',
    ]);
    const names = container.Environment.map((e: { Name: string }) => e.Name);
    expect(names).not.toContain('TWILIO_AUTH_TOKEN');
    const [, service] = only('AWS::ECS::Service');
    expect(service.Properties.NetworkConfiguration.AwsvpcConfiguration).toMatchObject({
      AssignPublicIp: 'DISABLED',
      Subnets: subnetRefs('app'),
    });
  });

  it('scale from one task on the depth of the queues', () => {
    s.template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 1, MaxCapacity: 4 });
    const policies = s.ofType('AWS::ApplicationAutoScaling::ScalingPolicy').map(([id]) => id);
    const scalingAlarms = s
      .ofType('AWS::CloudWatch::Alarm')
      .filter(([, a]) => policies.includes(a.Properties.AlarmActions?.[0]?.Ref));
    expect(scalingAlarms.map(([, a]) => [a.Properties.Namespace, a.Properties.MetricName])).toEqual([
      ['Textbook', 'queueWaiting'],
      ['Textbook', 'queueWaiting'],
    ]);
  });
});

describe('logs and metrics', () => {
  it('keeps every log group a month', () => {
    const groups = s.ofType('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThanOrEqual(4);
    expect(groups.map(([, g]) => g.Properties.RetentionInDays)).toEqual(groups.map(() => 30));
  });

  it("turns each field of the app's metrics line into a CloudWatch metric, from the API's and the workers' logs", () => {
    const filters = s.ofType('AWS::Logs::MetricFilter').map(([, f]) => f.Properties);
    for (const field of [...REPORTED_COUNTS, ...REPORTED_LEVELS]) {
      const mine = filters.filter((f) => f.MetricTransformations[0].MetricName === field);
      expect(mine).toHaveLength(2);
      expect(mine[0].FilterPattern).toBe(`{ ($.msg = "metrics") && ($.metrics.${field} >= 0) }`);
      expect(mine[0].MetricTransformations[0]).toMatchObject({
        MetricNamespace: 'Textbook',
        MetricValue: `$.metrics.${field}`,
      });
    }
  });
});

describe('alarms', () => {
  const alarm = (name: string) => {
    const found = s.ofType('AWS::CloudWatch::Alarm').filter(([id]) => id.startsWith(`Alarms${name}`));
    expect(found).toHaveLength(1);
    return found[0][1].Properties;
  };

  it('all go to the SNS topic, which e-mails the operator', () => {
    const [topicId] = only('AWS::SNS::Topic');
    const alarms = s.ofType('AWS::CloudWatch::Alarm').filter(([id]) => id.startsWith('Alarms'));
    expect(alarms).toHaveLength(10);
    for (const [, a] of alarms) expect(a.Properties.AlarmActions).toEqual([ref(topicId)]);
    s.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
  });

  it('watch the webhook: 5xx and p95 latency well inside Twilio’s 15 s', () => {
    expect(alarm('Webhook5xx')).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Statistic: 'Sum',
      Threshold: THRESHOLDS.webhook5xx,
    });
    expect(alarm('WebhookLatencyP95')).toMatchObject({
      MetricName: 'Latency',
      ExtendedStatistic: 'p95',
      Threshold: 5000,
      EvaluationPeriods: 2,
    });
  });

  it('watch the queues, failed jobs, late reminders and Lex falling back', () => {
    expect(alarm('QueueDepth')).toMatchObject({ MetricName: 'queueWaiting', Statistic: 'Maximum', Threshold: 500 });
    expect(alarm('OldestWaitingJob')).toMatchObject({ MetricName: 'queueOldestWaitingSeconds', Threshold: 300 });
    expect(alarm('FailedJobs')).toMatchObject({
      MetricName: 'jobsFailed',
      Statistic: 'Sum',
      Threshold: 5,
      Period: 900,
    });
    expect(alarm('LateReminders')).toMatchObject({
      MetricName: 'remindersLate',
      Threshold: 1,
      TreatMissingData: 'notBreaching',
    });
    const lex = alarm('LexFallbacks');
    expect(lex.Threshold).toBe(0.3);
    expect(lex.Metrics[0].Expression).toBe('IF(calls >= 20, fallbacks / calls, 0)');
  });

  it('watch the database: CPU, free storage and connections for its class', () => {
    expect(alarm('DatabaseCpu')).toMatchObject({ MetricName: 'CPUUtilization', Threshold: 80, EvaluationPeriods: 3 });
    expect(alarm('DatabaseStorage')).toMatchObject({
      MetricName: 'FreeStorageSpace',
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 2 * 1024 ** 3,
    });
    // db.t4g.micro: 1 GiB / 9,531,392 bytes = 112 connections; 80 % of them.
    expect(alarm('DatabaseConnections')).toMatchObject({ MetricName: 'DatabaseConnections', Threshold: 89 });
  });
});

it('says where to point Twilio and where to put its auth token', () => {
  const outputs = s.template.toJSON().Outputs;
  expect(JSON.stringify(outputs.WebhookUrl.Value)).toContain('/webhooks/twilio/messages');
  expect(outputs.TwilioAuthTokenSecret.Value).toEqual(
    ref(s.ofType('AWS::SecretsManager::Secret').find(([id]) => id.includes('TwilioAuthToken'))![0]),
  );
  expect(existsSync(join(s.outdir, 'Textbook.template.json'))).toBe(true);
});
