/** What the server answers the sidebar and the menu when something fails: in the user's language. */
export const server = {
  'server.unexpected': 'Something went wrong in the add-on ({detail}). Your sheets were not changed.',
  'server.badSettings': 'The sidebar sent settings the add-on cannot read: {detail}. Reload the sidebar.',
  'server.value.customers': { one: '{count} customer scored', other: '{count} customers scored' },
  'server.value.rows': { one: '{count} row', other: '{count} rows' },
  'server.value.skipped': { one: '{count} skipped', other: '{count} skipped' },
  'server.value.topAtRisk': { one: '{count} top customer', other: '{count} top customers' },
  'server.value.done': '{customers} from {rows}: {months}-month CLV {total} in total, {atRisk} at risk, {lapsed} lapsed. Written to "{sheet}".',
  'server.value.doneSkipped': '{customers} from {rows} ({skipped}): {months}-month CLV {total} in total, {atRisk} at risk, {lapsed} lapsed. Written to "{sheet}".',
  'server.value.doneNet': '{customers} from {rows}: {months}-month CLV {total} in total, net of the cost to serve {net}, {atRisk} at risk, {lapsed} lapsed. Written to "{sheet}".',
  'server.value.doneNetSkipped': '{customers} from {rows} ({skipped}): {months}-month CLV {total} in total, net of the cost to serve {net}, {atRisk} at risk, {lapsed} lapsed. Written to "{sheet}".',
  'server.value.untrusted': '{done} But the model cannot be fully trusted:',
} as const;
