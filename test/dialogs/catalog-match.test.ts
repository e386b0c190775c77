import { editDistance } from '../../dialogs/engine/local/edit-distance';
import { understand } from './understand';

/** Services and staff found in a message, whatever the spelling. */

describe('service matching', () => {
  it.each([
    ['oil chnage tomorrow', 'oil-change'],
    ['OIL CHANGE pls', 'oil-change'],
    ['need an oil and filter', 'oil-change'],
    ['my brakes are squeaking', 'brake-pads'],
    ['brake pad replacement', 'brake-pads'],
    ['new batery', 'battery'],
    ['check engine light is on', 'diagnostics'],
    ['rotate my tires', 'tire-rotation'],
    ["I'm tired of waiting", null],
  ])('Edgar, English: %s → %s', async (text, key) => {
    expect((await understand(text)).serviceKey).toBe(key);
  });

  it.each([
    ['cambio de aceite', 'oil-change'],
    ['mis frenos suenan', 'brake-pads'],
    ['la batería no da', 'battery'],
    ['la bateria no da', 'battery'],
    ['rotacion de llantas', 'tire-rotation'],
  ])('Edgar, Spanish: %s → %s', async (text, key) => {
    expect((await understand(text, { turn: { customerLocale: 'es' } })).serviceKey).toBe(key);
  });

  it.each([
    ['quiero una consulta', 'consulta-general'],
    ['consultas generales', 'consulta-general'],
    ['hora para control', 'control'],
    ['necesito pediatra para mi guagua', 'pediatria'],
    ['una consulta pediátrica', 'pediatria'],
    ['pedriatra', 'pediatria'],
    ['revicion de examenes', 'control'],
  ])('clinic: %s → %s', async (text, key) => {
    expect((await understand(text, { business: 'clinica-santiago' })).serviceKey).toBe(key);
  });

  it('reads a generic word ("hora") as the catalog service only when booking', async () => {
    expect((await understand('quiero una hora', { business: 'clinica-santiago' })).serviceKey).toBe('consulta-general');
    expect((await understand('¿a qué hora abren?', { business: 'clinica-santiago' })).serviceKey).toBeNull();
    expect((await understand('quiero cancelar mi hora', { business: 'clinica-santiago' })).serviceKey).toBeNull();
  });

  it('prefers a specific word to a generic one', async () => {
    expect((await understand('una hora para mi hijo', { business: 'clinica-santiago' })).serviceKey).toBe('pediatria');
  });

  it('takes synonyms of another language only as typed', async () => {
    // English "son" is a pediatrics synonym; in Spanish it means "they are".
    expect((await understand('¿cuáles son los precios?', { business: 'clinica-santiago' })).serviceKey).toBeNull();
    expect((await understand('appointment for my son', { business: 'clinica-santiago' })).serviceKey).toBe('pediatria');
  });
});

describe('staff preference', () => {
  it.each([
    ['with Dr. Soto tomorrow', 'soto'],
    ['con la doctora', 'soto'],
    ['con la dra soto', 'soto'],
    ['con el doctor Pérez', 'perez'],
    ['con el doctor', 'perez'],
    ['con el dr perez', 'perez'],
    ['hora para el martes', null],
  ])('%s → %s', async (text, key) => {
    expect((await understand(text, { business: 'clinica-santiago' })).staffKey).toBe(key);
  });

  it.each([
    ['hora con un doctor el lunes', null],
    ['cualquier doctora me sirve', null],
    ['con cualquiera de los dos doctores', null],
    ['me da lo mismo el doctor', null],
    ['necesito ir al doctor', null],
    ['any doctor is fine', null],
    ['Doctora, ¿me puede ver el viernes?', 'soto'],
  ])('a word for the profession names nobody in particular: %s → %s', async (text, key) => {
    expect((await understand(text, { business: 'clinica-santiago' })).staffKey).toBe(key);
  });

  it('knows Edgar by name', async () => {
    expect((await understand('can edgar come friday')).staffKey).toBe('edgar');
  });
});

describe('edit distance', () => {
  it('counts a swapped pair as one edit', () => {
    expect(editDistance('chnage', 'change')).toBe(1);
    expect(editDistance('frenos', 'freno')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops early past the limit', () => {
    expect(editDistance('completely', 'different', 1)).toBe(2);
  });
});
