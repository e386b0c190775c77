import { ownerEn } from './owner-en';

/**
 * Every reply the bot sends, in English, by message id. `{name}` marks a variable; a `short`
 * text is used when the full one would not fit one SMS segment. Never ask a customer to reply
 * the bare word CANCEL: it is an opt-out keyword.
 */
export const en = {
  welcome: { text: "You're welcome! Text us any time." },
  greeting: { text: 'Hi! This is {business}. I can book, move or cancel a visit. Try: "{example}"' },
  help: {
    text: '{business}: text what you need and when, e.g. "{example}". "my appointments" lists yours. Reply {stop} to opt out.',
    short: '{business}: e.g. "{example}". Reply {stop} to opt out.',
  },
  mediaOnly: { text: 'Thanks! I can only read text, though. You can write e.g. "{example}".' },
  fallback: { text: 'Sorry, I didn\'t get that. You can write e.g. "{example}".' },
  askService: { text: 'What can {business} do for you? {services}', short: 'Which service? {services}' },
  askWhen: { text: 'When would you like your {service}? E.g. "tomorrow at 3pm".' },
  askAddress: { text: 'What address should we come to?' },
  askVehicle: { text: 'What car is it (year, make, model)?' },
  askName: { text: 'What name should I put it under?' },
  askNotes: { text: 'Anything we should know before the visit?' },
  // Asked again once when the reply was something else ("tomorrow" to "what address?"): what is needed.
  askAddressAgain: { text: 'I still need the street address to come to, like "12 Oak St, Oakland".' },
  askVehicleAgain: { text: 'Which car is it? The year, make and model, like "2015 Honda Civic".' },
  askNameAgain: { text: 'What name should I put the booking under? Just the name, like "Ana Díaz".' },
  staffDoesNot: { text: "{staff} doesn't do {service}." },
  confirmBooking: { text: '{service}, {when}{staff}{address}. Reply YES to book.' },
  booked: {
    text: 'Booked: {service} with {business}, {when}{staff}. Ref {ref}. Text us to change it.',
    short: 'Booked: {service}, {when}. Ref {ref}.',
  },
  bookedPending: {
    text: 'Thanks! {business} will confirm your {service} on {when} shortly. Ref {ref}.',
    short: 'Requested: {service}, {when}. Ref {ref}.',
  },
  offer: {
    text: '{reason} Free: {options}. Reply {numbers} or another time.',
    short: '{reason} {options}. Reply {numbers}.',
  },
  reasonTaken: { text: 'That time is taken.' },
  reasonJustTaken: { text: 'Sorry, that time was just taken.' },
  reasonOutsideHours: { text: "We're not open then." },
  reasonTooSoon: { text: "That's too soon to book." },
  reasonTooFar: { text: "That's too far ahead to book." },
  reasonInPast: { text: 'That time has passed.' },
  reasonRange: { text: 'Here is what we have.' },
  reasonRangeFull: { text: 'Nothing is free then.' },
  reasonStaffAway: { text: "{staff} doesn't work then." },
  reasonNobodyFor: { text: 'Nobody who does {service} works then.' },
  noSlots: { text: 'Sorry, nothing is free near then. Could you try another day?' },
  myAppointmentsNone: { text: 'You have no upcoming visits with {business}. Want to book one?' },
  myAppointments: { text: 'Your visits: {list}.' },
  pickAppointment: { text: 'Which one? {list}. Reply with the number.' },
  confirmCancel: { text: 'Cancel your {service} on {when} (ref {ref})? Reply YES to cancel it.' },
  cancelled: { text: 'Cancelled: {service} on {when}. Text us any time to book again.' },
  kept: { text: 'OK, your {service} on {when} stays as it is.' },
  nothingToMoveSoBook: { text: "You have no visit booked with us, so let's book one." },
  nothingToChange: { text: "You don't have an upcoming visit to change. Want to book one?" },
  askNewTime: { text: 'When would you like to move your {service} ({when}) to?' },
  confirmMoveOrBook: { text: 'Move your {service} from {old} to {when}? Reply YES, or tell me what else to book.' },
  confirmReschedule: { text: 'Move your {service} from {old} to {when}? Reply YES to confirm.' },
  rescheduled: { text: 'Done: your {service} is now {when}. Ref {ref}.' },
  services: { text: '{business}: {list}. What would you like to book?', short: '{list}.' },
  price: { text: '{service}: {price}, about {minutes} min.' },
  whenForIt: { text: 'When would you like it?' },
  priceList: { text: '{list}.' },
  hours: { text: '{business} is open {hours}.' },
  confirmedVisit: { text: 'Thanks, see you {when}! Ref {ref}.' },
  declined: { text: 'No problem. Tell me another time or day that suits you.' },
  restart: { text: "Let's start over." },
  checkedAgain: { text: 'That was a while ago, so I checked again:' },
  noProblem: { text: 'No problem. Text us any time.' },
  visitNotConfirmed: {
    text: 'OK, your {service} on {when} is not confirmed. Tell me a new time to move it, or write "cancel my visit".',
  },
  optedOut: { text: "You're unsubscribed from {business} and won't get more messages. Reply START to resubscribe." },
  optedIn: { text: "You're subscribed to {business} again. Reply HELP for help." },
  keywordHelp: {
    text: '{business}: book by text, e.g. "{example}". Msg&data rates may apply. Reply {stop} to opt out.',
  },
  held: { text: "Got it, we'll reply in a moment." },
  error: { text: 'Sorry, something went wrong on our side. Please try again in a minute.' },
  reminder: {
    text: 'Reminder: {service} with {business}, {when}. Reply YES to confirm, or tell us a new time to move it. Ref {ref}.',
    short: 'Reminder: {service}, {when}. Reply YES to confirm. Ref {ref}.',
  },
  // Owner notices end with the commands that answer them (bot/owner), so notice and reply are one conversation.
  ownerBooked: {
    text: 'New: {service} {when} for {customer}{address}. Reply "cancel {ref}" or "@{ref} your message".',
  },
  ownerRequested: { text: 'Request: {service} {when} for {customer}{address}. Reply "ok {ref}" or "no {ref}".' },
  ownerCancelled: { text: 'Cancelled: {service} {when} ({customer}). Reply "@{ref} your message" to text them.' },
  ownerRescheduled: {
    text: 'Moved: {service} now {when} ({customer}). Reply "cancel {ref}" or "@{ref} your message".',
  },
  customerBooked: { text: '{business} booked your {service} for {when}. Ref {ref}.' },
  customerApproved: { text: 'Confirmed: your {service} with {business}, {when}. Ref {ref}.' },
  customerDeclined: {
    text: "Sorry, {business} can't take your {service} on {when}. Text us another time that suits you.",
  },
  customerCancelled: {
    text: '{business} cancelled your {service} on {when}{reason}. Text us to book another time.',
  },
  cancelReason: { text: ' ({reason})' },
  customerRescheduled: { text: '{business} moved your {service} to {when}. Ref {ref}.' },
  digest: { text: '{business}, {date}:\n{list}' },
  digestEmpty: { text: '{business}, {date}: nothing booked.\n{free}' },
  exampleBooking: { text: '{service} tomorrow at 3pm' },
  withStaff: { text: ' with {staff}' },
  atAddress: { text: ' at {address}' },
  closed: { text: 'closed' },
  and: { text: 'and' },
  ...ownerEn,
} satisfies Record<string, { text: string; short?: string }>;

export type MessageId = keyof typeof en;
