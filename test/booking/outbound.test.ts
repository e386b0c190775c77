import { InvalidRequest } from '../../booking/errors';
import { type OutboundRequest, outboundMessage } from '../../booking/outbound';

const BUSINESS = '6a1f2c3d-0000-4000-8000-000000000001';
const CUSTOMER = '6a1f2c3d-0000-4000-8000-000000000002';
const TEMPLATE = { contentSid: `HX${'0'.repeat(32)}`, variables: { 1: 'Test Shop' } };

function refusal(request: Record<string, unknown>): string {
  try {
    outboundMessage({ businessId: BUSINESS, origin: 'admin_reply', ...request } as OutboundRequest);
  } catch (error) {
    if (error instanceof InvalidRequest) return error.message;
    throw error;
  }
  throw new Error('expected the request to be refused');
}

describe('outboundMessage', () => {
  it('is an outbox entry of the one outbound topic, carrying what is to be sent', () => {
    expect(
      outboundMessage({
        businessId: BUSINESS,
        recipient: { customerId: CUSTOMER },
        text: '  Ready at 4.  ',
        origin: 'admin_reply',
      }),
    ).toEqual({
      businessId: BUSINESS,
      topic: 'message.send',
      payload: { recipient: { customerId: CUSTOMER }, text: 'Ready at 4.', origin: 'admin_reply' },
    });
    expect(
      outboundMessage({
        businessId: BUSINESS,
        recipient: { phone: '+15550109999', channel: 'whatsapp' },
        template: TEMPLATE,
        origin: 'notice',
      }).payload,
    ).toMatchObject({ template: TEMPLATE });
  });

  it('refuses a request that could not be sent as asked, saying what is wrong', () => {
    expect(refusal({ recipient: { customerId: CUSTOMER } })).toMatch(/expected a text, a WhatsApp template, or both/);
    expect(refusal({ recipient: { customerId: CUSTOMER }, template: TEMPLATE })).toMatch(
      /recipient.channel: a message without text is a WhatsApp template/,
    );
    expect(refusal({ recipient: { phone: '5550109999', channel: 'sms' }, text: 'x' })).toMatch(/E.164/);
    expect(refusal({ recipient: { phone: '+15550109999' }, text: 'x' })).toMatch(/recipient/);
    expect(
      refusal({ recipient: { customerId: CUSTOMER, channel: 'whatsapp' }, template: { contentSid: 'HXnope' } }),
    ).toMatch(/template/);
    expect(refusal({ recipient: { customerId: CUSTOMER }, text: 'x', origin: 'marketing' })).toMatch(/origin/);
    expect(refusal({ recipient: { customerId: CUSTOMER }, text: ' ' })).toMatch(/text/);
    expect(refusal({ businessId: 'edgar', recipient: { customerId: CUSTOMER }, text: 'x' })).toMatch(/businessId/);
  });
});
