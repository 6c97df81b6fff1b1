/**
 * README's main command, `npm start`, as a newcomer runs it (on the built dist/ that `npm test`
 * has just built): the CDNOW demo and a CSV customer table, each ending in a workbook on disk.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const out = join(root, 'out', 'test-start');

function start(...args: string[]): string {
  return execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'start.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Tokyo' },
  });
}

async function sheetNames(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((w) => w.name);
}

/** P(alive) of every row of the first list on the Customer value sheet (the at-risk list) in the workbook. */
async function atRiskColumn(path: string): Promise<number[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheet = wb.getWorksheet('Customer value')!;
  let header = 0;
  sheet.eachRow((row, n) => {
    if (!header && row.getCell(4).value === 'Expected loss of value') header = n;
  });
  const out: number[] = [];
  for (let n = header + 1; typeof sheet.getRow(n).getCell(2).value === 'number'; n++) out.push(sheet.getRow(n).getCell(2).value as number);
  return out;
}

/** npm start's English console lines, which a run in another language must not print. */
const ENGLISH_HEADINGS = /^(Source:|Columns:|A customer is lost|Retention and churn per period|Customers per cohort|Retention per cohort|Model: BG\/NBD \(purchases\)|At-risk customers|Lapsed|Workbook written|Done in)|Sheets service calls|\(first \d+ of/m;

describe('npm start', () => {
  mkdirSync(out, { recursive: true });

  it('runs the report on the shipped CDNOW log and writes the workbook', async () => {
    const xlsx = join(out, 'cdnow.xlsx');
    rmSync(xlsx, { force: true });
    const text = start('--out', xlsx);
    expect(text).toContain('Source: "CDNOW", header row 1, 69,659 data rows, read as a transaction log.');
    expect(text).toMatch(/3 cohorts by month from 69,659 rows written to "Retention summary"/);
    expect(text).toMatch(/1997-01 +Jan 1, 1997 +7,846 +7,846 +1,157/); // the first day as an en_US date cell shows it (mmm d, yyyy)
    // Retention never above 100 %: every row of the per-period table, and CRR + churn = 100 %.
    expect(text).toMatch(/A customer is lost after 1 month without a purchase \(--lapse K to change\)\. Suggested from the data: \d+\. \d+% of customers' returns came within \d+ months/);
    const table = text.slice(text.indexOf('Retention and churn per period'), text.indexOf('Customers per cohort'));
    const periodRows = table.split('\n').filter((l) => /^\d{4}-\d{2} /.test(l));
    expect(periodRows).toHaveLength(18);
    for (const row of periodRows.slice(1)) {
      const [retention, churn] = [...row.matchAll(/(\d+\.\d)%/g)].map((m) => Number(m[1]));
      expect(retention, row).toBeLessThanOrEqual(100);
      expect(retention + churn, row).toBeCloseTo(100, 1);
    }
    expect(text).toMatch(/23,570 customers scored from 69,659 rows/);
    expect(existsSync(xlsx)).toBe(true);
    expect(await sheetNames(xlsx)).toEqual(expect.arrayContaining(['CDNOW', 'Retention summary', 'Customer value']));

    // The printed at-risk list: every P(alive) in [10 %, 50 %), and the same in the whole list of the workbook.
    const block = text.split('\n\n').find((b) => b.startsWith('At-risk customers: top 20% by past value with P(alive) from 10% to below 50%'))!;
    const [title, header, ...rows] = block.split('\n');
    expect(title).toMatch(/\(first 10 of [\d,]+\)$/);
    expect(header.split(/\s{2,}/)).toEqual(['Customer', 'P(alive)', 'Past value', 'Expected loss of value', 'CLV if still active', 'Last purchase', 'Last purchase vs usual']);
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      const alive = Number(row.trim().split(/\s+/)[1].replace('%', ''));
      expect(alive, row).toBeGreaterThanOrEqual(10);
      expect(alive, row).toBeLessThan(50);
      expect(row).toMatch(/last purchase \d+ days ago; usually every (\d+ days|day)$/);
    }
    const listed = await atRiskColumn(xlsx);
    expect(listed.length).toBe(Number(title.match(/of ([\d,]+)\)$/)![1].replace(/,/g, '')));
    for (const alive of listed) {
      expect(alive).toBeGreaterThanOrEqual(0.1);
      expect(alive).toBeLessThan(0.5);
    }
  });

  it('prints the at-risk and lapsed lists whole in a Czech spreadsheet (headers are the sheet\'s language)', () => {
    const text = start('--locale', 'cs_CZ', '--out', join(out, 'cdnow-cs.xlsx'));
    // The headers Czech users see on the Customer value sheet (src/i18n/cs/value.ts, copied here).
    const czech = ['Zákazník', 'P(alive)', 'Dosavadní hodnota', 'Očekávaná ztráta hodnoty', 'CLV, pokud je stále aktivní', 'Poslední nákup', 'Poslední nákup oproti obvyklému'];
    // The titles are the sheet's own (src/i18n/cs/value.ts), "20 %" with a no-break space as Czech writes it.
    for (const [start, count] of [['Ohrožení zákazníci: horních 20\u00a0% podle dosavadní hodnoty', 10], ['Odešlí — kandidáti na získání zpět: horních 20\u00a0%', 5]] as const) {
      const block = text.split('\n\n').find((b) => b.startsWith(start))!;
      const [, header, ...rows] = block.split('\n');
      expect(header.split(/\s{2,}/)).toEqual(czech);
      expect(rows).toHaveLength(count);
      for (const row of rows) {
        // id, P(alive) "17,2%", money in Czech form, a Czech date "18. 3. 1998", the days-ago sentence.
        expect(row, row).toMatch(/^\d{5}\s+\d+,\d%\s+[\d\s]+,\d\d\s.+\d{1,2}\.\s\d{1,2}\.\s\d{4}\s+\S/);
      }
    }
    // npm start's own lines in Czech too (src/i18n/cs/start.ts, written out here), none left in English.
    expect(text).toContain('Zdroj: „CDNOW“, řádek záhlaví 1, 69\u00a0659 datových řádků, čteno jako seznam transakcí.');
    expect(text).toContain('Sloupce: ID zákazníka = A „Customer ID“, datum = B „Date“, částka = D „Amount“');
    expect(text).toMatch(/Zákazník je ztracen po 1 měsíci bez nákupu \(změníte volbou --lapse K\)\. Návrh z dat: \d+\./);
    expect(text).toMatch(/3 kohorty po měsících z 69\u00a0659 řádků zapsány do listu „Přehled retence“\. {2}\(\d+ ms, volání služeb Tabulek: \d+\)/);
    for (const title of ['Míra udržení a odchodu zákazníků po obdobích', 'Zákazníci v kohortách', 'Míra udržení v kohortách (%)', 'Model: BG/NBD (nákupy) a Gamma-Gamma (útrata)']) {
      expect(text.split('\n'), title).toContain(title);
    }
    expect(text).toMatch(/\(prvních 10 z \d+\)\n/);
    expect(text).toMatch(/^Sešit zapsán do .*cdnow-cs\.xlsx \(listy: .*Přehled retence, Hodnota zákazníků\)$/m);
    expect(text).toMatch(/^Hotovo za \d+,\d s \(CPU \d+,\d s\), nejvýše \d+ MB paměti \(import [\d,]+ s, \d+ MB; přehled /m);
    expect(text).not.toMatch(ENGLISH_HEADINGS);
  });

  it('prints its own lines in Polish and Hungarian, errors included', () => {
    const csv = join(root, 'examples', 'subscriptions.csv');
    const polish = start(csv, '--period', 'quarter', '--zone', 'Europe/Prague', '--locale', 'pl_PL', '--out', join(out, 'subscriptions-pl.xlsx'));
    // Its MRR is written 29.00: a Polish spreadsheet reads that as text, and the run says so instead of dropping it silently.
    expect(polish).toContain('Kolumna „MRR” wygląda na kwotę, ale jej liczby mają inny separator dziesiętny („29.00”), przez co ustawienia regionalne arkusza odczytują je jako tekst, więc kolumna nie jest używana');
    expect(polish).toContain('Źródło: „subscriptions”, wiersz nagłówka 1, 1800 wierszy danych, odczytane jako tabela klientów.');
    expect(polish).toMatch(/^Zapisano \d+ kohort[y]? według kwartałów z 1800 wierszy w arkuszu „Podsumowanie retencji”\. {2}\(\d+ ms, wywołania usług Arkuszy: \d+\)$/m);
    for (const title of ['Retencja i odpływ klientów według okresów', 'Klienci w kohortach', 'Retencja w kohortach (%)']) expect(polish.split('\n'), title).toContain(title);
    expect(polish).toMatch(/^Skoroszyt zapisano w .*subscriptions-pl\.xlsx \(arkusze: /m);
    expect(polish).toMatch(/^Gotowe w \d+,\d s /m);
    expect(polish).not.toMatch(ENGLISH_HEADINGS);

    const hungarian = start(csv, '--period', 'quarter', '--zone', 'Europe/Budapest', '--locale', 'hu_HU', '--out', join(out, 'subscriptions-hu.xlsx'));
    expect(hungarian).toContain('Forrás: „subscriptions”, fejlécsor: 1., 1800 adatsor, ügyféltáblaként olvasva.');
    expect(hungarian).toContain('Oszlopok: ügyfélazonosító = A „Customer ID”, regisztráció dátuma = B „Signup date”, lemondás dátuma = C „Cancel date”, szegmens = D „Plan”');
    for (const title of ['Megtartás és lemorzsolódás időszakonként', 'Ügyfelek kohorszonként', 'Megtartási arány kohorszonként (%)']) expect(hungarian.split('\n'), title).toContain(title);
    expect(hungarian).toMatch(/^A munkafüzet ide íródott: .*subscriptions-hu\.xlsx \(lapok: /m);
    expect(hungarian).toMatch(/^Kész: \d+,\d s /m);
    expect(hungarian).not.toMatch(ENGLISH_HEADINGS);

    expect(() => start(join(root, 'no-such.csv'), '--locale', 'pl_PL')).toThrow(/npm start nie powiódł się: nie ma takiego pliku: /);
  });

  it('reads a CSV customer table given after --', async () => {
    const xlsx = join(out, 'subscriptions.xlsx');
    const text = start(join(root, 'examples', 'subscriptions.csv'), '--period', 'quarter', '--zone', 'Europe/Prague', '--out', xlsx);
    expect(text).toContain('1,800 data rows, read as a customer table.');
    expect(text).toMatch(/cohorts by quarter from 1,800 rows/);
    expect(text).not.toContain('Model: BG/NBD'); // a table has no purchases to model
    expect(await sheetNames(xlsx)).toEqual(expect.arrayContaining(['subscriptions', 'Retention summary']));
  });

  it('says clearly what is wrong with a missing file', () => {
    expect(() => start(join(root, 'no-such.csv'))).toThrow(/npm start failed: no such file/);
  });

  it('says an empty at-risk or lapsed list in words, not "(first 0 of 0)" over a header alone', () => {
    // 150 customers who buy every 5 to 12 days up to the last week of the data: nobody is slipping away.
    const lines = ['Customer,Date,Amount'];
    for (let c = 1; c <= 150; c++) {
      for (let day = c % 20, k = 0; day < 358; day += 5 + ((c * 7 + k) % 8), k++) {
        const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
        lines.push(`C${c},${date},${10 + ((c + k) % 80)}.50`);
      }
      lines.push(`C${c},2024-12-${25 + (c % 7)},20.00`);
    }
    const csv = join(out, 'loyal.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const text = start(csv, '--out', join(out, 'loyal.xlsx'));
    expect(text).toContain('At-risk customers: top 20% by past value with P(alive) from 10% to below 50%\nNobody: no customer in the top share has a P(alive) in that range.\n');
    expect(text).toContain('win-back candidates: top 20% by past value with P(alive) below 10%\nNobody: no customer in the top share has a P(alive) below the floor.\n');
    expect(text).not.toContain('(first 0 of 0)');
  });

  it('refuses a file too large for a spreadsheet in the --locale\'s language, with its counts', () => {
    const failure = (...args: string[]): string => {
      try {
        start(...args);
      } catch (e) {
        return String((e as { stderr?: string }).stderr ?? e);
      }
      throw new Error('npm start did not fail');
    };
    // 400,000 rows of 26 one-character cells and a header: 10,400,026 cells, over the 10,000,000 of a spreadsheet
    // that already has its first sheet's 26,000.
    const tall = join(out, 'tall.csv');
    const row = `${new Array(26).fill('1').join(',')}\n`;
    writeFileSync(tall, `${Array.from({ length: 26 }, (_, i) => `c${i}`).join(',')}\n${row.repeat(400_000)}`);
    expect(failure(tall, '--locale', 'pl_PL')).toContain(
      'npm start nie powiódł się: „tall.csv” potrzebuje 10\u00a0400\u00a0026 komórek (400\u00a0001 wierszy × 26 kolumn), a arkusz kalkulacyjny ma już 26\u00a0000: ' +
        'o 426\u00a0026 więcej niż limit Arkuszy Google wynoszący 10\u00a0000\u00a0000 komórek w jednym arkuszu kalkulacyjnym.',
    );
    expect(failure(tall)).toContain("npm start failed: \"tall.csv\" needs 10,400,026 cells (400,001 rows × 26 columns) and the spreadsheet already has 26,000: 426,026 more than Google Sheets' limit of 10,000,000 cells in a spreadsheet.");
    const wide = join(out, 'wide.csv');
    writeFileSync(wide, `${Array.from({ length: 18_279 }, (_, i) => `c${i}`).join(',')}\n`);
    expect(failure(wide, '--locale', 'cs_CZ')).toContain('npm start selhal: „wide.csv“ má 18\u00a0279 sloupců: Tabulky Google dovolí v listu nejvýše 18\u00a0278 sloupců (po ZZZ).');
  });

  it('suggests the lapse window in idiomatic Hungarian: "82%-a", not "82% része"', () => {
    // CDNOW by month: 82.0 % of returns come within 5 months of the previous purchase (counted apart in Python).
    const text = start('--locale', 'hu_HU', '--out', join(out, 'cdnow-hu.xlsx'));
    expect(text).toContain('Javaslat az adatok alapján: 5. A visszatérő vásárlások 82%-a 5 hónapon belül követte az ügyfél előző vásárlását.');
  });

  it('refuses a period it does not know before reading anything, naming the ones it takes', () => {
    // It had read the data, then blamed "the sidebar" and asked to reload it.
    const failure = (...args: string[]): string => {
      try {
        start(...args);
      } catch (e) {
        return String((e as { stderr?: string }).stderr ?? e) + String((e as { stdout?: string }).stdout ?? '');
      }
      throw new Error('npm start did not fail');
    };
    const english = failure('--period', 'fortnight');
    expect(english).toContain('npm start failed: --period must be one of week|month|quarter|year (got "fortnight")');
    expect(english).not.toMatch(/sidebar|Source:/);
    expect(failure('--period', 'fortnight', '--locale', 'cs_CZ')).toContain('npm start selhal: --period musí být jedno z week|month|quarter|year (zadáno „fortnight“)');
  });
});
