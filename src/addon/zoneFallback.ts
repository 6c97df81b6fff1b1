/**
 * Zone offsets from Utilities.formatDate, for a runtime whose Intl cannot format other time zones
 * (see useOffsetFallback in src/core/timeZone.ts). Never used while Intl works; when it is, the
 * core's per-value memo keeps it to one call per distinct date.
 *
 * Utilities.formatDate follows java.text.SimpleDateFormat with java.util.TimeZone, whose getTimeZone
 * answers GMT for an id it does not know instead of failing (its Javadoc; seen in Apps Script too:
 * github.com/pixelcog/gmail-to-pdf/issues/13, where "EDT" came out as GMT). So an unknown zone would
 * silently read as UTC: a zone that shows UTC+0 in January and in July is accepted only when it is
 * one of the zones that really keep UTC+0 all year.
 */
export function utilitiesZoneOffset(ms: number, zone: string): number {
  if (!checked.has(zone)) {
    if (PROBES.every((t) => offsetOf(t, zone) === 0) && !ZONES_AT_UTC_ALL_YEAR.includes(zone)) {
      throw new Error(`Unknown time zone "${zone}"`); // i18n-exempt: caught and reported through zone.unknown, never shown as is
    }
    checked.add(zone);
  }
  return offsetOf(ms, zone);
}

/** Zones on UTC+0 in January and July (IANA names and their links), as tzdata has them. */
export const ZONES_AT_UTC_ALL_YEAR: readonly string[] = [
  'UTC', 'GMT', 'Etc/UTC', 'Etc/GMT', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'Etc/Greenwich', 'Etc/GMT0', 'Etc/GMT+0',
  'Etc/GMT-0', 'GMT0', 'GMT+0', 'GMT-0', 'Greenwich', 'UCT', 'Universal', 'Zulu',
  'Africa/Abidjan', 'Africa/Accra', 'Africa/Bamako', 'Africa/Banjul', 'Africa/Bissau', 'Africa/Conakry', 'Africa/Dakar',
  'Africa/Freetown', 'Africa/Lome', 'Africa/Monrovia', 'Africa/Nouakchott', 'Africa/Ouagadougou', 'Africa/Sao_Tome',
  'Africa/Timbuktu', 'America/Danmarkshavn', 'Atlantic/Reykjavik', 'Atlantic/St_Helena', 'Iceland',
];

/** Mid-January and mid-July 2024, noon UTC: any zone with daylight saving is off UTC in one of them. */
export const PROBES = [Date.UTC(2024, 0, 15, 12), Date.UTC(2024, 6, 15, 12)];

const checked = new Set<string>();

function offsetOf(ms: number, zone: string): number {
  // "Z" is the RFC 822 zone: "+0100", "-0800", "+0545".
  const z = Utilities.formatDate(new Date(ms), zone, 'Z');
  const m = /^([+-])(\d{2})(\d{2})$/.exec(z);
  if (!m) throw new Error(`Unexpected zone offset "${z}" for ${zone}`); // i18n-exempt: caught and reported through zone.unknown, never shown as is
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}
