/**
 * @module iCalendar (RFC 5545) feeds: all-day events on due dates, text escaped, lines folded at
 * 75 octets without splitting a UTF-8 character, CRLF line ends.
 */

export interface CalendarEvent {
  uid: string;
  /** ISO date of the all-day event. */
  date: string;
  summary: string;
  description: string;
  url?: string;
  /** When the event last changed (ISO instant). */
  stamp: string;
}

/**
 * Escape a TEXT value: backslash, semicolon, comma and line breaks.
 *
 * @example
 * icsText('الف، ب; ج\nد') // 'الف، ب\\; ج\\nد'
 */
export function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Fold a content line into chunks of at most 75 octets, continuation lines starting with a space.
 *
 * @example
 * foldLine('SUMMARY:' + 'ا'.repeat(60)).split('\r\n ').length // 2
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function basicDate(iso: string): string {
  return iso.replace(/-/g, '');
}

function basicStamp(iso: string): string {
  return `${iso.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 15)}Z`;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A VCALENDAR with one all-day VEVENT per event.
 *
 * @example
 * buildCalendar('مهلت‌ها', [{ uid: 'action-1@neshast', date: '2021-02-03', summary: '…', description: '…', stamp: '2021-01-20T08:00:00Z' }])
 */
export function buildCalendar(name: string, events: CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Neshast//Action deadlines//FA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(name)}`,
    'X-WR-TIMEZONE:Asia/Tehran',
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${basicStamp(e.stamp)}`,
      `DTSTART;VALUE=DATE:${basicDate(e.date)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(e.date))}`,
      `SUMMARY:${icsText(e.summary)}`,
      `DESCRIPTION:${icsText(e.description)}`,
      ...(e.url ? [`URL:${e.url}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
