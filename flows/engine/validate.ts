// Input validation per kind (docs/format.md §1 `input`, §2 rule 3). A valid answer comes back as the
// value to save: numbers as numbers, phones in E.164, dates as ISO yyyy-mm-dd. Numbers and dates
// are read in the answer's locale (./answerLocale.ts), phones in its country.
import {
  isSupportedCountry,
  Metadata,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';
import { testFlowPattern } from '../regex';
import type { StepOfType } from '../schema';
import { answerLocale } from './answerLocale';
import { parseDate } from './dates';
import { isImage, type EventOfType } from './events';
import { readNumber } from './numbers';
import type { VariableValue } from './session';

export type Answer =
  { type: 'text'; text: string } | { type: 'attachment'; event: EventOfType<'attachment'> };

export type InputData = StepOfType<'input'>['data'];

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
/**
 * Where and when an answer is read: the user's locale ("de_DE"), the flow's `defaultLocale`
 * ("de-DE") and the host's clock (ms epoch, for "tomorrow" and dates without a year).
 */
export interface AnswerContext {
  locale?: string | undefined;
  defaultLocale?: string | undefined;
  now?: number | undefined;
}

/** The value to save, or undefined when the answer is invalid. */
export function validateAnswer(
  data: InputData,
  answer: Answer,
  { locale, defaultLocale, now }: AnswerContext = {},
): VariableValue | undefined {
  if (answer.type === 'attachment') {
    // Several attachments in one message are one answer: the first that fits is saved.
    const { more, ...first } = answer.event;
    const all = [first, ...(more ?? [])];
    if (data.kind === 'attachment') return first.url;
    if (data.kind === 'image') return all.find(isImage)?.url;
    return undefined;
  }
  const text = answer.text.trim();
  switch (data.kind) {
    case 'text':
      return validText(data, text) ? text : undefined;
    case 'number':
      return parseNumber(text, data.min, data.max, answerLocale(locale, defaultLocale).tag);
    case 'email':
      return EMAIL.test(text) ? text : undefined;
    case 'phone':
      return parsePhone(text, phoneCountry(locale) ?? phoneCountry(defaultLocale));
    case 'date':
      return parseDate(text, answerLocale(locale, defaultLocale), now) ?? undefined;
    case 'url':
      return parseUrl(text);
    case 'image':
    case 'attachment':
      return undefined;
  }
}

function validText(data: InputData, text: string): boolean {
  const length = [...text].length;
  if (text === '') return false;
  if (data.min !== undefined && length < data.min) return false;
  if (data.max !== undefined && length > data.max) return false;
  if (data.pattern === undefined) return true;
  // Linear time (flows/regex.ts); the linter reports a pattern that does not compile.
  return testFlowPattern(data.pattern, text);
}

/** A number in the locale `tag` ("de-DE": "1.234,5"; see ./numbers.ts), within `min`..`max`. */
export function parseNumber(
  text: string,
  min?: number,
  max?: number,
  tag = 'en',
): number | undefined {
  const value = readNumber(text, tag);
  if (value === undefined) return undefined;
  if (min !== undefined && value < min) return undefined;
  if (max !== undefined && value > max) return undefined;
  return value;
}

/**
 * A phone number in E.164 ("+491511234567"), or undefined when it is not one. International
 * numbers ("+49 …", "0049 …") are read as such; a national one ("0151 1234567") only with a
 * country to read it in. Accepted (docs/format.md §1 "Phone answers"): what libphonenumber's full
 * metadata calls valid, and what it calls merely possible when it is as long as a mobile number
 * of that country and fits the country's numbering plan: the metadata's number ranges lag behind
 * what operators hand out, so a plausible number is not refused for being unknown.
 */
export function parsePhone(text: string, country?: CountryCode): string | undefined {
  let digits = text.replace(/[\s().-]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (!/^\+?\d+$/.test(digits)) return undefined;
  if (!digits.startsWith('+') && country === undefined) return undefined;
  const parsed = parsePhoneNumberFromString(digits, country ? { defaultCountry: country } : {});
  if (parsed === undefined) return undefined;
  if (parsed.isValid()) return parsed.number;
  return parsed.isPossible() && plausible(parsed.country, parsed.nationalNumber)
    ? parsed.number
    : undefined;
}

/** The parts of libphonenumber's numbering plan read here (its typings name fewer). */
interface PlanDetails {
  nationalNumberPattern(): string;
  type(name: 'MOBILE'): { possibleLengths(): number[] | undefined } | undefined;
}

/** Per country: the shortest mobile number and the national number pattern (null: none known). */
const plans = new Map<CountryCode, { shortestMobile: number; pattern: RegExp } | null>();

function planOf(country: CountryCode) {
  if (plans.has(country)) return plans.get(country)!;
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country);
  const plan = metadata.numberingPlan as unknown as PlanDetails | undefined;
  const mobile = plan?.type('MOBILE')?.possibleLengths();
  const known =
    plan === undefined || mobile === undefined || mobile.length === 0
      ? null
      : {
          shortestMobile: Math.min(...mobile),
          pattern: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
        };
  plans.set(country, known);
  return known;
}

/** As long as the country's shortest mobile number, and within its national number pattern. */
function plausible(country: CountryCode | undefined, national: string): boolean {
  const plan = country === undefined ? null : planOf(country);
  return plan !== null && national.length >= plan.shortestMobile && plan.pattern.test(national);
}

/**
 * Facebook locales whose second part is no country: es_LA is Spanish for Latin America (LA is
 * Laos), ar_AR is Arabic (AR is Argentina), en_UD is upside-down English.
 */
const NOT_A_COUNTRY = new Set(['es_LA', 'ar_AR', 'en_UD']);

/** The country of a locale, "de_DE" or "de-DE" → "DE", when libphonenumber knows it. */
export function phoneCountry(locale: string | undefined): CountryCode | undefined {
  if (locale === undefined || NOT_A_COUNTRY.has(locale)) return undefined;
  const region = /^[a-z]{2,3}[_-]([A-Z]{2})$/i.exec(locale)?.[1]?.toUpperCase();
  return region !== undefined && isSupportedCountry(region) ? region : undefined;
}

/** http(s) URLs; a bare domain ("example.com/x") is read as https. */
export function parseUrl(text: string): string | undefined {
  if (/\s/.test(text) || text === '') return undefined;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!/^[^.]+(\.[^.]+)+$/.test(url.hostname) && url.hostname !== 'localhost') return undefined;
  return candidate;
}
