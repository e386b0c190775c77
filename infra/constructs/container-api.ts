import {
  Duration,
  aws_certificatemanager as acm,
  aws_ec2 as ec2,
  type aws_ecs as ecs,
  aws_elasticloadbalancingv2 as elbv2,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { APP_PORT, IMAGE_COMMANDS } from '../image-commands';
import { type AppServiceProps, AppTask, appService } from './app-task';

/**
 * The API on Fargate behind an application load balancer (the containers shape): HTTPS on 443
 * with the deployment's certificate, HTTP redirected to it, traffic only to tasks whose `/ready`
 * answers, scaled on CPU between `tasks` and four times that.
 */
export class ContainerApi extends Construct {
  readonly service: ecs.FargateService;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly task: AppTask;

  constructor(scope: Construct, id: string, props: AppServiceProps & { certificateArn: string; tasks: number }) {
    super(scope, id);
    this.task = new AppTask(this, 'Api', {
      ...props,
      // The load balancer, inside the VPC, is the one proxy whose X-Forwarded-* (the client's
      // address, https) is believed: the admin's Secure cookie and the per-address limits need it.
      environment: { ...props.environment, TRUST_PROXY: props.network.vpc.vpcCidrBlock },
      command: IMAGE_COMMANDS.api,
      cpu: 512,
      memoryLimitMiB: 1024,
    });
    this.service = appService(this.task, {
      ...props,
      desiredCount: props.tasks,
      healthCheckGracePeriod: Duration.seconds(30),
    });
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: props.network.vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      dropInvalidHeaderFields: true,
    });
    this.loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443 });
    const https = this.loadBalancer.addListener('Https', {
      port: 443,
      certificates: [acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn)],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
    });
    this.targetGroup = https.addTargets('Api', {
      port: APP_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.service],
      healthCheck: {
        path: '/ready',
        interval: Duration.seconds(15),
        healthyThresholdCount: 2,
        healthyHttpCodes: '200',
      },
      // In-flight webhooks get Twilio's whole 15 s (and the app's 20 s stop) to be answered.
      deregistrationDelay: Duration.seconds(20),
    });
    const scaling = this.service.autoScaleTaskCount({ minCapacity: props.tasks, maxCapacity: props.tasks * 4 });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
  }
}
