// Numbers, dates, durations, percentages and money as the UI language writes them, through Intl.
// The UI formats every number it shows through here: directly (`formatsFor(language)`, or the
// `useFormats()` hook in the UI) and, for numbers passed into translations, through the i18next
// formatter module below, so `{{score}}` in a translation is written the language's way too.
import type { FormatterModule } from 'i18next';

export interface Formats {
  readonly language: string;
  /** 1234.5 → "1 234,5" (fi); at most `maxFractionDigits` decimals (default 1). */
  number(value: number, maxFractionDigits?: number): string;
  /** A change: "+4", "−3" (with the language's own minus sign), "0". */
  signed(value: number): string;
  /** A share from 0 to 1: 0.42 → "42 %" (de). */
  percent(share: number): string;
  /** Euros: 1234.5 → "1.234,50 €" (de); whole euros (no cents) when `whole` is set. */
  currency(euros: number, whole?: boolean): string;
  /** A day: "27.11.2026" (de). */
  date(at: Date | number): string;
  /** A day and a time: "27.11.2026, 14:05" (de). */
  dateTime(at: Date | number): string;
  /** A length of time, in hours, minutes and seconds: "2 min 5 s" (fi). Rounded to the second. */
  duration(ms: number): string;
  /** A file size in decimal units: 2_500_000 → "2,5 MB" (de), "2,5 Mt" (fi); "512 kB"; "80 B". */
  fileSize(bytes: number): string;
  /** A time relative to `now`: "yesterday", "in 3 hours", "5 minutes ago". */
  relative(at: Date | number, now?: Date | number): string;
}

const cache = new Map<string, Formats>();

/** The formats of one language (cached: the same object for the same language). */
export function formatsFor(language: string): Formats {
  let formats = cache.get(language);
  if (!formats) {
    formats = create(language);
    cache.set(language, formats);
  }
  return formats;
}

function create(language: string): Formats {
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let format = numbers.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(language, { maximumFractionDigits: digits });
      numbers.set(digits, format);
    }
    return format;
  };
  const signed = new Intl.NumberFormat(language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const euros = new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' });
  const wholeEuros = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const unit = (name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' });
  const hours = unit('hour');
  const minutes = unit('minute');
  const seconds = unit('second');
  const units = new Intl.ListFormat(language, { type: 'unit', style: 'narrow' });
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const size = (name: 'byte' | 'kilobyte' | 'megabyte') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 1 });
  const bytes = size('byte');
  const kilobytes = size('kilobyte');
  const megabytes = size('megabyte');

  return {
    language,
    number: (value, maxFractionDigits = 1) => numberFormat(maxFractionDigits).format(value),
    signed: (value) => signed.format(value),
    percent: (share) => percent.format(share),
    currency: (value, whole = false) => (whole ? wholeEuros : euros).format(value),
    date: (at) => date.format(at),
    dateTime: (at) => dateTime.format(at),
    duration(ms) {
      const total = Math.max(0, Math.round(ms / 1000));
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      const parts: string[] = [];
      if (h > 0) parts.push(hours.format(h));
      if (m > 0) parts.push(minutes.format(m));
      if (s > 0 || parts.length === 0) parts.push(seconds.format(s));
      return units.format(parts);
    },
    fileSize(n) {
      if (n >= 1_000_000) return megabytes.format(n / 1_000_000);
      if (n >= 1_000) return kilobytes.format(n / 1_000);
      return bytes.format(n);
    },
    relative(at, now = Date.now()) {
      const seconds = (Number(at) - Number(now)) / 1000;
      const abs = Math.abs(seconds);
      if (abs < 60) return relative.format(Math.round(seconds), 'second');
      if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
      if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
      if (abs < 30 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
      if (abs < 365 * 86_400) return relative.format(Math.round(seconds / (30 * 86_400)), 'month');
      return relative.format(Math.round(seconds / (365 * 86_400)), 'year');
    },
  };
}

type Named = (value: unknown, language: string) => unknown;

/** The formats a translation can name: `{{when, datetime}}`, `{{amount, currency}}`, ... */
const NAMED: Record<string, Named> = {
  number: (v, l) => (typeof v === 'number' ? formatsFor(l).number(v) : v),
  signed: (v, l) => (typeof v === 'number' ? formatsFor(l).signed(v) : v),
  percent: (v, l) => (typeof v === 'number' ? formatsFor(l).percent(v) : v),
  currency: (v, l) => (typeof v === 'number' ? formatsFor(l).currency(v) : v),
  date: (v, l) => (v instanceof Date || typeof v === 'number' ? formatsFor(l).date(v) : v),
  datetime: (v, l) => (v instanceof Date || typeof v === 'number' ? formatsFor(l).dateTime(v) : v),
  duration: (v, l) => (typeof v === 'number' ? formatsFor(l).duration(v) : v),
  relative: (v, l) => (v instanceof Date || typeof v === 'number' ? formatsFor(l).relative(v) : v),
};

/**
 * The i18next formatter: with `interpolation.alwaysFormat`, every value interpolated into a
 * translation comes here. Numbers without a named format are written as numbers of the language
 * (`{{count}}` too: the plural form is still chosen from the raw count); dates as date and time.
 */
export function formatterModule(): FormatterModule {
  const custom: Record<string, Named> = {};
  return {
    type: 'formatter',
    init() {
      // Nothing to set up: formats are made on first use per language.
    },
    add(name, fc) {
      custom[name.toLowerCase().trim()] = (v, l) => fc(v, l, {});
    },
    addCached(name, fc) {
      custom[name.toLowerCase().trim()] = (v, l) => fc(l, {})(v);
    },
    // Typed as returning a string, but i18next passes other values on as they are (an undefined
    // value is how it notices a missing variable), as its own formatter does.
    format: (value: unknown, format?: string, lng?: string) =>
      formatValue(value, format, lng ?? 'en', custom) as string,
  };
}

function formatValue(value: unknown, format: string | undefined, language: string, custom: Record<string, Named>) {
  if (!format) {
    if (typeof value === 'number') return formatsFor(language).number(value);
    if (value instanceof Date) return formatsFor(language).dateTime(value);
    return value;
  }
  return format
    .split(',')
    .map((name) => name.toLowerCase().trim())
    .reduce((v, name) => (custom[name] ?? NAMED[name] ?? ((x: unknown) => x))(v, language), value);
}
