import type { ChaosDeployment } from '../deployment';
import { type FaultReport, faultReport } from '../report';

/**
 * Every line the app logged over the whole run, every fault's errors and warnings included: none
 * may carry a phone, a name or a text the traffic used.
 */
export async function logs(d: ChaosDeployment): Promise<FaultReport> {
  const personal = [...d.personalData];
  // Phones as digits too: a log could carry one without its +.
  const needles = [...personal, ...personal.filter((p) => /^\+\d+$/.test(p)).map((p) => p.slice(1))];
  const leaking = d.logLines.filter((line) => needles.some((needle) => line.includes(needle)));
  const levels: Record<string, number> = {};
  for (const line of d.logLines) {
    const level = /"level":(\d+)/.exec(line)?.[1] ?? 'text';
    levels[level] = (levels[level] ?? 0) + 1;
  }
  return faultReport('logs', {
    lines: d.logLines.length,
    byLevel: levels,
    personalDataChecked: needles.length,
    lost: { linesWithPersonalData: leaking.length },
    ...(leaking.length ? { example: redactedExample(leaking[0], needles) } : {}),
    notJson: d.logLines
      .filter((line) => !line.startsWith('{'))
      .slice(0, 3)
      .map((line) => redactedExample(line, needles)),
  });
}

/** Where the leak is, with the personal data itself masked (the bench's output is a log too). */
function redactedExample(line: string, needles: string[]): string {
  return needles.reduce((text, needle) => text.split(needle).join('[personal]'), line).slice(0, 300);
}
