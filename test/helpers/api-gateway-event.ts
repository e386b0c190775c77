import { randomBytes } from 'node:crypto';

/**
 * What API Gateway (HTTP API, payload format 2.0) hands the Lambda function for a form POST, as
 * Twilio makes it: the body base64-encoded, the signature and host in the headers.
 */
export function apiGatewayFormEvent(options: {
  publicUrl: string;
  path: string;
  form: Record<string, string>;
  signature: string;
}) {
  const { path, form, signature } = options;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature,
      host: new URL(options.publicUrl).host,
    },
    requestContext: {
      http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: '54.0.0.1', userAgent: 'TwilioProxy/1.1' },
      requestId: `apigw-${randomBytes(6).toString('hex')}`,
      stage: '$default',
    },
    body: Buffer.from(new URLSearchParams(form).toString()).toString('base64'),
    isBase64Encoded: true,
  };
}
