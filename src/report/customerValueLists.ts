import type { DayNumber } from '../core/calendar';
import type { CustomerId } from '../core/cohorts';
import { LIST_HEADERS, NET_LIST_HEADERS, type ListRow } from '../core/models';
import { cellDateFormat, FORMAT } from './formats';
import { msg, render, t, type Language, type AnyMessage, type MessageKey } from '../i18n';
import { date, integer, percent } from '../i18n/messages';
import type { Area, CellContent, CellStyle, Grid } from './grid';
import { HEADER, NOTE, TITLE, WARNING } from './styles';
import { MAX_LIST_ROWS, type ValueOptions, type ValueTables } from './customerValueTables';

/**
 * The at-risk and lapsed blocks of the "Customer value" sheet: who to reach while they can still be saved,
 * ranked by expected loss of value (net of the cost to serve when one is given), and the valuable customers the
 * model thinks are gone, ranked by past value. Same columns as =CLV(…, "at risk") and =CLV(…, "lapsed"); with
 * costs, "Cost to serve if still active" and "Net value if still active" join them and the loss is of net value.
 */

/** Sheet headers: the =CLV list headers, with the net columns inserted after "CLV if still active" when costs are given. */
export function listHeaders(hasCosts: boolean, language: Language): string[] {
  const keys: MessageKey[] = [...LIST_HEADERS];
  if (hasCosts) {
    keys[3] = NET_LIST_HEADERS.expectedLoss;
    keys.splice(6, 0, NET_LIST_HEADERS.costIfActive, NET_LIST_HEADERS.netIfActive);
  }
  return keys.map((key) => render({ key, params: {} }, language));
}

const orBlank = (v: number): number | null => (Number.isFinite(v) ? v : null);

function listCells(r: ListRow, id: CustomerId, hasCosts: boolean, dayCell: (day: DayNumber) => Date, language: Language): CellContent[] {
  const cells: CellContent[] = [id, r.probabilityAlive, r.pastValue, orBlank(r.expectedLoss), orBlank(r.clv), orBlank(r.clvIfActive),
    r.purchases, dayCell(r.lastPurchaseDay), r.daysSinceLast, orBlank(r.usualGapDays), r.recency ? render(r.recency, language) : ''];
  if (hasCosts) cells.splice(6, 0, orBlank(r.costIfActive), orBlank(r.netIfActive));
  return cells;
}

function listFormats(money: string, hasCosts: boolean, language: Language): (string | undefined)[] {
  const formats = [undefined, FORMAT.percent, money, money, money, money, FORMAT.count, cellDateFormat(language), FORMAT.count, FORMAT.count, undefined];
  if (hasCosts) formats.splice(6, 0, money, money);
  return formats;
}

interface ListBlock {
  name: string;
  title: AnyMessage;
  rows: ListRow[];
  /** The list's length (rows may hold only its first MAX_LIST_ROWS). */
  count: number;
  more: 'cv.atRisk.more' | 'cv.lapsed.more';
  none: AnyMessage;
  notes: AnyMessage[];
}

/** Writes both lists (each at most MAX_LIST_ROWS rows) in the sheet's language and returns their named areas. */
export function addCustomerLists(
  g: Grid,
  tables: ValueTables,
  options: ValueOptions,
  ids: readonly CustomerId[],
  money: string,
  language: Language,
  endDay: DayNumber,
  dayCell: (day: DayNumber) => Date,
): { name: string; area: Area }[] {
  const fmt = (format: string | undefined): CellStyle | undefined => (format ? { numberFormat: format } : undefined);
  const headers = listHeaders(tables.hasCosts, language);
  const formats = listFormats(money, tables.hasCosts, language);
  const named: { name: string; area: Area }[] = [];
  const negative = tables.atRiskNegative;
  const pct = (v: number) => percent(v, 2);
  const top = pct(options.topShare);
  const floor = pct(options.aliveFloor);
  const below = pct(options.aliveBelow);
  const blocks: ListBlock[] = [
    {
      name: 'CustomerValueAtRisk',
      title: msg('cv.atRisk.title', { top, floor, below }),
      rows: tables.atRisk,
      count: tables.atRiskCount ?? tables.atRisk.length,
      more: 'cv.atRisk.more',
      none: msg('cv.atRisk.none'),
      notes: [
        msg(tables.hasCosts ? 'cv.atRisk.netLoss' : 'cv.atRisk.loss'),
        ...(tables.hasCosts && negative ? [msg('cv.atRisk.negativeNet', { count: integer(negative) })] : []),
        msg('cv.atRisk.recency', { date: date(endDay) }),
      ],
    },
    {
      name: 'CustomerValueLapsed',
      title: msg('cv.lapsed.title', { top, floor }),
      rows: tables.lapsed,
      count: tables.lapsedCount ?? tables.lapsed.length,
      more: 'cv.lapsed.more',
      none: msg('cv.lapsed.none'),
      notes: [msg('cv.lapsed.note')],
    },
  ];
  const customers = (n: number) => msg('cv.customers', { count: integer(n) });
  for (const [k, block] of blocks.entries()) {
    g.add([render(block.title, language)], TITLE);
    if (k === 0) {
      g.add([t(language, 'cv.atRisk.threshold'), orBlank(tables.topShare.threshold)], (i) => (i === 1 ? fmt(money) : undefined));
      const share = msg('cv.atRisk.topShare', {
        top, floor, below,
        customers: customers(tables.topShare.count),
        scored: integer(tables.scored),
        members: customers(tables.topShare.members),
        atRisk: integer(tables.atRiskCount ?? tables.atRisk.length),
        lapsed: integer(tables.lapsedCount ?? tables.lapsed.length),
      });
      g.add(['', render(share, language)], NOTE);
    }
    const shown = block.rows.slice(0, MAX_LIST_ROWS);
    const headerRow = g.add(headers, HEADER);
    for (const r of shown) g.add(listCells(r, ids[r.index], tables.hasCosts, dayCell, language), (j) => fmt(formats[j]));
    named.push({ name: block.name, area: { row: headerRow, column: 1, rows: shown.length + 1, columns: headers.length } });
    if (block.count > shown.length) {
      g.add(['', t(language, block.more, { shown: integer(shown.length), count: integer(block.count - shown.length) })], WARNING);
    }
    if (block.count === 0) g.add(['', render(block.none, language)], NOTE);
    for (const note of block.notes) g.add(['', render(note, language)], NOTE);
    g.skip();
  }
  return named;
}
