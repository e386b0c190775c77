/**
 * SMS segment arithmetic (GSM 03.38 and UCS-2): GSM-7 fits 160 characters in one segment; one
 * character outside it (an emoji, á, í, ó, ú) switches the whole message to UCS-2, 70.
 */
const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXTENDED = new Set('^{}\\[~]|€');

export function fitsOneSegment(text: string): boolean {
  let units = 0;
  for (const ch of text) {
    if (GSM7.has(ch)) units += 1;
    else if (GSM7_EXTENDED.has(ch)) units += 2;
    else return [...text].length <= 70;
  }
  return units <= 160;
}
