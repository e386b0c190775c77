import { lambdaEntry } from './lambda-entry';
import { createAppServices } from './services';
import { webhookRoutes } from './webhook-routes';

/** The webhooks' function: Twilio's messages answered inline with TwiML (a turn is one invocation), and delivery statuses. */
export const { handler, shutdown } = lambdaEntry((runtime) => [webhookRoutes(createAppServices(runtime))]);
