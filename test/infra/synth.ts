import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { textbookApp } from '../../infra/app';

/** A template's resources: CloudFormation JSON, read by path in the tests. */
export type Resources = Record<
  string,
  // biome-ignore lint/suspicious/noExplicitAny: template JSON is read by path, checked by value
  { Type: string; Properties: Record<string, any>; DependsOn?: string[] }
>;

export interface Synthesized {
  template: Template;
  resources: Resources;
  outdir: string;
  /** Resources of one type, by logical id. */
  ofType(type: string): [string, Resources[string]][];
  cleanUp(): void;
}

/**
 * The CDK app synthesized once for a test file, into a directory of its own: `validation` keeps
 * CDK's CloudFormation validation on, with its findings as errors (as cdk.json has it).
 */
export async function synthesize(
  context: Record<string, unknown>,
  options: { validation: boolean },
): Promise<Synthesized> {
  const outdir = mkdtempSync(join(tmpdir(), 'textbook-cdk-'));
  const bundleDir = mkdtempSync(join(tmpdir(), 'textbook-bundles-'));
  const { stack } = await textbookApp({
    context: options.validation ? { ...context, '@aws-cdk/core:validateAgainstDefaultRules': true } : context,
    outdir,
    bundleDir,
    validation: options.validation,
  });
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Resources;
  return {
    template,
    resources,
    outdir,
    ofType: (type) => Object.entries(resources).filter(([, r]) => r.Type === type),
    cleanUp() {
      rmSync(outdir, { recursive: true, force: true });
      rmSync(bundleDir, { recursive: true, force: true });
    },
  };
}

/** Every IAM statement in the template, with the policy that holds it. */
export function statements(
  s: Synthesized,
): { policy: string; roles: unknown; Action: string | string[]; Resource: unknown }[] {
  return s.ofType('AWS::IAM::Policy').flatMap(([id, policy]) =>
    (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).map((st) => ({
      policy: id,
      roles: policy.Properties.Roles,
      ...st,
    })),
  );
}

export const actionsOf = (st: { Action: string | string[] }) => (Array.isArray(st.Action) ? st.Action : [st.Action]);

/** CloudFormation's PascalCase keys back to CDK's camelCase, to compare with what the CDK app was given. */
export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), camelKeys(v)]),
  );
}
