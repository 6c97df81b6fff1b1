/**
 * Zone offsets from Utilities.formatDate, for a runtime whose Intl cannot format other time zones
 * (see useOffsetFallback in src/core/timeZone.ts). Never used while Intl works; when it is, the
 * core's per-value memo keeps it to one call per distinct date.
 */
export function utilitiesZoneOffset(ms: number, zone: string): number {
  // "Z" is the RFC 822 zone: "+0100", "-0800", "+0545".
  const z = Utilities.formatDate(new Date(ms), zone, 'Z');
  const m = /^([+-])(\d{2})(\d{2})$/.exec(z);
  if (!m) throw new Error(`Unexpected zone offset "${z}" for ${zone}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}
