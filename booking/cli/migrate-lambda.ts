import { loadConfig } from '../../core/config';
import { withSecrets } from '../../core/config-secrets';
import { migrate } from '../db/migrate';

/**
 * The deploy's migration step (infra/): a CloudFormation custom resource whose properties change
 * with every release, so CloudFormation calls this once per deploy, and the API and workers are
 * updated only after it succeeded. A failure fails the deploy (and rolls it back) before new code
 * serves. Deleting the stack leaves the schema alone. Events arrive through CDK's provider
 * framework, which reports the outcome to CloudFormation.
 */
interface CustomResourceEvent {
  RequestType: 'Create' | 'Update' | 'Delete';
  PhysicalResourceId?: string;
}

const PHYSICAL_ID = 'textbook-schema';

export async function handler(event: CustomResourceEvent): Promise<{ PhysicalResourceId: string; Data: object }> {
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId ?? PHYSICAL_ID, Data: {} };
  const config = loadConfig(await withSecrets(process.env));
  const applied = await migrate({ ...config, databasePoolSize: 1 });
  console.log(JSON.stringify({ msg: 'migrated', applied }));
  return { PhysicalResourceId: PHYSICAL_ID, Data: { Applied: applied.join(',') } };
}
