import type { DayNumber } from '../core/calendar';
import type { CustomerId } from '../core/cohorts';
import { LIST_HEADERS, NET_LIST_HEADERS, type ListRow } from '../core/models';
import { FORMAT } from './formats';
import type { Area, CellContent, CellStyle, Grid } from './grid';
import { HEADER, NOTE, TITLE, WARNING } from './styles';
import { MAX_LIST_ROWS, type ValueOptions, type ValueTables } from './customerValueTables';

/**
 * The at-risk and lapsed blocks of the "Customer value" sheet: who to reach while they can still be saved,
 * ranked by expected loss of value (net of the cost to serve when one is given), and the valuable customers the
 * model thinks are gone, ranked by past value. Same columns as =CLV(…, "at risk") and =CLV(…, "lapsed"); with
 * costs, "Cost to serve if still active" and "Net value if still active" join them and the loss is of net value.
 */

// User-facing wording, together so that moving it into the message catalogue is mechanical.
const pct = (v: number) => `${Number((v * 100).toFixed(2))} %`;
const count = (v: number) => v.toLocaleString('en-US');
const TEXT = {
  atRiskTitle: (o: ValueOptions) =>
    `At-risk customers: top ${pct(o.topShare)} by past value with P(alive) from ${pct(o.aliveFloor)} to below ${pct(o.aliveBelow)}`,
  lapsedTitle: (o: ValueOptions) => `Lapsed — win-back candidates: top ${pct(o.topShare)} by past value with P(alive) below ${pct(o.aliveFloor)}`,
  threshold: 'Past value at least',
  topShare: (t: ValueTables, o: ValueOptions) =>
    `The top ${pct(o.topShare)}: the ${count(t.topShare.count)} customers (${pct(o.topShare)} of ${count(t.scored)}, rounded up) with the highest past value, and anyone tied with the last of them — ${count(t.topShare.members)} customers. ` +
    `${count(t.atRisk.length)} of them have P(alive) from ${pct(o.aliveFloor)} to below ${pct(o.aliveBelow)} (at risk, still reachable) and ${count(t.lapsed.length)} below ${pct(o.aliveFloor)} (lapsed).`,
  moreAtRisk: (shown: number, more: number) => `Only the ${count(shown)} with the largest expected loss are listed; ${count(more)} more are at risk.`,
  moreLapsed: (shown: number, more: number) => `Only the ${count(shown)} with the highest past value are listed; ${count(more)} more are lapsed.`,
  noAtRisk: 'Nobody: no customer in the top share has a P(alive) in that range.',
  noLapsed: 'Nobody: no customer in the top share has a P(alive) below the floor.',
  loss:
    'Expected loss of value = CLV if still active − CLV = (1 − P(alive)) × CLV if still active, where CLV if still active is the model’s CLV had the customer certainly not left (the model forecasts P(alive) × that). It is the value written off because the customer may already have left: what keeping them is worth.',
  netLoss:
    'Expected loss of net value = (1 − P(alive)) × net value if still active, where net value if still active = CLV if still active − cost to serve if still active: what keeping the customer is worth after the cost of serving them. A negative figure means they cost more to serve than they bring.',
  negativeNet: (n: number) => `${count(n)} of them cost more to serve than they are forecast to bring: losing them loses nothing.`,
  recency: (end: string) => `Days are counted to the observation end (${end}); the usual gap is the customer’s average time between purchase days, blank with a single purchase.`,
  lapsedNote:
    'Below the floor the model thinks the customer has most likely left; CLV if still active is what winning them back would be worth over the horizon.',
};

/** Sheet headers: the =CLV list headers, with the net columns inserted after "CLV if still active" when costs are given. */
export function listHeaders(hasCosts: boolean): string[] {
  const headers: string[] = [...LIST_HEADERS];
  if (!hasCosts) return headers;
  headers[3] = NET_LIST_HEADERS.expectedLoss;
  headers.splice(6, 0, NET_LIST_HEADERS.costIfActive, NET_LIST_HEADERS.netIfActive);
  return headers;
}

const orBlank = (v: number): number | null => (Number.isFinite(v) ? v : null);

function listCells(r: ListRow, id: CustomerId, hasCosts: boolean, dayCell: (day: DayNumber) => Date): CellContent[] {
  const cells: CellContent[] = [id, r.probabilityAlive, r.pastValue, orBlank(r.expectedLoss), orBlank(r.clv), orBlank(r.clvIfActive),
    r.purchases, dayCell(r.lastPurchaseDay), r.daysSinceLast, orBlank(r.usualGapDays), r.recency];
  if (hasCosts) cells.splice(6, 0, orBlank(r.costIfActive), orBlank(r.netIfActive));
  return cells;
}

function listFormats(money: string, hasCosts: boolean): (string | undefined)[] {
  const formats = [undefined, FORMAT.percent, money, money, money, money, FORMAT.count, FORMAT.date, FORMAT.count, FORMAT.count, undefined];
  if (hasCosts) formats.splice(6, 0, money, money);
  return formats;
}

interface ListBlock {
  name: string;
  title: string;
  rows: ListRow[];
  more: (shown: number, more: number) => string;
  none: string;
  notes: string[];
}

/** Writes both lists (each at most MAX_LIST_ROWS rows) and returns their named areas. */
export function addCustomerLists(
  g: Grid,
  tables: ValueTables,
  options: ValueOptions,
  ids: readonly CustomerId[],
  money: string,
  endText: string,
  dayCell: (day: DayNumber) => Date,
): { name: string; area: Area }[] {
  const fmt = (format: string | undefined): CellStyle | undefined => (format ? { numberFormat: format } : undefined);
  const headers = listHeaders(tables.hasCosts);
  const formats = listFormats(money, tables.hasCosts);
  const named: { name: string; area: Area }[] = [];
  const negative = tables.atRisk.filter((r) => r.netIfActive < 0).length;
  const blocks: ListBlock[] = [
    {
      name: 'CustomerValueAtRisk',
      title: TEXT.atRiskTitle(options),
      rows: tables.atRisk,
      more: TEXT.moreAtRisk,
      none: TEXT.noAtRisk,
      notes: [tables.hasCosts ? TEXT.netLoss : TEXT.loss, ...(tables.hasCosts && negative ? [TEXT.negativeNet(negative)] : []), TEXT.recency(endText)],
    },
    { name: 'CustomerValueLapsed', title: TEXT.lapsedTitle(options), rows: tables.lapsed, more: TEXT.moreLapsed, none: TEXT.noLapsed, notes: [TEXT.lapsedNote] },
  ];
  for (const [k, block] of blocks.entries()) {
    g.add([block.title], TITLE);
    if (k === 0) {
      g.add([TEXT.threshold, orBlank(tables.topShare.threshold)], (i) => (i === 1 ? fmt(money) : undefined));
      g.add(['', TEXT.topShare(tables, options)], NOTE);
    }
    const shown = block.rows.slice(0, MAX_LIST_ROWS);
    const headerRow = g.add(headers, HEADER);
    for (const r of shown) g.add(listCells(r, ids[r.index], tables.hasCosts, dayCell), (j) => fmt(formats[j]));
    named.push({ name: block.name, area: { row: headerRow, column: 1, rows: shown.length + 1, columns: headers.length } });
    if (block.rows.length > shown.length) g.add(['', block.more(shown.length, block.rows.length - shown.length)], WARNING);
    if (block.rows.length === 0) g.add(['', block.none], NOTE);
    for (const note of block.notes) g.add(['', note], NOTE);
    g.skip();
  }
  return named;
}
