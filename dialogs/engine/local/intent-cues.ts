import type { IntentName } from '../../definition/intent-names';

/**
 * Words and phrases that point to an intent, with a weight. Matched on the folded message (lower
 * case, no accents, punctuation as spaces: "can't" is "can t"). Both languages are always tried:
 * the words hardly overlap, and a customer mixing languages is still understood.
 * A weight of 3 or more is a clear request that wins over an answer the bot was waiting for.
 */

export interface Cue {
  intent: IntentName;
  weight: number;
  pattern: RegExp;
}

export const STRONG = 3;

const cue = (intent: IntentName, weight: number, source: string): Cue => ({
  intent,
  weight,
  pattern: new RegExp(`\\b(?:${source})\\b`),
});

export const CUES: readonly Cue[] = [
  // Cancel
  cue('Cancel', 3.5, 'cancel\\w*|call off|anul\\w*|desagend\\w*|suspend\\w*|borr\\w* (?:mi|la) (?:hora|cita)'),
  cue(
    'Cancel',
    3,
    'can t make it|cant make it|cannot make it|won t make it|wont make it|not (?:going to|gonna) make it|no (?:voy a poder|podre|puedo) (?:ir|asistir)|no alcanzo a (?:llegar|ir)|no voy a (?:ir|poder ir)',
  ),
  cue(
    'Cancel',
    3,
    'don t need (?:\\w+ ){0,3}anymore|dont need (?:\\w+ ){0,3}anymore|no longer need|won t (?:be )?need(?:ing)? (?:it|the|that|my|an?)|ya no (?:necesito|voy|lo necesito|la necesito)|no voy a alcanzar',
  ),
  // "scratch the oil change", "take me off the schedule", "delete my booking", "dar de baja mi hora"
  cue(
    'Cancel',
    3.5,
    'scratch (?:the|my|our) (?!idea)|take (?:me|us|it) off (?:the |your )?(?:schedule|calendar|books?|list)|(?:delete|remove|drop) (?:my|the|our|that|this) (?:\\w+ )?(?:appointment|appt|booking|visit|reservation)|(?:delete|remove) (?:it|me)\\b|dar de baja (?:mi|la|el)|dej\\w* sin efecto|sacame de la (?:agenda|lista)',
  ),
  // Reschedule
  cue('Reschedule', 4, 're ?schedul\\w*|re ?agend\\w*|reprogram\\w*|postpon\\w*|posterg\\w*|aplaz\\w*|re ?book\\w*'),
  cue(
    'Reschedule',
    4,
    '(?:move|push|bump|shift) (?:my|the|it|our|that|this|me)|switch (?:it|my|to)|change (?:it|that)|change (?:my|the|our) (?:appointment|appt|booking|time|day|date|slot)',
  ),
  cue(
    'Reschedule',
    4,
    'cambi\\w* (?:mi|la|el|de|su) (?:hora|cita|dia|fecha|reserva|horario)|cambiarla|cambiarlo|cambiarme|(?:mover|muev\\w*|corre\\w*|adelant\\w*|atras\\w*) (?:mi|la|el) (?:hora|cita)',
  ),
  cue('Reschedule', 4, '(?:me )?(?:la|lo) (?:puedo|podemos|puede|pueden|podria|podrian) (?:cambiar|mover|correr)'),
  // "an hour later", "30 min earlier", "media hora antes": a shift of the time already set
  cue(
    'Reschedule',
    4,
    '(?:an?|one|half an?|\\d{1,3}|una|un|media|two|dos) (?:hours?|hrs?|minutes?|mins?|horas?|minutos?) (?:later|earlier|mas tarde|mas temprano)',
  ),
  // "cambiar mi control al viernes": one's own visit, named by its service, moved to another day.
  cue(
    'Reschedule',
    4,
    '(?:cambi\\w*|mover|muev\\w*|corre\\w*) (?:mi|su) \\w+(?: \\w+)? (?:al|para el|para la|para|a la|a el)\\b',
  ),
  // "push tomorrow's oil change back", "shift saturday's visit to sunday", "change the oil change to
  // 1pm", "move it from thursday to saturday": a visit taken somewhere else in time.
  cue(
    'Reschedule',
    4,
    '(?:push|bump|shift|move|(?<!oil )change|switch) (?:\\w+ ){0,4}?(?:back|forward|up|over|to|till|until|from) (?:\\w+ )?(?:\\d|mon|tue|wed|thu|fri|sat|sun|tomorrow|tmrw|today|tonight|next|this|later|earlier|noon|the|morning|afternoon|evening|another|a different|week)\\w*',
  ),
  cue(
    'Reschedule',
    4,
    '(?:(?:mover|muev\\w*|corre\\w*|adelant\\w*|atras\\w*|pasar|dejar)(?:la|lo)? (?:mi|su|la|el|lo)|cambi\\w* (?:mi|su|la hora|la cita|la reserva)) (?:\\w+ ){0,3}?(?:del?|para|al|a) (?:el |la |las? )?(?:\\d|lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|hoy|proxim|otr|siguiente|semana|tarde|noche)\\w*',
  ),
  // "cambiar el control del jueves al viernes": from one day to another ("cambiar el aceite el viernes" is a booking).
  cue(
    'Reschedule',
    4,
    'cambi\\w* (?:el|la|los|las) (?:\\w+ ){1,3}?del? (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|hoy|\\d+) (?:al|a|para)\\b',
  ),
  // "thursday instead of tomorrow", "at 11 instead of 9", "el miércoles en vez del martes",
  // "in the afternoon instead?": one time for another is a move, not a second booking.
  cue(
    'Reschedule',
    4,
    '(?:instead of|rather than|en vez del?|en lugar del?) (?:the |my |el |la |las |a las |mi )?(?:\\d|mon|tue|wed|thu|fri|sat|sun|tomorrow|tmrw|today|tonight|noon|next|this|morning|afternoon|evening|lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|hoy|mediodia|tarde|noche|proxim)\\w*|(?:day|tomorrow|tmrw|today|tonight|noon|morning|afternoon|evening|week|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun) instead',
  ),
  // "my appointment saturday needs to be later", "¿la hora del lunes puede ser más temprano?"
  cue(
    'Reschedule',
    4,
    '(?:my|the|our|mi|la|su) (?:appointment|appt|booking|visit|hora|cita|reserva) (?:\\w+ ){0,6}?(?:later|earlier|mas tarde|mas temprano)',
  ),
  // "lo puedo dejar para la otra semana", "me la pasan para el jueves": the visit, later.
  cue(
    'Reschedule',
    4,
    '(?:me )?(?:la|lo) (?:puedo|podemos|puede|pueden|podria|podrian|pasan|dejan) (?:dejar|pasar)? ?(?:para|pal|al)',
  ),
  // "can't make it Tuesday, can we do Thursday": calling off one time while asking for another.
  cue(
    'Reschedule',
    4,
    '(?:can t|cant|cannot|won t|wont) make it .*(?:instead|another|other|different|can (?:we|you|u) do|how about|what about)|no (?:voy a poder|puedo|podre|alcanzo)(?: ir| a llegar| a ir)? .*(?:cambi|otro dia|otra hora|en vez)',
  ),
  cue(
    'Reschedule',
    2.5,
    '(?:different|another|other) (?:time|day|date)|otr[ao] (?:dia|hora|fecha)|instead|make it|en vez de|en lugar de',
  ),
  // MyAppointments
  cue(
    'MyAppointments',
    4,
    'when (?:s |is )?my|whens my|what (?:time|day) (?:s|is) my|what (?:time|day) did (?:we|i|you|u) (?:say|agree|book|set|pick|choose)|my (?:appointments|bookings|appts)|do i (?:still )?have (?:an |any |a )?(?:appointment|appt|booking|anything|something)',
  ),
  cue(
    'MyAppointments',
    4,
    '(?:when|what time) (?:are|r) (?:you|u|they) (?:guys )?coming|(?:when|what time) (?:is|s) \\w+ (?:coming|getting here)|(?:is|are) \\w+ still coming|still coming|is my (?:appointment|appt|booking) still|(?:appointment|appt|booking) still (?:on|happening|good)|(?:is|are|r) (?:it|we|you|u) still (?:on|good|happening|coming)|still on for|^\\W*still on\\W*$|we still (?:on|good)|still good for|everything (?:ok|okay|good|fine) with my (?:appointment|appt|booking)|what (?:day|time) did i book|what did i book|check (?:on )?my (?:appointment|booking|appt)|(?:time|day|date) (?:on|of|for) my (?:appointment|appt|booking)',
  ),
  cue(
    'MyAppointments',
    4,
    'cuando (?:es|era|seria|queda|quedo) (?:mi|la) \\w+|a que hora (?:es|era|qued\\w*)(?: mi| la)?|mis (?:horas|citas|reservas)|pa(?:ra)? cuando (?:quedo|es|era|qued\\w*)|que (?:dia|hora) (?:es|era|quedo|quede) (?:mi|la)',
  ),
  cue(
    'MyAppointments',
    4,
    'sigue en pie|seguimos (?:para|el|en pie)|mi hora sigue|mi (?:hora|cita|reserva) (?:es|era|queda|quedo)|a que hora (?:tengo|tenia|tendria|debo|debia) que|que hora tengo|revisar mi (?:hora|cita|reserva)|me recuerda\\w* (?:mi|la|cuando)',
  ),
  // In Chile "¿tengo hora?" asks about one's own appointment; "¿tienen hora?" asks for a free one.
  cue('MyAppointments', 4, 'tengo (?:hora|cita|alguna hora|una hora)(?: agendada)?'),
  cue('MyAppointments', 3, 'remind me|upcoming'),
  cue(
    'MyAppointments',
    4,
    'did (?:my|the) (?:appointment|appt|booking|reservation) (?:go (?:thru|through)|get (?:booked|confirmed|made))|(?:is|was) my (?:appointment|appt|booking) (?:booked|confirmed|set|made)',
  ),
  // Services
  cue(
    'Services',
    3,
    'how much|prices?|pricing|cost\\w*|charge|rates?|quote|estimate|ballpark|what ?s the damage|what services|what do (?:you|u) (?:do|offer|fix)|what(?: ?s| does| would| will) an? (?:\\w+ ){1,3}(?:run|set me back)',
  ),
  // How long a service takes: "how long does a brake job take", "cuánto dura la consulta".
  cue(
    'Services',
    3,
    'how long (?:does|do|will|would|is|are|for|should|might)|how much time|how many (?:minutes|hours)|cuanto (?:dura|demora|se demora|tarda|se tarda|toma|se toma|tiempo)|que duracion',
  ),
  cue(
    'Services',
    3,
    'cuanto (?:cuesta|sale|vale|cobran|es|seria|cobra|saldria|costaria)|precios?|valor(?:es)?|tarifas?|que servicios|que (?:atienden|hacen|especialidades)|que (?:medicos|doctores|especialistas|profesionales|especialidades) (?:atienden|hay|tienen)',
  ),
  cue(
    'Services',
    2,
    'do (?:you|u) (?:guys )?(?:do|offer|fix|work on|handle|service|replace|install|change|repair|rotate)|what does an? \\w+(?: \\w+)? (?:run|cost)|(?:atienden|ven|ve|atiende) (?:a )?(?:ninos|guaguas|bebes|adultos)|tienen \\w+$',
  ),
  // Hours
  cue(
    'Hours',
    4,
    '(?:your|business|opening|store|shop|office) hours|what (?:are|r) (?:your|ur|the) hours|^hours$|how (?:late|early)|what days do (?:you|u)',
  ),
  cue(
    'Hours',
    4,
    '(?:what|wat|wht) time (?:do |does |are |r )?(?:you|u|ya|the shop|it) (?:guys )?(?:open|close|start|begin|finish)|(?:are|r) (?:you|u) (?:guys )?open|when (?:are|r|do) (?:you|u) (?:guys )?(?:open|close)|(?:open|work|working) (?:on )?(?:sundays?|saturdays?|weekends?)|(?:ur|you re|youre|u r|r u) open',
  ),
  cue(
    'Hours',
    4,
    'horarios?|a que hora (?:abren|cierran|atienden|abre|cierra)|(?:estan|esta) abiert\\w*|abren|cierran|hasta que hora|que dias (?:atienden?|abren?|trabajan?)',
  ),
  cue(
    'Hours',
    3,
    '(?:estan|esta) atendiendo|atienden? (?:los |el )?(?:sabados?|domingos?|feriados?|hoy|manana|lunes|martes|miercoles|jueves|viernes|\\d{1,2})|atienden$',
  ),
  // Help
  cue(
    'Help',
    4,
    '^(?:help|ayuda|info|menu|opciones|options)$|^(?:help me|help pls|help please|ayudame|ayuda por favor)$|how (?:does|do) (?:this|it) work|what can (?:i|you) (?:say|do|ask|text)|i need help|necesito ayuda',
  ),
  cue(
    'Help',
    4,
    'como funciona|que puedo (?:hacer|escribir|pedir)|no entiendo|no cacho|confused|what are my options|how do i (?:book|use|cancel)|como (?:pido|saco|agendo|reservo|pedir|sacar|agendar|reservar)|q(?:ue)? (?:tengo|hay) q(?:ue)? (?:escribir|poner|mandar|decir)|ayuda (?:porfa|por favor|pls)|how (?:does|do) (?:this|it) (?:\\w+ ){0,2}work',
  ),
  // Book
  cue(
    'Book',
    3,
    'book\\w*|schedul\\w*|set up|reserv\\w*|agend\\w*|pedir hora|sacar hora|tomar hora|(?:tienen|hay|tiene|habra) (?:hora|horas|cupo|disponib\\w*)|me (?:puede|pueden) (?:agendar|atender|anotar)',
  ),
  cue(
    'Book',
    2,
    'can (?:you|u) (?:guys )?(?:come|do|fit|squeeze|make it|get)|availab\\w*|openings?|disponib\\w*|cupos?|come out|swing by',
  ),
  cue('Book', 1.5, 'any(?:thing| time| slots?| spots?)|slots?|spots?|hora con'),
  // A wish and a thing to book make a request together ("i need an appointment", "quiero una hora"); one alone does not.
  cue('Book', 1, 'free|need|want|wanna|like|get|gotta|quiero|necesito|quisiera'),
  cue('Book', 1, 'appointment|appt|hora|cita'),
  // Confirm
  cue(
    'Confirm',
    3,
    'confirm\\w*|i ll be there|ill be there|see (?:you|u) (?:then|tomorrow|soon)|ahi estare|alli estare|nos vemos',
  ),
];
