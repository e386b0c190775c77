import { SettingsError, settingsFrom } from '../../infra/settings';
import { IMAGE_COMMANDS } from '../../infra/image-commands';
import { actionsOf, statements, type Synthesized, synthesize } from './synth';

/**
 * The containers shape (`-c shape=containers`): the API on Fargate behind a load balancer, from
 * the workers' image. Synthesized once, without CDK's validation (the serverless test keeps it on;
 * what both shapes share is checked there).
 */
const CERTIFICATE = 'arn:aws:acm:us-east-1:111111111111:certificate/0c0d2a2e-1111-2222-3333-444455556666';
let s: Synthesized;

beforeAll(async () => {
  s = await synthesize(
    { shape: 'containers', publicBaseUrl: 'https://book.example.com', certificateArn: CERTIFICATE, apiTasks: '2' },
    { validation: false },
  );
}, 300_000);
afterAll(() => s?.cleanUp());

const containerOf = (command: readonly string[]) =>
  s
    .ofType('AWS::ECS::TaskDefinition')
    .map(([id, t]) => ({ id, task: t, container: t.Properties.ContainerDefinitions[0] }))
    .find((t) => JSON.stringify(t.container.Command) === JSON.stringify(command))!;

it('needs the HTTPS certificate and the public URL Twilio will call', () => {
  expect(() => settingsFrom({ shape: 'containers' })).toThrow(SettingsError);
  expect(() => settingsFrom({ shape: 'containers' })).toThrow(/certificateArn: the containers shape needs/);
});

it('runs no API function and no HTTP API: the load balancer takes the webhooks', () => {
  expect(s.ofType('AWS::ApiGatewayV2::Api')).toEqual([]);
  const descriptions = s.ofType('AWS::Lambda::Function').map(([, f]) => f.Properties.Description);
  expect(descriptions).not.toContain('Textbook API: Twilio webhooks answered inline');
});

it('serves HTTPS on the public load balancer, redirects HTTP, and sends traffic only to ready tasks', () => {
  s.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' });
  s.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
    Port: 443,
    Protocol: 'HTTPS',
    Certificates: [{ CertificateArn: CERTIFICATE }],
  });
  s.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
    Port: 80,
    DefaultActions: [{ Type: 'redirect', RedirectConfig: { Port: '443', Protocol: 'HTTPS' } }],
  });
  s.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
    Port: 3000,
    HealthCheckPath: '/ready',
    TargetType: 'ip',
  });
});

it('runs the API and the workers from the same image, each with its command, the API told its public URL', () => {
  const api = containerOf(IMAGE_COMMANDS.api);
  const workers = containerOf(IMAGE_COMMANDS.workers);
  expect(api.container.Image).toEqual(workers.container.Image);
  expect(api.container.PortMappings).toEqual([expect.objectContaining({ ContainerPort: 3000 })]);
  expect(api.container.Environment).toEqual(
    expect.arrayContaining([
      { Name: 'PUBLIC_BASE_URL', Value: 'https://book.example.com' },
      { Name: 'NODE_ENV', Value: 'production' },
    ]),
  );
  // The load balancer's X-Forwarded-* believed from inside the VPC only, and by the API alone.
  expect(api.container.Environment).toContainEqual({
    Name: 'TRUST_PROXY',
    Value: { 'Fn::GetAtt': [expect.stringMatching(/Vpc/), 'CidrBlock'] },
  });
  expect(workers.container.Environment.map((e: { Name: string }) => e.Name)).not.toContain('TRUST_PROXY');
  s.template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 2 });
});

it('lets the API task, and not the workers, call Lex', () => {
  const roleOf = (command: readonly string[]) => containerOf(command).task.Properties.TaskRoleArn['Fn::GetAtt'][0];
  const lexGrants = (role: string) =>
    statements(s).filter(
      (st) => JSON.stringify(st.roles).includes(role) && actionsOf(st).some((a) => a.startsWith('lex:')),
    );
  expect(lexGrants(roleOf(IMAGE_COMMANDS.api)).map(actionsOf)).toEqual([['lex:RecognizeText']]);
  expect(lexGrants(roleOf(IMAGE_COMMANDS.workers))).toEqual([]);
});

it("alarms on the load balancer's 5xx and its p95 response time, in milliseconds", () => {
  const alarm = (name: string) => s.ofType('AWS::CloudWatch::Alarm').find(([id]) => id.startsWith(`Alarms${name}`))![1];
  expect(alarm('Webhook5xx').Properties).toMatchObject({
    Namespace: 'AWS/ApplicationELB',
    MetricName: 'HTTPCode_Target_5XX_Count',
    Threshold: 3,
  });
  const latency = alarm('WebhookLatencyP95').Properties;
  expect(latency.Threshold).toBe(5000);
  expect(latency.Metrics[0].Expression).toBe('seconds * 1000');
  expect(latency.Metrics[1].MetricStat).toMatchObject({ Metric: { MetricName: 'TargetResponseTime' }, Stat: 'p95' });
});

it('migrates before either service changes', () => {
  const [[migration]] = s.ofType('Custom::TextbookSchema');
  for (const [id] of s.ofType('AWS::ECS::Service')) expect(s.resources[id].DependsOn).toContain(migration);
});
