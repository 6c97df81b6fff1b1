/** The instant of midnight starting a calendar day in an IANA zone, found with Intl alone (no production code). */
export function zonedMidnight(year: number, month: number, day: number, zone: string): number {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const wall = (ms: number) => {
    const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  };
  const target = Date.UTC(year, month - 1, day);
  let ms = target;
  for (let i = 0; i < 3; i++) ms += target - wall(ms);
  return ms;
}
