/**
 * @module A Jalali date field: type the date (Persian, Arabic-Indic or ASCII digits; Jalali or ISO)
 * or pick it from a month calendar that starts on Saturday. It hands its owner an ISO date (or ''
 * when cleared); a date it cannot read gets a Persian message and changes nothing.
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { formatJalaliDate } from '../lib/jalali-date';
import { JALALI_MONTHS, jalaliOfIso, monthGrid, parseTypedDate, shiftMonth, WEEKDAYS } from '../lib/jalali-calendar';
import { jalaliFieldValue } from '../lib/jalali-input';
import { toPersianDigits } from '../lib/persian-digits';
import '../styles/date-picker.css';

export interface JalaliDatePickerProps {
  label: string;
  name: string;
  /** ISO date, '' for none; anything else (an old link's Jalali text) is shown as written. */
  value: string;
  onChange: (iso: string) => void;
  /** Month the calendar opens on when no date is chosen (e.g. the other end of a range; default today). */
  openOn?: string;
}

export function JalaliDatePicker(props: JalaliDatePickerProps) {
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  const [error, setError] = createSignal('');
  const [month, setMonth] = createSignal({ jy: 1400, jm: 1 });
  // Only a Gregorian ISO date is converted; an old link's «1399-11-01» is Jalali already and shown as written.
  const shown = () => (jalaliOfIso(props.value) && Number(props.value.slice(0, 4)) >= 1700 ? jalaliFieldValue(props.value) : props.value);
  let field: HTMLInputElement | undefined;

  const openCalendar = () => {
    const at = jalaliOfIso(parseTypedDate(props.value) ?? '') ?? jalaliOfIso(parseTypedDate(props.openOn ?? '') ?? '') ?? jalaliOfIso(new Date().toISOString().slice(0, 10));
    if (at) setMonth({ jy: at.jy, jm: at.jm });
    setOpen(true);
  };
  const choose = (iso: string) => {
    setError('');
    setOpen(false);
    if (field) field.value = jalaliFieldValue(iso);
    props.onChange(iso);
    field?.focus();
  };
  const typed = (text: string) => {
    if (!text.trim()) {
      setError('');
      props.onChange('');
      return;
    }
    const iso = parseTypedDate(text);
    if (!iso) {
      setError('تاریخ خوانده نشد؛ آن را مانند ۱۳۹۹/۱۱/۰۱ بنویسید یا از تقویم برگزینید.');
      return;
    }
    choose(iso);
  };

  return (
    <div
      class="date-picker"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open()) return;
        setOpen(false);
        field?.focus();
      }}
    >
      <label for={`${id}-field`}>{props.label}</label>
      <div class="date-picker-row">
        <input
          ref={field}
          id={`${id}-field`}
          type="text"
          inputmode="numeric"
          name={props.name}
          dir="rtl"
          placeholder="۱۳۹۹/۱۱/۰۱"
          autocomplete="off"
          value={shown()}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? `${id}-error` : undefined}
          onChange={(e) => typed(e.currentTarget.value)}
        />
        <button type="button" class="date-picker-toggle" aria-expanded={open()} aria-controls={`${id}-calendar`} aria-label={`تقویم ${props.label}`} onClick={() => (open() ? setOpen(false) : openCalendar())}>
          <span aria-hidden="true">▦</span>
        </button>
      </div>
      <Show when={error()}>
        <p id={`${id}-error`} class="field-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={open()}>
        <div id={`${id}-calendar`} class="date-picker-calendar" role="dialog" aria-label={`برگزیدن ${props.label}`}>
          <div class="date-picker-head">
            <button type="button" aria-label="ماه پیش" onClick={() => setMonth((m) => shiftMonth(m.jy, m.jm, -1))}>
              ›
            </button>
            <strong aria-live="polite">
              {JALALI_MONTHS[month().jm - 1]} {toPersianDigits(month().jy)}
            </strong>
            <button type="button" aria-label="ماه بعد" onClick={() => setMonth((m) => shiftMonth(m.jy, m.jm, 1))}>
              ‹
            </button>
          </div>
          <table class="date-picker-grid">
            <thead>
              <tr>
                <For each={WEEKDAYS}>{(day) => <th scope="col" abbr={day}>{day.slice(0, 1)}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={monthGrid(month().jy, month().jm)}>
                {(week) => (
                  <tr>
                    <For each={week}>
                      {(cell) => (
                        <td>
                          <Show when={cell}>
                            {(c) => (
                              <button type="button" aria-label={formatJalaliDate(c().iso)} aria-pressed={c().iso === props.value} onClick={() => choose(c().iso)}>
                                {toPersianDigits(c().day)}
                              </button>
                            )}
                          </Show>
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </div>
  );
}
